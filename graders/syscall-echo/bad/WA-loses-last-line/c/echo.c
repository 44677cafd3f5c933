/* Known bad: only prints lines that end in a newline, so a last line without one is lost. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "echo.h"

static int write_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

int echo_lines(int in_fd, int out_fd) {
    size_t cap = 1 << 16, len = 0;
    char *data = malloc(cap);
    ssize_t n;
    while ((n = read(in_fd, data + len, cap - len)) > 0) {
        len += (size_t)n;
        if (len == cap) data = realloc(data, cap *= 2);
    }
    int status = n < 0 ? -1 : 0;
    size_t start = 0;
    for (size_t i = 0; status == 0 && i < len; i++) {
        if (data[i] != '\n') continue;
        char prefix[32];
        int p = snprintf(prefix, sizeof prefix, "%zu ", i - start);
        if (write_all(out_fd, prefix, (size_t)p) != 0 || write_all(out_fd, data + start, i - start + 1) != 0) status = -1;
        start = i + 1;
    }
    free(data);
    return status;
}

/* Known bad: takes what one read(2) returns for whole lines, so a line split across two reads comes
 * out as two lines (and a read that ends before a newline, as a line that was never there). */
#include <errno.h>
#include <stdio.h>
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

static int emit(int fd, const char *line, size_t len) {
    char prefix[32];
    int p = snprintf(prefix, sizeof prefix, "%zu ", len);
    if (write_all(fd, prefix, (size_t)p) != 0 || write_all(fd, line, len) != 0) return -1;
    return write_all(fd, "\n", 1);
}

int echo_lines(int in_fd, int out_fd) {
    char block[65536];
    ssize_t n;
    while ((n = read(in_fd, block, sizeof block)) > 0) {
        size_t start = 0;
        for (size_t i = 0; i < (size_t)n; i++) {
            if (block[i] != '\n') continue;
            if (emit(out_fd, block + start, i - start) != 0) return -1;
            start = i + 1;
        }
        if (start < (size_t)n && emit(out_fd, block + start, (size_t)n - start) != 0) return -1;
    }
    return n < 0 ? -1 : 0;
}

/* Known bad: only prints lines that end in a newline, so a last line without one is lost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "echo.h"

int echo_lines(int in_fd, int out_fd) {
    size_t cap = 1 << 16, len = 0;
    char *data = malloc(cap);
    ssize_t n;
    while ((n = read(in_fd, data + len, cap - len)) > 0) {
        len += (size_t)n;
        if (len == cap) data = realloc(data, cap *= 2);
    }
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (data[i] != '\n') continue;
        char prefix[32];
        int p = snprintf(prefix, sizeof prefix, "%zu ", i - start);
        write(out_fd, prefix, (size_t)p);
        write(out_fd, data + start, i - start + 1);
        start = i + 1;
    }
    free(data);
    return 0;
}

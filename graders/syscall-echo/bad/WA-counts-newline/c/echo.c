/* Known bad: counts the newline as part of the line's length. */
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
    for (size_t i = 0; i <= len; i++) {
        if (i == len && start == len) break;
        if (i < len && data[i] != '\n') continue;
        size_t line = i - start + (i < len ? 1 : 0); /* bug: includes '\n' */
        char prefix[32];
        int p = snprintf(prefix, sizeof prefix, "%zu ", line);
        write(out_fd, prefix, (size_t)p);
        write(out_fd, data + start, i - start);
        write(out_fd, "\n", 1);
        start = i + 1;
    }
    free(data);
    return 0;
}

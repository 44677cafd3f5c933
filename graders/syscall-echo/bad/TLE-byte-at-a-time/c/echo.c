/* Known bad: one read(2) per byte and one write(2) per line. Correct, but millions of system calls. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "echo.h"

int echo_lines(int in_fd, int out_fd) {
    size_t cap = 256, len = 0;
    char *line = malloc(cap);
    char c;
    ssize_t n;
    int open_line = 0;
    while ((n = read(in_fd, &c, 1)) == 1) {
        if (c == '\n') {
            char prefix[32];
            int p = snprintf(prefix, sizeof prefix, "%zu ", len);
            write(out_fd, prefix, (size_t)p);
            write(out_fd, line, len);
            write(out_fd, "\n", 1);
            len = 0;
            open_line = 0;
            continue;
        }
        if (len == cap) line = realloc(line, cap *= 2);
        line[len++] = c;
        open_line = 1;
    }
    if (open_line) {
        char prefix[32];
        int p = snprintf(prefix, sizeof prefix, "%zu ", len);
        write(out_fd, prefix, (size_t)p);
        write(out_fd, line, len);
        write(out_fd, "\n", 1);
    }
    free(line);
    return n < 0 ? -1 : 0;
}

/* Known bad: one read(2) per byte and one write(2) per line. Correct, but millions of system calls. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
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
    size_t cap = 256, len = 0;
    char *line = malloc(cap);
    char c;
    ssize_t n;
    int open_line = 0, status = 0;
    while ((n = read(in_fd, &c, 1)) == 1) {
        if (c == '\n') {
            if (emit(out_fd, line, len) != 0) {
                status = -1;
                break;
            }
            len = 0;
            open_line = 0;
            continue;
        }
        if (len == cap) line = realloc(line, cap *= 2);
        line[len++] = c;
        open_line = 1;
    }
    if (n < 0) status = -1;
    if (status == 0 && open_line) status = emit(out_fd, line, len);
    free(line);
    return status;
}

/* Known bad: assumes no line is longer than 4 KiB and checks it with assert, which aborts on the long line. */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
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
    char line[4096];
    size_t len = 0;
    char block[4096];
    ssize_t n;
    int open_line = 0;
    while ((n = read(in_fd, block, sizeof block)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            if (block[i] == '\n') {
                if (emit(out_fd, line, len) != 0) return -1;
                len = 0;
                open_line = 0;
            } else {
                assert(len < sizeof line);
                line[len++] = block[i];
                open_line = 1;
            }
        }
    }
    if (n < 0) return -1;
    if (open_line) return emit(out_fd, line, len);
    return 0;
}

/* Known bad: assumes no line is longer than 4 KiB and checks it with assert, which aborts on the 1 MiB line. */
#include <assert.h>
#include <stdio.h>
#include <unistd.h>
#include "echo.h"

int echo_lines(int in_fd, int out_fd) {
    char line[4096];
    size_t len = 0;
    char block[4096];
    ssize_t n;
    int open_line = 0;
    while ((n = read(in_fd, block, sizeof block)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            if (block[i] == '\n') {
                char prefix[32];
                int p = snprintf(prefix, sizeof prefix, "%zu ", len);
                write(out_fd, prefix, (size_t)p);
                write(out_fd, line, len);
                write(out_fd, "\n", 1);
                len = 0;
                open_line = 0;
            } else {
                assert(len < sizeof line);
                line[len++] = block[i];
                open_line = 1;
            }
        }
    }
    if (open_line) {
        char prefix[32];
        int p = snprintf(prefix, sizeof prefix, "%zu ", len);
        write(out_fd, prefix, (size_t)p);
        write(out_fd, line, len);
        write(out_fd, "\n", 1);
    }
    return 0;
}

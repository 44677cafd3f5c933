/* Known bad: stdio does the reading and writing (fdopen, getline, fprintf), which the statement
 * forbids; refused before it is built. */
#include <stdio.h>
#include <stdlib.h>
#include "echo.h"

int echo_lines(int in_fd, int out_fd) {
    FILE *in = fdopen(in_fd, "r"), *out = fdopen(out_fd, "w");
    if (!in || !out) return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, in)) > 0) {
        size_t len = (size_t)n - (line[n - 1] == '\n');
        fprintf(out, "%zu %.*s\n", len, (int)len, line);
    }
    free(line);
    return fflush(out) == 0 ? 0 : -1;
}

/* Known bad: correct, reads in blocks, but makes one write(2) per line (its length, bytes and newline
 * gathered first): a system call per line is several times the reference's cost on many short lines. */
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

static char *line;
static size_t line_cap;

static int emit_line(int fd, const char *data, size_t len) {
    if (len + 32 > line_cap) {
        line_cap = (len + 32) * 2;
        line = realloc(line, line_cap);
        if (!line) return -1;
    }
    int n = snprintf(line, line_cap, "%zu ", len);
    memcpy(line + n, data, len);
    line[n + len] = '\n';
    return write_all(fd, line, (size_t)n + len + 1);
}

int echo_lines(int in_fd, int out_fd) {
    char block[65536];
    char *pending = NULL;
    size_t pending_len = 0;
    ssize_t n;
    while ((n = read(in_fd, block, sizeof block)) > 0) {
        size_t start = 0;
        for (size_t i = 0; i < (size_t)n; i++) {
            if (block[i] != '\n') continue;
            pending = realloc(pending, pending_len + (i - start) + 1);
            memcpy(pending + pending_len, block + start, i - start);
            if (emit_line(out_fd, pending, pending_len + (i - start)) != 0) return -1;
            pending_len = 0;
            start = i + 1;
        }
        pending = realloc(pending, pending_len + ((size_t)n - start) + 1);
        memcpy(pending + pending_len, block + start, (size_t)n - start);
        pending_len += (size_t)n - start;
    }
    int status = n < 0 ? -1 : 0;
    if (status == 0 && pending_len > 0) status = emit_line(out_fd, pending, pending_len);
    free(pending);
    pending = NULL;
    return status;
}

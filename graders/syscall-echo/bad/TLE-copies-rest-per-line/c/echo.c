/* Known bad: correct, but it fills a 512 KiB buffer before it looks for lines, and after every line
 * moves the rest of the buffer to the front (memmove): each line costs as much as everything behind
 * it in the buffer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "echo.h"

#define BLOCK (512 * 1024)

static char out[65536];
static size_t out_len;

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

static int emit(int fd, const char *data, size_t len) {
    if (out_len + len > sizeof out) {
        if (write_all(fd, out, out_len) != 0) return -1;
        out_len = 0;
        if (len > sizeof out) return write_all(fd, data, len);
    }
    memcpy(out + out_len, data, len);
    out_len += len;
    return 0;
}

static int emit_line(int fd, const char *line, size_t len) {
    char prefix[32];
    int n = snprintf(prefix, sizeof prefix, "%zu ", len);
    if (emit(fd, prefix, (size_t)n) != 0 || emit(fd, line, len) != 0) return -1;
    return emit(fd, "\n", 1);
}

int echo_lines(int in_fd, int out_fd) {
    size_t cap = BLOCK, len = 0;
    char *buffer = malloc(cap);
    int eof = 0, status = 0;
    out_len = 0;
    while (status == 0) {
        while (!eof && len < cap) {
            ssize_t n = read(in_fd, buffer + len, cap - len);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                status = n < 0 ? -1 : 0;
                eof = 1;
                break;
            }
            len += (size_t)n;
        }
        char *newline;
        while (status == 0 && (newline = memchr(buffer, '\n', len))) {
            size_t line = (size_t)(newline - buffer);
            status = emit_line(out_fd, buffer, line);
            memmove(buffer, newline + 1, len - line - 1); /* the copy, once per line */
            len -= line + 1;
        }
        if (eof) break;
        if (len == cap) buffer = realloc(buffer, cap *= 2); /* a line longer than the buffer */
    }
    if (status == 0 && len > 0) status = emit_line(out_fd, buffer, len);
    if (status == 0) status = write_all(out_fd, out, out_len);
    out_len = 0;
    free(buffer);
    return status;
}

/* Known bad: the reference's lines, but a failed write(2) is taken for a finished one: it returns 0
 * where the API says -1. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "echo.h"

#define BLOCK 65536

static char out[BLOCK];
static size_t out_len;

static int write_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return 0; /* bug: the bytes are lost, and nobody hears of it */
        }
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
    char block[BLOCK];
    char *pending = NULL; /* the start of a line that has not ended yet */
    size_t pending_len = 0, pending_cap = 0;
    int status = 0;
    for (;;) {
        ssize_t n = read(in_fd, block, sizeof block);
        if (n < 0) {
            if (errno == EINTR) continue;
            status = -1;
            break;
        }
        if (n == 0) break;
        size_t start = 0;
        for (size_t i = 0; i < (size_t)n; i++) {
            if (block[i] != '\n') continue;
            if (pending_len > 0) {
                size_t piece = i - start;
                if (pending_len + piece > pending_cap) {
                    pending_cap = (pending_len + piece) * 2;
                    pending = realloc(pending, pending_cap);
                    if (!pending) return -1;
                }
                memcpy(pending + pending_len, block + start, piece);
                if (emit_line(out_fd, pending, pending_len + piece) != 0) return -1;
                pending_len = 0;
            } else if (emit_line(out_fd, block + start, i - start) != 0) {
                return -1;
            }
            start = i + 1;
        }
        size_t rest = (size_t)n - start;
        if (rest > 0) {
            if (pending_len + rest > pending_cap) {
                pending_cap = (pending_len + rest) * 2;
                pending = realloc(pending, pending_cap);
                if (!pending) return -1;
            }
            memcpy(pending + pending_len, block + start, rest);
            pending_len += rest;
        }
    }
    if (status == 0 && pending_len > 0 && emit_line(out_fd, pending, pending_len) != 0) status = -1;
    free(pending);
    if (status == 0 && write_all(out_fd, out, out_len) != 0) status = -1;
    out_len = 0;
    return status;
}

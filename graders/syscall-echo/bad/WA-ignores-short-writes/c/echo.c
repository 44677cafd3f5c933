/* Known bad: correct lines, but each buffer goes out in one write(2) whose result is ignored, so
 * whatever a short write did not take is lost. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "echo.h"

#define BLOCK 65536

static char out[BLOCK];
static size_t out_len;

static int flush(int fd) {
    ssize_t n = write(fd, out, out_len); /* bug: n may be less than out_len */
    out_len = 0;
    return n < 0 ? -1 : 0;
}

static int emit(int fd, const char *data, size_t len) {
    while (len > 0) {
        if (out_len == BLOCK && flush(fd) != 0) return -1;
        size_t room = BLOCK - out_len, piece = len < room ? len : room;
        memcpy(out + out_len, data, piece);
        out_len += piece;
        data += piece;
        len -= piece;
    }
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
    if (status == 0 && out_len > 0) status = flush(out_fd);
    return status;
}

/* The driver: reads the frame count and the accesses, calls your pager, prints a line per access
 * and the totals. Input and output go through large buffers: tests have millions of accesses. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "pager.h"

#define MAX_ACCESSES 1000000

static unsigned char in_buf[1 << 20];
static size_t in_len, in_pos;
static char out_buf[1 << 20];
static size_t out_len;

static int next_byte(void) {
    if (in_pos == in_len) {
        in_len = fread(in_buf, 1, sizeof in_buf, stdin);
        in_pos = 0;
        if (in_len == 0) return EOF;
    }
    return in_buf[in_pos++];
}

/* The next white-space-separated token into `token` (at most size - 1 bytes); 0 at end of input. */
static size_t next_token(char *token, size_t size) {
    int c;
    size_t n = 0;
    do c = next_byte(); while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
    while (c != EOF && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        if (n < size - 1) token[n] = (char)c;
        n++;
        c = next_byte();
    }
    token[n < size - 1 ? n : size - 1] = '\0';
    return n;
}

/* The next token as an integer in [min, max], or -1. */
static long next_integer(long min, long max) {
    char token[16];
    size_t n = next_token(token, sizeof token);
    if (n == 0 || n >= sizeof token) return -1;
    long value = 0;
    for (size_t i = 0; i < n; i++) {
        if (token[i] < '0' || token[i] > '9') return -1;
        value = value * 10 + (token[i] - '0');
    }
    return value >= min && value <= max ? value : -1;
}

/* Malformed input ends the run with a message on standard output and status 0, so that running
 * your own input shows the message next to the reference's identical one. */
static int invalid(const char *format, ...) {
    va_list args;
    va_start(args, format);
    fputs("invalid input: ", stdout);
    vprintf(format, args);
    putchar('\n');
    va_end(args);
    return 0;
}

static void flush_out(void) {
    fwrite(out_buf, 1, out_len, stdout);
    out_len = 0;
}

static void put_char(char c) {
    if (out_len == sizeof out_buf) flush_out();
    out_buf[out_len++] = c;
}

static void put_string(const char *s) {
    while (*s) put_char(*s++);
}

static void put_integer(long value) {
    char digits[24];
    int n = 0;
    if (value < 0) {
        put_char('-');
        value = -value;
    }
    do digits[n++] = (char)('0' + value % 10); while ((value /= 10) > 0);
    while (n > 0) put_char(digits[--n]);
}

int main(void) {
    long frames = next_integer(1, MAX_FRAMES);
    long count = next_integer(0, MAX_ACCESSES);
    if (frames < 0 || count < 0) {
        return invalid("the first line must be the frame count (1 to 100000) and the number of accesses (0 to 1000000)");
    }
    int *pages = malloc(sizeof *pages * (size_t)(count > 0 ? count : 1));
    char *writes = malloc((size_t)(count > 0 ? count : 1));
    if (!pages || !writes) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    for (long i = 0; i < count; i++) {
        char op[2];
        long page = next_integer(0, PAGE_LIMIT - 1);
        size_t op_length = next_token(op, sizeof op);
        if (page < 0 || op_length != 1 || (op[0] != 'R' && op[0] != 'W')) {
            return invalid("access %ld must be a page number (0 to 999999) and R or W", i + 1);
        }
        pages[i] = (int)page;
        writes[i] = op[0] == 'W';
    }
    char extra[2];
    if (next_token(extra, sizeof extra) > 0) return invalid("there are more accesses than the first line says (%ld)", count);

    pager *p = pager_create((int)frames);
    if (!p) {
        fprintf(stderr, "pager_create returned NULL\n");
        return 1;
    }
    long hits = 0, writebacks = 0;
    for (long i = 0; i < count; i++) {
        access_result r = pager_access(p, pages[i], writes[i]);
        if (r.hit) {
            hits++;
            put_char('H');
        } else {
            put_char('F');
            if (r.evicted != NO_PAGE) {
                put_char(' ');
                put_integer(r.evicted);
                if (r.dirty) {
                    writebacks++;
                    put_string(" W");
                }
            }
        }
        put_char('\n');
    }
    pager_destroy(p);
    put_string("TOTAL accesses=");
    put_integer(count);
    put_string(" hits=");
    put_integer(hits);
    put_string(" faults=");
    put_integer(count - hits);
    put_string(" writebacks=");
    put_integer(writebacks);
    put_char('\n');
    flush_out();
    free(pages);
    free(writes);
    return 0;
}

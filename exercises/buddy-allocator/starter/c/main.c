/* The driver: reads the scenarios, runs each one's operations on your allocator, keeps track of
 * what each allocation got, and prints the results. Input and output go through large buffers:
 * tests have a million operations. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buddy.h"

#define MAX_SCENARIOS 20
#define MAX_ORDER 24
#define MAX_OPERATIONS 1000000
#define MAX_OPERATIONS_IN_ALL 2000000
#define MAX_PAGES (1 << MAX_ORDER)

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

/* The white space Python's bytes.split() skips, so that the three drivers read the same tokens. */
static int is_space(int c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f';
}

/* The next white-space-separated token into `token` (at most size - 1 bytes); its full length, 0 at
 * end of input. */
static size_t next_token(char *token, size_t size) {
    int c;
    size_t n = 0;
    do c = next_byte(); while (is_space(c));
    while (c != EOF && !is_space(c)) {
        if (n < size - 1) token[n] = (char)c;
        n++;
        c = next_byte();
    }
    token[n < size - 1 ? n : size - 1] = '\0';
    return n;
}

/* The next token as an integer in [min, max], or -1. */
static int64_t next_integer(int64_t min, int64_t max) {
    char token[16];
    size_t n = next_token(token, sizeof token);
    if (n == 0 || n >= sizeof token) return -1;
    int64_t value = 0;
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

/* 0 while a summary report's per-operation lines are being left out. */
static int printing = 1;

static void put_char(char c) {
    if (!printing) return;
    if (out_len == sizeof out_buf) flush_out();
    out_buf[out_len++] = c;
}

static void put_string(const char *s) {
    while (*s) put_char(*s++);
}

static void put_integer(int64_t value) {
    char digits[24];
    int n = 0;
    do digits[n++] = (char)('0' + value % 10); while ((value /= 10) > 0);
    while (n > 0) put_char(digits[--n]);
}

/* An allocator that breaks the API's promises ends the run like malformed input: what was printed
 * so far (the earlier scenarios, and this one's lines up to the mistake), then the message,
 * status 0. */
static void invalid_allocator(const char *format, ...) {
    flush_out();
    va_list args;
    va_start(args, format);
    fputs("invalid allocator: ", stdout);
    vprintf(format, args);
    putchar('\n');
    va_end(args);
    exit(0);
}

static void *allocate(size_t count, size_t size) {
    void *memory = calloc(count, size);
    if (!memory) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return memory;
}

enum { ALLOC, FREE, DUMP };

typedef struct {
    int max_order;
    int q;
    int full; /* a full report: a line per operation */
    unsigned char *kind; /* per operation: ALLOC, FREE or DUMP */
    int *value;          /* the pages of an alloc, the k of a free */
} scenario;

/* 1 when a block of `order` at `start` is a block of a memory of 2^max_order pages. */
static int is_block(int max_order, int64_t start, int64_t order) {
    return order >= 0 && order <= max_order && start >= 0 && start < (INT64_C(1) << max_order) && start % (INT64_C(1) << order) == 0;
}

/* The free blocks your allocator reports, gathered for a dump or for END. */
typedef struct {
    int max_order;
    int64_t *blocks; /* order above 32 bits, start below: sorting them sorts by order, then start */
    size_t length, capacity;
    int64_t pages;
} free_report;

static void gather(void *ctx, int order, int start) {
    free_report *r = ctx;
    if (!is_block(r->max_order, start, order)) {
        invalid_allocator("a free block of order %d at %d is not a block of the memory (pages 0 to %d, starts a multiple of 2^order)", order, start,
                          (1 << r->max_order) - 1);
    }
    if (r->length == r->capacity) {
        r->capacity = r->capacity ? 2 * r->capacity : 1024;
        r->blocks = realloc(r->blocks, r->capacity * sizeof *r->blocks);
        if (!r->blocks) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
    }
    r->blocks[r->length++] = (int64_t)order << 32 | start;
    r->pages += INT64_C(1) << order;
}

static int compare_blocks(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Your allocator's free blocks, sorted and checked against the pages not allocated. */
static free_report free_blocks(int max_order, int64_t unallocated) {
    free_report r = {.max_order = max_order};
    buddy_free_blocks(gather, &r);
    if (r.pages != unallocated) {
        invalid_allocator("the free blocks add up to %" PRId64 " pages, but %" PRId64 " pages are not allocated", r.pages, unallocated);
    }
    qsort(r.blocks, r.length, sizeof *r.blocks, compare_blocks);
    return r;
}

static void run_scenario(const scenario *s) {
    int max_order = s->max_order;
    int64_t memory = INT64_C(1) << max_order;
    /* Per allocation (1-based): its start while it is allocated, else -1; its order and pages. */
    int *start = allocate((size_t)s->q + 1, sizeof *start);
    unsigned char *order_of = allocate((size_t)s->q + 1, 1);
    int *pages_of = allocate((size_t)s->q + 1, sizeof *pages_of);
    int allocs = 0;
    int64_t used = 0, waste = 0;
    int64_t allocated = 0, failed = 0, starts = 0, freed = 0, nothing = 0, orders = 0;
    buddy_init(max_order);
    printing = s->full;
    for (int i = 0; i < s->q; i++) {
        if (s->kind[i] == ALLOC) {
            int k = ++allocs, pages = s->value[i], order = 0;
            while ((1 << order) < pages) order++;
            int got = order > max_order ? -1 : buddy_alloc(order);
            if (got != -1 && !is_block(max_order, got, order)) {
                invalid_allocator("alloc(order %d) returned %d: a block of order %d starts at a multiple of %d, within pages 0 to %" PRId64, order, got,
                                  order, 1 << order, memory - 1);
            }
            start[k] = -1;
            put_char('A');
            put_integer(k);
            if (got == -1) {
                failed++;
                put_string(" fail\n");
                continue;
            }
            allocated++;
            starts += got;
            start[k] = got;
            order_of[k] = (unsigned char)order;
            pages_of[k] = pages;
            used += 1 << order;
            waste += (1 << order) - pages;
            put_char(' ');
            put_integer(got);
            put_char(' ');
            put_integer(order);
            put_char('\n');
        } else if (s->kind[i] == FREE) {
            int k = s->value[i];
            if (k > allocs || start[k] == -1) {
                nothing++;
                put_char('F');
                put_integer(k);
                put_string(" not allocated\n");
                continue;
            }
            int order = order_of[k], merged_start = -1, merged_order = -1;
            buddy_free(start[k], order, &merged_start, &merged_order);
            if (!is_block(max_order, merged_start, merged_order) || merged_order < order || start[k] < merged_start ||
                start[k] >= merged_start + (INT64_C(1) << merged_order)) {
                invalid_allocator("free(%d, order %d) gave the block of order %d at %d, which is not a block of the memory holding the freed one", start[k],
                                  order, merged_order, merged_start);
            }
            freed++;
            orders += merged_order;
            start[k] = -1;
            used -= 1 << order;
            waste -= (1 << order) - pages_of[k];
            put_char('F');
            put_integer(k);
            put_char(' ');
            put_integer(merged_start);
            put_char(' ');
            put_integer(merged_order);
            put_char('\n');
        } else if (s->full) {
            free_report r = free_blocks(max_order, memory - used);
            put_char('D');
            if (r.length == 0) put_string(" -");
            for (size_t j = 0; j < r.length; j++) {
                int64_t order = r.blocks[j] >> 32, block = r.blocks[j] & 0xffffffff;
                if (j == 0 || order != r.blocks[j - 1] >> 32) {
                    put_char(' ');
                    put_integer(order);
                    put_char(':');
                } else {
                    put_char(',');
                }
                put_integer(block);
            }
            put_char('\n');
            free(r.blocks);
        }
    }
    free_report r = free_blocks(max_order, memory - used);
    int64_t largest = r.length ? INT64_C(1) << (r.blocks[r.length - 1] >> 32) : 0;
    free(r.blocks);
    printing = 1;
    put_string("ALLOCS ");
    put_integer(allocated);
    put_char(' ');
    put_integer(failed);
    put_char(' ');
    put_integer(starts);
    put_string("\nFREES ");
    put_integer(freed);
    put_char(' ');
    put_integer(nothing);
    put_char(' ');
    put_integer(orders);
    put_string("\nEND ");
    put_integer(memory - used);
    put_char(' ');
    put_integer(largest);
    put_char(' ');
    put_integer(waste);
    put_char('\n');
    free(start);
    free(order_of);
    free(pages_of);
}

int main(void) {
    static scenario scenarios[MAX_SCENARIOS];
    int count = (int)next_integer(1, MAX_SCENARIOS);
    if (count < 0) return invalid("the first line must be the number of scenarios (1 to 20)");
    /* Everything is read and checked before anything runs: bad input prints nothing else. */
    int64_t in_all = 0;
    for (int k = 1; k <= count; k++) {
        scenario *s = &scenarios[k - 1];
        s->max_order = (int)next_integer(0, MAX_ORDER);
        if (s->max_order < 0) return invalid("scenario %d: M must be 0 to 24", k);
        int64_t q = next_integer(1, MAX_OPERATIONS);
        if (q < 0) return invalid("scenario %d: the number of operations must be 1 to 1000000", k);
        in_all += q;
        if (in_all > MAX_OPERATIONS_IN_ALL) return invalid("scenario %d: the scenarios have more than 2000000 operations in all", k);
        s->q = (int)q;
        char report[8];
        size_t length = next_token(report, sizeof report);
        if (length == 4 && strcmp(report, "full") == 0) s->full = 1;
        else if (length == 7 && strcmp(report, "summary") == 0) s->full = 0;
        else return invalid("scenario %d: the report must be full or summary", k);
        s->kind = allocate((size_t)q, 1);
        s->value = allocate((size_t)q, sizeof *s->value);
        for (int i = 0; i < s->q; i++) {
            char word[8];
            size_t length = next_token(word, sizeof word);
            if (length == 5 && strcmp(word, "alloc") == 0) {
                s->kind[i] = ALLOC;
                int64_t pages = next_integer(1, MAX_PAGES);
                if (pages < 0) return invalid("scenario %d, operation %d: pages must be 1 to 16777216", k, i + 1);
                s->value[i] = (int)pages;
            } else if (length == 4 && strcmp(word, "free") == 0) {
                s->kind[i] = FREE;
                int64_t which = next_integer(1, MAX_OPERATIONS);
                if (which < 0) return invalid("scenario %d, operation %d: k must be 1 to 1000000", k, i + 1);
                s->value[i] = (int)which;
            } else if (length == 4 && strcmp(word, "dump") == 0) {
                s->kind[i] = DUMP;
            } else {
                return invalid("scenario %d, operation %d: must be alloc <pages>, free <k> or dump", k, i + 1);
            }
        }
    }
    char extra[2];
    if (next_token(extra, sizeof extra) > 0) return invalid("there is more input after the last scenario (the first line says %d)", count);

    for (int k = 0; k < count; k++) {
        run_scenario(&scenarios[k]);
        free(scenarios[k].kind);
        free(scenarios[k].value);
    }
    flush_out();
    return 0;
}

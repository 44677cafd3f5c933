/* The driver: reads the scenarios, calls your schedule once per scenario, follows the head as you
 * move it, and prints its path and the figures. Input and output go through large buffers: tests
 * have a million requests. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "disk.h"

#define MAX_SCENARIOS 20
#define MAX_CYLINDERS 1000000
#define MAX_REQUESTS 1000000
#define MAX_REQUESTS_IN_ALL 2000000

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

static void put_char(char c) {
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

/* total / n to two decimals, halves up, in integers: no floating-point rounding at 10^18. */
static void put_average(int64_t total, int64_t n) {
    int64_t cents = total / n * 100 + (200 * (total % n) + n) / (2 * n);
    put_integer(cents / 100);
    put_char('.');
    put_char((char)('0' + cents % 100 / 10));
    put_char((char)('0' + cents % 10));
}

/* A wrong schedule ends the run like malformed input: what was printed so far (the earlier
 * scenarios, and this one's path up to the mistake), then the message, status 0. */
static void invalid_schedule(const char *format, ...) {
    flush_out();
    va_list args;
    va_start(args, format);
    fputs("invalid schedule: ", stdout);
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

/* The head, as serve and seek move it through the scenario being scheduled. */
static struct {
    const scenario *s;
    int full;            /* a full report: print the path */
    unsigned char *done; /* per request (1-based): served */
    int64_t at, total;   /* the head's cylinder, and how far it has travelled */
    int moved;           /* the way it last moved: 1 up, -1 down, 0 not yet */
    int served_here;     /* it served a request where it stands */
    int64_t wait_sum, wait_max;
} head;

static void move_to(int64_t cylinder) {
    if (cylinder == head.at) return;
    int way = cylinder > head.at ? 1 : -1;
    if (head.full && head.moved == -way && !head.served_here) {
        put_integer(head.at);
        put_string(" turn\n");
    }
    head.total += way > 0 ? cylinder - head.at : head.at - cylinder;
    head.at = cylinder;
    head.moved = way;
    head.served_here = 0;
}

void serve(int k) {
    const scenario *s = head.s;
    if (!s) invalid_schedule("serve(%d) was called outside schedule", k);
    if (k < 1 || (size_t)k > s->n) invalid_schedule("there is no request R%d (the requests are R1 to R%zu)", k, s->n);
    if (head.done[k]) invalid_schedule("R%d is served twice", k);
    move_to(s->requests[k - 1]);
    head.done[k] = 1;
    head.served_here = 1;
    head.wait_sum += head.total;
    if (head.total > head.wait_max) head.wait_max = head.total;
    if (head.full) {
        put_integer(head.at);
        put_string(" R");
        put_integer(k);
        put_char('\n');
    }
}

void seek(int64_t cylinder) {
    const scenario *s = head.s;
    if (!s) invalid_schedule("seek(%" PRId64 ") was called outside schedule", cylinder);
    if (cylinder < 0 || cylinder >= s->cylinders) {
        invalid_schedule("seek(%" PRId64 ") is off the disk: its cylinders are 0 to %" PRId64, cylinder, s->cylinders - 1);
    }
    move_to(cylinder);
}

static void schedule_and_report(const scenario *s, int full) {
    head.s = s;
    head.full = full;
    head.done = allocate(s->n + 1, 1);
    head.at = s->head;
    head.total = head.wait_sum = head.wait_max = 0;
    head.moved = head.served_here = 0;
    schedule(s);
    for (size_t k = 1; k <= s->n; k++) {
        if (!head.done[k]) invalid_schedule("R%zu was never served", k);
    }
    head.s = NULL;
    free(head.done);
    put_string("TOTAL ");
    put_integer(head.total);
    put_string("\nWAIT ");
    put_average(head.wait_sum, (int64_t)s->n);
    put_char(' ');
    put_integer(head.wait_max);
    put_char('\n');
}

static int parse_algorithm(const char *name, size_t length, algorithm *result) {
    static const char *const names[] = {"FCFS", "SSTF", "SCAN", "C-SCAN", "LOOK", "C-LOOK"};
    static const algorithm values[] = {FCFS, SSTF, SCAN, C_SCAN, LOOK, C_LOOK};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (length == strlen(names[i]) && strcmp(name, names[i]) == 0) {
            *result = values[i];
            return 1;
        }
    }
    return 0;
}

int main(void) {
    static scenario scenarios[MAX_SCENARIOS];
    static int full[MAX_SCENARIOS];
    int count = (int)next_integer(1, MAX_SCENARIOS);
    if (count < 0) return invalid("the first line must be the number of scenarios (1 to 20)");
    /* Everything is read and checked before anything is scheduled: bad input prints nothing else. */
    int64_t in_all = 0;
    for (int k = 1; k <= count; k++) {
        scenario *s = &scenarios[k - 1];
        char word[16];
        size_t length = next_token(word, sizeof word);
        if (!parse_algorithm(word, length, &s->algorithm)) {
            return invalid("scenario %d: the algorithm must be FCFS, SSTF, SCAN, C-SCAN, LOOK or C-LOOK", k);
        }
        s->cylinders = next_integer(1, MAX_CYLINDERS);
        if (s->cylinders < 0) return invalid("scenario %d: the number of cylinders must be 1 to 1000000", k);
        s->head = next_integer(0, s->cylinders - 1);
        if (s->head < 0) return invalid("scenario %d: the head must be on a cylinder, 0 to %" PRId64, k, s->cylinders - 1);
        length = next_token(word, sizeof word);
        if (length == 2 && strcmp(word, "up") == 0) s->direction = UP;
        else if (length == 4 && strcmp(word, "down") == 0) s->direction = DOWN;
        else return invalid("scenario %d: the direction must be up or down", k);
        int64_t n = next_integer(1, MAX_REQUESTS);
        if (n < 0) return invalid("scenario %d: the number of requests must be 1 to 1000000", k);
        in_all += n;
        if (in_all > MAX_REQUESTS_IN_ALL) return invalid("scenario %d: the scenarios have more than 2000000 requests in all", k);
        length = next_token(word, sizeof word);
        if (length == 4 && strcmp(word, "full") == 0) full[k - 1] = 1;
        else if (length != 7 || strcmp(word, "summary") != 0) return invalid("scenario %d: the report must be full or summary", k);

        int64_t *requests = allocate((size_t)n, sizeof *requests);
        for (int64_t i = 0; i < n; i++) {
            requests[i] = next_integer(0, s->cylinders - 1);
            if (requests[i] < 0) {
                return invalid("scenario %d, request %" PRId64 ": the cylinder must be 0 to %" PRId64, k, i + 1, s->cylinders - 1);
            }
        }
        s->n = (size_t)n;
        s->requests = requests;
    }
    char extra[2];
    if (next_token(extra, sizeof extra) > 0) return invalid("there is more input after the last scenario (the first line says %d)", count);

    for (int k = 0; k < count; k++) {
        schedule_and_report(&scenarios[k], full[k]);
        free((void *)scenarios[k].requests);
    }
    flush_out();
    return 0;
}

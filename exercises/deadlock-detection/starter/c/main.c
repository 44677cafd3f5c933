/* The driver: reads the system and the events, calls your detector (detector.c) once per event,
 * checks its answers against what the driver can see, and prints a line per event. Input is read
 * whole and output goes through a large buffer: tests have 200,000 events. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "detector.h"

#define MAX_PROCESSES 2000
#define MAX_TYPES 100
#define MAX_AMOUNT 1000000000
#define MAX_EVENTS 200000

enum kind { REQUEST, RELEASE, EXIT, DETECT };

static char *in_buf;
static size_t in_len, in_pos;
static char out_buf[1 << 20];
static size_t out_len;

static void *allocate(size_t count, size_t size) {
    void *memory = calloc(count ? count : 1, size);
    if (!memory) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return memory;
}

static void read_input(void) {
    size_t capacity = 1 << 20;
    in_buf = allocate(capacity, 1);
    for (size_t got; (got = fread(in_buf + in_len, 1, capacity - in_len, stdin)) > 0;) {
        in_len += got;
        if (in_len == capacity) {
            in_buf = realloc(in_buf, capacity *= 2);
            if (!in_buf) {
                fprintf(stderr, "out of memory\n");
                exit(1);
            }
        }
    }
}

/* The white space Python's bytes.split() skips, so that the three drivers read the same tokens. */
static int is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f';
}

/* The next white-space-separated token; its length (0 at the end of the input) in *length. */
static const char *next_token(size_t *length) {
    while (in_pos < in_len && is_space(in_buf[in_pos])) in_pos++;
    size_t start = in_pos;
    while (in_pos < in_len && !is_space(in_buf[in_pos])) in_pos++;
    *length = in_pos - start;
    return in_buf + start;
}

/* The next token as an integer in [min, max], or -1. */
static long long next_integer(long long min, long long max) {
    size_t length;
    const char *token = next_token(&length);
    if (length == 0 || length > 15) return -1;
    long long value = 0;
    for (size_t i = 0; i < length; i++) {
        if (token[i] < '0' || token[i] > '9') return -1;
        value = value * 10 + (token[i] - '0');
    }
    return value >= min && value <= max ? value : -1;
}

/* The next token as an event keyword, or -1 (-2 at the end of the input). */
static int next_keyword(void) {
    static const char *const keywords[] = {"REQUEST", "RELEASE", "EXIT", "DETECT"};
    size_t length;
    const char *token = next_token(&length);
    if (length == 0) return -2;
    for (int kind = REQUEST; kind <= DETECT; kind++) {
        if (length == strlen(keywords[kind]) && memcmp(token, keywords[kind], length) == 0) return kind;
    }
    return -1;
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

static void put_integer(int value) {
    char digits[12];
    int n = 0;
    do digits[n++] = (char)('0' + value % 10); while ((value /= 10) > 0);
    while (n > 0) put_char(digits[--n]);
}

/* Malformed input and wrong answers end the run with a message on standard output and status 0,
 * after what the earlier events printed, so that running your own input shows the message next to
 * the reference's identical one. */
static void stop(const char *what, const char *format, va_list args) {
    flush_out();
    fputs(what, stdout);
    vprintf(format, args);
    putchar('\n');
    exit(0);
}

static void invalid(const char *format, ...) {
    va_list args;
    va_start(args, format);
    stop("invalid input: ", format, args);
    va_end(args);
}

static void invalid_answer(const char *format, ...) {
    va_list args;
    va_start(args, format);
    stop("invalid answer: ", format, args);
    va_end(args);
}

/* What the driver knows of the system, from the events and your answers. */
static int n, m;
static int *total;
static long long *free_count; /* [m] */
static int *held;             /* [n * m]: held[p * m + r] */
static int *wait_type;        /* [n]: the type a waiting process waits for */
static int *wait_amount;      /* [n]: how many it waits for; 0 if it does not wait */
static int *listed;           /* [n]: the last event whose answer listed the process */
static int *given_back;       /* [m]: the last EXIT that gave back some of the type */
static int *answer;           /* [n]: the list your function writes */

/* Checks and applies the processes a RELEASE of type `released` (exited = -1) or an EXIT of
 * `exited` woke: each was waiting for a type just given back and fits in what is free, taken in
 * the order listed. */
static void take_woken(int event, const char *function, int count, int exited, int released) {
    if (count < 0 || count > n) invalid_answer("event %d: %s returned %d, not a number of processes (0 to %d)", event, function, count, n);
    for (int i = 0; i < count; i++) {
        int q = answer[i];
        if (q < 0 || q >= n) invalid_answer("event %d: there is no process %d (processes are 0 to %d)", event, q, n - 1);
        if (listed[q] == event) invalid_answer("event %d: process %d appears twice", event, q);
        listed[q] = event;
        if (q == exited) invalid_answer("event %d: process %d has exited and cannot be woken", event, q);
        if (wait_amount[q] == 0) invalid_answer("event %d: process %d is woken but is not waiting", event, q);
        int t = wait_type[q], k = wait_amount[q];
        if (exited < 0 && t != released) {
            invalid_answer("event %d: process %d is woken but waits for type %d, and only type %d was given back", event, q, t, released);
        }
        if (exited >= 0 && given_back[t] != event) {
            invalid_answer("event %d: process %d is woken but waits for type %d, which process %d did not hold", event, q, t, exited);
        }
        if (k > free_count[t]) invalid_answer("event %d: process %d is woken for %d of type %d, but only %lld are free", event, q, k, t, free_count[t]);
        free_count[t] -= k;
        held[(size_t)q * m + t] += k;
        wait_amount[q] = 0;
    }
}

/* Sorts the `count` processes of answer, all listed by `event`, in O(count): a short list by
 * insertion, a long one (count > 32, so n < 64 * count) by a pass over the processes. */
static void sort_answer(int event, int count) {
    if (count <= 32) {
        for (int i = 1; i < count; i++) {
            int q = answer[i], j = i;
            for (; j > 0 && answer[j - 1] > q; j--) answer[j] = answer[j - 1];
            answer[j] = q;
        }
        return;
    }
    int at = 0;
    for (int q = 0; q < n; q++) {
        if (listed[q] == event) answer[at++] = q;
    }
}

static void put_list(const char *word, int count) {
    put_string(word);
    for (int i = 0; i < count; i++) {
        put_char(' ');
        put_integer(answer[i]);
    }
    put_char('\n');
}

int main(void) {
    read_input();
    n = (int)next_integer(1, MAX_PROCESSES);
    m = (int)next_integer(1, MAX_TYPES);
    if (n < 0 || m < 0) {
        invalid("the first line must be the number of processes (1 to 2000) and the number of resource types (1 to 100)");
    }
    total = allocate((size_t)m, sizeof *total);
    for (int r = 0; r < m; r++) {
        total[r] = (int)next_integer(1, MAX_AMOUNT);
        if (total[r] < 0) invalid("the total of type %d must be 1 to 1000000000", r);
    }
    int q = (int)next_integer(0, MAX_EVENTS);
    if (q < 0) invalid("the number of events must be 0 to 200000");
    /* Every event is read and checked before the first is run: malformed input prints nothing else.
     * The rules that depend on the state (a waiting process only exits, ...) are checked as each
     * event is reached. */
    unsigned char *kind = allocate((size_t)q, sizeof *kind);
    int *event_p = allocate((size_t)q, sizeof *event_p);
    int *event_r = allocate((size_t)q, sizeof *event_r);
    int *event_k = allocate((size_t)q, sizeof *event_k);
    for (int i = 0; i < q; i++) {
        int keyword = next_keyword();
        if (keyword == -2) invalid("there are fewer events than the third line says (%d)", q);
        if (keyword < 0) invalid("event %d must be REQUEST p r k, RELEASE p r k, EXIT p or DETECT", i + 1);
        kind[i] = (unsigned char)keyword;
        if (keyword == DETECT) continue;
        event_p[i] = (int)next_integer(0, n - 1);
        if (event_p[i] < 0) invalid("event %d: the process must be 0 to %d", i + 1, n - 1);
        if (keyword == EXIT) continue;
        event_r[i] = (int)next_integer(0, m - 1);
        if (event_r[i] < 0) invalid("event %d: the resource type must be 0 to %d", i + 1, m - 1);
        event_k[i] = (int)next_integer(1, MAX_AMOUNT);
        if (event_k[i] < 0) invalid("event %d: the amount must be 1 to 1000000000", i + 1);
    }
    size_t extra;
    next_token(&extra);
    if (extra > 0) invalid("there are more events than the third line says (%d)", q);
    free(in_buf);

    free_count = allocate((size_t)m, sizeof *free_count);
    for (int r = 0; r < m; r++) free_count[r] = total[r];
    held = allocate((size_t)n * (size_t)m, sizeof *held);
    wait_type = allocate((size_t)n, sizeof *wait_type);
    wait_amount = allocate((size_t)n, sizeof *wait_amount);
    listed = allocate((size_t)n, sizeof *listed);
    given_back = allocate((size_t)m, sizeof *given_back);
    answer = allocate((size_t)n, sizeof *answer);
    detector_init(n, m, total);

    for (int i = 0; i < q; i++) {
        int event = i + 1, p = event_p[i], r = event_r[i], k = event_k[i];
        if (kind[i] == REQUEST || kind[i] == RELEASE) {
            if (wait_amount[p] > 0) invalid("event %d: process %d is waiting and can only exit", event, p);
        }
        switch (kind[i]) {
        case REQUEST: {
            int *cell = &held[(size_t)p * m + r];
            if ((long long)*cell + k > total[r]) {
                invalid("event %d: process %d would hold %lld of type %d, more than the total of %d", event, p, (long long)*cell + k, r, total[r]);
            }
            if (detector_request(p, r, k)) {
                if (k > free_count[r]) invalid_answer("event %d: process %d is granted %d of type %d, but only %lld are free", event, p, k, r, free_count[r]);
                free_count[r] -= k;
                *cell += k;
                put_string("GRANT\n");
            } else {
                wait_type[p] = r;
                wait_amount[p] = k;
                put_string("WAIT\n");
            }
            break;
        }
        case RELEASE: {
            int *cell = &held[(size_t)p * m + r];
            if (k > *cell) invalid("event %d: process %d gives back %d of type %d but holds %d", event, p, k, r, *cell);
            *cell -= k;
            free_count[r] += k;
            int count = detector_release(p, r, k, answer);
            take_woken(event, "detector_release", count, -1, r);
            sort_answer(event, count);
            put_list("OK", count);
            break;
        }
        case EXIT: {
            wait_amount[p] = 0;
            int *row = &held[(size_t)p * m];
            for (int t = 0; t < m; t++) {
                if (row[t] == 0) continue;
                free_count[t] += row[t];
                row[t] = 0;
                given_back[t] = event;
            }
            int count = detector_exit(p, answer);
            take_woken(event, "detector_exit", count, p, -1);
            sort_answer(event, count);
            put_list("OK", count);
            break;
        }
        case DETECT: {
            int count = detector_detect(answer);
            if (count < 0 || count > n) invalid_answer("event %d: detector_detect returned %d, not a number of processes (0 to %d)", event, count, n);
            for (int j = 0; j < count; j++) {
                int d = answer[j];
                if (d < 0 || d >= n) invalid_answer("event %d: there is no process %d (processes are 0 to %d)", event, d, n - 1);
                if (listed[d] == event) invalid_answer("event %d: process %d appears twice", event, d);
                listed[d] = event;
                if (wait_amount[d] == 0) invalid_answer("event %d: process %d is reported deadlocked but is not waiting", event, d);
            }
            sort_answer(event, count);
            if (count == 0) put_string("NONE\n");
            else put_list("DEADLOCK", count);
            break;
        }
        }
    }
    flush_out();
    return 0;
}

/* The driver: reads the scenarios, calls your schedule once per scenario, checks the runs it
 * reports, and prints the timeline and the figures. Input and output go through large buffers:
 * tests have a million processes. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scheduler.h"

#define MAX_SCENARIOS 20
#define MAX_PROCESSES 100000
#define MAX_PROCESSES_IN_ALL 1000000
#define MAX_ARRIVAL 1000000000
#define MAX_BURST 1000000
#define MAX_PRIORITY 1000
#define MAX_PARAMETER 1000000
#define MAX_QUANTA 1000000

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
    if (value < 0) {
        put_char('-');
        value = -value;
    }
    do digits[n++] = (char)('0' + value % 10); while ((value /= 10) > 0);
    while (n > 0) put_char(digits[--n]);
}

/* total / n to two decimals, halves up, in integers: no floating-point rounding at 10^16. */
static void put_average(int64_t total, int64_t n) {
    int64_t cents = total / n * 100 + (200 * (total % n) + n) / (2 * n);
    put_integer(cents / 100);
    put_char('.');
    put_char((char)('0' + cents % 100 / 10));
    put_char((char)('0' + cents % 10));
}

/* " <waiting> <turnaround> <response>" and the end of the line. */
static void put_figures(int64_t waiting, int64_t turnaround, int64_t response) {
    put_char(' ');
    put_integer(waiting);
    put_char(' ');
    put_integer(turnaround);
    put_char(' ');
    put_integer(response);
    put_char('\n');
}

/* A wrong schedule ends the run like malformed input: what the earlier scenarios printed, then
 * the message, status 0. */
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

/* A stretch of the timeline: runs of one process that touch, joined. */
typedef struct {
    int pid;
    int64_t start, end;
} stretch;

/* What the run callback knows of the scenario being scheduled, and what it has seen so far. */
typedef struct {
    const scenario *s;
    int64_t *ran, *first, *finish; /* per pid: units run so far, first start, the end of the last run */
    int any_run;
    int64_t previous_end;
    int full; /* a full report: keep the timeline */
    stretch *timeline;
    size_t length, capacity;
} run_check;

static void *allocate(size_t count, size_t size) {
    void *memory = calloc(count, size);
    if (!memory) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return memory;
}

static void add_to_timeline(run_check *c, int pid, int64_t start, int64_t end) {
    if (c->length > 0) {
        stretch *last = &c->timeline[c->length - 1];
        if (last->pid == pid && last->end == start) {
            last->end = end;
            return;
        }
    }
    if (c->length == c->capacity) {
        c->capacity = c->capacity ? 2 * c->capacity : 1024;
        c->timeline = realloc(c->timeline, c->capacity * sizeof *c->timeline);
        if (!c->timeline) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
    }
    c->timeline[c->length++] = (stretch){pid, start, end};
}

/* The run_fn handed to schedule: checks each run as it is reported. */
static void check_run(void *ctx, int pid, int64_t start, int64_t end) {
    run_check *c = ctx;
    if (pid < 1 || (size_t)pid > c->s->n) invalid_schedule("there is no process P%d", pid);
    if (start >= end) invalid_schedule("a run of P%d from %" PRId64 " to %" PRId64 " is empty", pid, start, end);
    if (c->any_run && start < c->previous_end) {
        invalid_schedule("P%d runs from %" PRId64 ", before the previous run ends at %" PRId64, pid, start, c->previous_end);
    }
    const process *p = &c->s->processes[pid - 1];
    if (start < p->arrival) invalid_schedule("P%d runs from %" PRId64 ", before it arrives at %" PRId64, pid, start, p->arrival);
    /* No overflow: the runs so far are disjoint and after the arrival, so ran + end - start <= end - arrival. */
    int64_t *ran = &c->ran[pid];
    if (*ran + (end - start) > p->burst) {
        invalid_schedule("P%d runs %" PRId64 " units, more than its burst of %" PRId64, pid, *ran + (end - start), p->burst);
    }
    if (*ran == 0) c->first[pid] = start;
    *ran += end - start;
    if (*ran == p->burst) c->finish[pid] = end;
    c->any_run = 1;
    c->previous_end = end;
    if (c->full) add_to_timeline(c, pid, start, end);
}

static void schedule_and_report(const scenario *s, int full) {
    size_t n = s->n;
    run_check c = {.s = s, .full = full};
    c.ran = allocate(n + 1, sizeof *c.ran);
    c.first = allocate(n + 1, sizeof *c.first);
    c.finish = allocate(n + 1, sizeof *c.finish);
    schedule(s, check_run, &c);
    for (size_t pid = 1; pid <= n; pid++) {
        if (c.ran[pid] != s->processes[pid - 1].burst) {
            invalid_schedule("P%zu ran %" PRId64 " of its %" PRId64 " units", pid, c.ran[pid], s->processes[pid - 1].burst);
        }
    }

    if (full) {
        int64_t now = 0;
        for (size_t i = 0; i < c.length; i++) {
            const stretch *t = &c.timeline[i];
            if (t->start > now) {
                put_integer(now);
                put_char(' ');
                put_integer(t->start);
                put_string(" idle\n");
            }
            put_integer(t->start);
            put_char(' ');
            put_integer(t->end);
            put_string(" P");
            put_integer(t->pid);
            put_char('\n');
            now = t->end;
        }
    }
    int64_t waiting = 0, turnaround = 0, response = 0;
    for (size_t pid = 1; pid <= n; pid++) {
        const process *p = &s->processes[pid - 1];
        int64_t t = c.finish[pid] - p->arrival, w = t - p->burst, r = c.first[pid] - p->arrival;
        waiting += w;
        turnaround += t;
        response += r;
        if (full) {
            put_char('P');
            put_integer((int64_t)pid);
            put_figures(w, t, r);
        }
    }
    put_string("TOTAL");
    put_figures(waiting, turnaround, response);
    put_string("AVG ");
    put_average(waiting, (int64_t)n);
    put_char(' ');
    put_average(turnaround, (int64_t)n);
    put_char(' ');
    put_average(response, (int64_t)n);
    put_char('\n');
    free(c.ran);
    free(c.first);
    free(c.finish);
    free(c.timeline);
}

static int parse_algorithm(const char *name, size_t length, algorithm *result) {
    static const char *const names[] = {"FCFS", "SJF", "SRTF", "RR", "PRIORITY"};
    static const algorithm values[] = {FCFS, SJF, SRTF, RR, PRIORITY};
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
        char name[16];
        size_t length = next_token(name, sizeof name);
        if (!parse_algorithm(name, length, &s->algorithm)) {
            return invalid("scenario %d: the algorithm must be FCFS, SJF, SRTF, RR <quantum> or PRIORITY <aging>", k);
        }
        s->parameter = 0;
        if (s->algorithm == RR || s->algorithm == PRIORITY) {
            s->parameter = next_integer(1, MAX_PARAMETER);
            if (s->parameter < 0) return invalid("scenario %d: the %s must be 1 to 1000000", k, s->algorithm == RR ? "quantum" : "aging");
        }
        int64_t n = next_integer(1, MAX_PROCESSES);
        if (n < 0) return invalid("scenario %d: the number of processes must be 1 to 100000", k);
        in_all += n;
        if (in_all > MAX_PROCESSES_IN_ALL) return invalid("scenario %d: the scenarios have more than 1000000 processes in all", k);
        char report[8];
        length = next_token(report, sizeof report);
        if (length == 4 && strcmp(report, "full") == 0) full[k - 1] = 1;
        else if (length != 7 || strcmp(report, "summary") != 0) return invalid("scenario %d: the report must be full or summary", k);

        process *processes = allocate((size_t)n, sizeof *processes);
        int64_t quanta = 0;
        for (int i = 0; i < n; i++) {
            process *p = &processes[i];
            p->pid = i + 1;
            p->arrival = next_integer(0, MAX_ARRIVAL);
            if (p->arrival < 0) return invalid("scenario %d, process %d: arrival must be 0 to 1000000000", k, i + 1);
            p->burst = next_integer(1, MAX_BURST);
            if (p->burst < 0) return invalid("scenario %d, process %d: burst must be 1 to 1000000", k, i + 1);
            int64_t priority = next_integer(0, MAX_PRIORITY);
            if (priority < 0) return invalid("scenario %d, process %d: priority must be 0 to 1000", k, i + 1);
            p->priority = (int)priority;
            if (s->algorithm == RR) quanta += (p->burst + s->parameter - 1) / s->parameter;
        }
        if (quanta > MAX_QUANTA) {
            return invalid("scenario %d: the sum of ceil(burst / quantum) over the processes must be at most 1000000", k);
        }
        s->n = (size_t)n;
        s->processes = processes;
    }
    char extra[2];
    if (next_token(extra, sizeof extra) > 0) return invalid("there is more input after the last scenario (the first line says %d)", count);

    for (int k = 0; k < count; k++) {
        schedule_and_report(&scenarios[k], full[k]);
        free((void *)scenarios[k].processes);
    }
    flush_out();
    return 0;
}

/* Expected AC: hint 3 of the statement followed to the letter with the C library's calendar: at each
 * step the candidate minute goes through gmtime_r, and each jump (to the 1st of the next month, to the
 * next day at 00:00, to the next allowed hour) is computed by editing the struct tm and normalising it
 * with timegm. RUN keeps a binary heap of (next run, job). Slower than the reference, which takes a
 * matching day's runs from bit masks without converting each minute; the performance check must
 * allow it (the statement says it does). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cron.h"

struct cron_job {
    uint64_t minutes;
    uint32_t hours, days, months, weekdays;
    int either; /* both day fields restricted: a day matching either is enough */
    int never;  /* @reboot */
};

static const char *const MONTHS[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const DAYS[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

static const int LOW[5] = {0, 0, 1, 1, 0}, HIGH[5] = {59, 23, 31, 12, 7};

static int lower(char c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* The value of text[0..len) in field f, or -1. */
static int field_value(const char *text, int len, int f) {
    if (len == 0) return -1;
    if (text[0] >= '0' && text[0] <= '9') {
        long v = 0;
        for (int i = 0; i < len; i++) {
            if (text[i] < '0' || text[i] > '9' || i >= 9) return -1;
            v = v * 10 + text[i] - '0';
        }
        return v >= LOW[f] && v <= HIGH[f] ? (int)v : -1;
    }
    if (len != 3 || (f != 3 && f != 4)) return -1;
    const char *const *names = f == 3 ? MONTHS : DAYS;
    int count = f == 3 ? 12 : 7;
    for (int i = 0; i < count; i++)
        if (lower(text[0]) == names[i][0] && lower(text[1]) == names[i][1] && lower(text[2]) == names[i][2]) return f == 3 ? i + 1 : i;
    return -1;
}

/* Parses field f, text[0..len), into *bits; 0 if it is bad. */
static int parse_field(const char *text, int len, int f, uint64_t *bits) {
    int start = 0;
    do {
        int end = start;
        while (end < len && text[end] != ',') end++;
        int slash = -1, dash = -1;
        for (int i = start; i < end; i++) {
            if (text[i] == '/' && slash < 0) slash = i;
            if (text[i] == '-' && dash < 0 && slash < 0) dash = i;
        }
        int body_end = slash >= 0 ? slash : end, from, to, step = 1;
        if (slash >= 0) {
            if (slash + 1 == end || end - slash - 1 > 9) return 0;
            step = 0;
            for (int i = slash + 1; i < end; i++) {
                if (text[i] < '0' || text[i] > '9') return 0;
                step = step * 10 + text[i] - '0';
            }
            if (step == 0) return 0;
        }
        if (body_end - start == 1 && text[start] == '*') {
            from = LOW[f];
            to = HIGH[f];
        } else if (dash >= 0) {
            from = field_value(text + start, dash - start, f);
            to = field_value(text + dash + 1, body_end - dash - 1, f);
            if (from < 0 || to < 0 || from > to) return 0;
        } else {
            if (slash >= 0) return 0;
            from = to = field_value(text + start, body_end - start, f);
            if (from < 0) return 0;
        }
        for (int v = from; v <= to; v += step) *bits |= (uint64_t)1 << v;
        start = end + 1;
    } while (start <= len);
    return 1;
}

static enum cron_error parse_five(const char *line, size_t *at, struct cron_job *job) {
    uint64_t bits[5] = {0, 0, 0, 0, 0};
    int star[5];
    for (int f = 0; f < 5; f++) {
        size_t len = strcspn(line + *at, " \t");
        star[f] = line[*at] == '*';
        if (!parse_field(line + *at, (int)len, f, &bits[f])) return (enum cron_error)(CRON_BAD_MINUTE + f);
        *at += len;
        *at += strspn(line + *at, " \t");
    }
    job->minutes = bits[0];
    job->hours = (uint32_t)bits[1];
    job->days = (uint32_t)bits[2];
    job->months = (uint32_t)bits[3];
    job->weekdays = (uint32_t)((bits[4] | bits[4] >> 7) & 0x7f);
    job->either = !star[2] && !star[4];
    return CRON_OK;
}

enum cron_error cron_parse(const char *line, struct cron_job **out, int *command) {
    static const char *const macro[][2] = {
        {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"}, {"@weekly", "0 0 * * 0"},
        {"@daily", "0 0 * * *"},  {"@midnight", "0 0 * * *"}, {"@hourly", "0 * * * *"},  {"@reboot", ""},
    };
    struct cron_job job = {0};
    size_t at = strspn(line, " \t");
    if (line[at] == '@') {
        size_t len = strcspn(line + at, " \t");
        int which = -1;
        for (int i = 0; i < 8; i++)
            if (strlen(macro[i][0]) == len && strncmp(line + at, macro[i][0], len) == 0) which = i;
        if (which < 0) return CRON_BAD_TIME_SPECIFIER;
        if (macro[which][1][0]) {
            size_t zero = 0;
            parse_five(macro[which][1], &zero, &job);
        } else {
            job.never = 1;
        }
        at += len;
        at += strspn(line + at, " \t");
    } else {
        enum cron_error error = parse_five(line, &at, &job);
        if (error) return error;
    }
    if (line[at] == '\0') return CRON_BAD_COMMAND;
    *out = malloc(sizeof job);
    **out = job;
    *command = (int)at;
    return CRON_OK;
}

static int day_ok(const struct cron_job *job, int mday, int wday) {
    int a = job->days >> mday & 1, b = job->weekdays >> wday & 1;
    return job->either ? a || b : a && b;
}

/* Minutes since the epoch of a normalised struct tm. */
static long long minutes_of(struct tm *tm) {
    tm->tm_sec = 0;
    return (long long)timegm(tm) / 60;
}

/* The first run at minute t or later, or -1 (hint 3). */
static long long next_run(const struct cron_job *job, long long t) {
    if (job->never) return -1;
    struct tm tm;
    while (t < CRON_END_OF_CALENDAR) {
        time_t seconds = (time_t)t * 60;
        gmtime_r(&seconds, &tm);
        if (!(job->months >> (tm.tm_mon + 1) & 1)) {
            tm.tm_mon++;
            tm.tm_mday = 1;
            tm.tm_hour = tm.tm_min = 0;
            t = minutes_of(&tm);
            continue;
        }
        if (!day_ok(job, tm.tm_mday, tm.tm_wday)) {
            tm.tm_mday++;
            tm.tm_hour = tm.tm_min = 0;
            t = minutes_of(&tm);
            continue;
        }
        if (!(job->hours >> tm.tm_hour & 1)) {
            uint32_t later = job->hours >> tm.tm_hour << tm.tm_hour;
            if (later) {
                tm.tm_hour = __builtin_ctz(later);
            } else {
                tm.tm_mday++;
                tm.tm_hour = 0;
            }
            tm.tm_min = 0;
            t = minutes_of(&tm);
            continue;
        }
        uint64_t minutes = job->minutes >> tm.tm_min << tm.tm_min;
        if (minutes) return t + (__builtin_ctzll(minutes) - tm.tm_min);
        tm.tm_hour++;
        tm.tm_min = 0;
        t = minutes_of(&tm);
    }
    return -1;
}

int cron_next(const struct cron_job *job, long long after, int count, long long *runs) {
    int n = 0;
    for (long long t = after + 1; n < count; t = runs[n - 1] + 1) {
        long long run = next_run(job, t);
        if (run < 0) break;
        runs[n++] = run;
    }
    return n;
}

typedef struct {
    long long minute;
    int job;
} item;

static int less(const item *a, const item *b) {
    return a->minute != b->minute ? a->minute < b->minute : a->job < b->job;
}

static void sift_down(item *heap, int size, int i) {
    for (;;) {
        int smallest = i, l = 2 * i + 1, r = l + 1;
        if (l < size && less(&heap[l], &heap[smallest])) smallest = l;
        if (r < size && less(&heap[r], &heap[smallest])) smallest = r;
        if (smallest == i) return;
        item tmp = heap[i];
        heap[i] = heap[smallest];
        heap[smallest] = tmp;
        i = smallest;
    }
}

void cron_run(struct cron_job *const *jobs, int n, long long start, long long end, void (*emit)(long long minute, int job)) {
    item *heap = malloc((size_t)(n > 0 ? n : 1) * sizeof *heap);
    int size = 0;
    for (int i = 0; i < n; i++) {
        long long first = next_run(jobs[i], start);
        if (first >= 0 && first < end) heap[size++] = (item){first, i};
    }
    for (int i = size / 2 - 1; i >= 0; i--) sift_down(heap, size, i);
    while (size > 0) {
        item top = heap[0];
        emit(top.minute, top.job);
        long long next = next_run(jobs[top.job], top.minute + 1);
        if (next >= 0 && next < end) {
            heap[0].minute = next;
        } else {
            heap[0] = heap[--size];
        }
        sift_down(heap, size, 0);
    }
    free(heap);
}

/* Known bad: right answers, but the next run is found by trying every minute from after + 1, each
 * turned into a date with gmtime_r, until one matches or the calendar ends. It reads like the
 * definition of cron ("a job runs at every minute whose fields match"), and a job that runs every
 * few minutes is found at once; a job that runs once a year costs half a million gmtime_r calls per
 * run, and one that never runs (the 30th of February) four billion. RUN uses the same search for
 * each job's next run, with a heap of (next run, job). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cron.h"

struct cron_job {
    unsigned char minute[60], hour[24], mday[32], month[13], wday[7];
    int dom_restricted, dow_restricted, reboot;
};

static const char *const NAMES[5] = {NULL, NULL, NULL, "janfebmaraprmayjunjulaugsepoctnovdec", "sunmontuewedthufrisat"};
static const int MIN[5] = {0, 0, 1, 1, 0}, MAX[5] = {59, 23, 31, 12, 7};

static int blank(char c) { return c == ' ' || c == '\t'; }
static int digit(char c) { return c >= '0' && c <= '9'; }
static int letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* A number or a name at *s, in field f; advances *s. -1 if there is none or it is out of range. */
static int value(const char **s, int f) {
    const char *p = *s;
    long v = 0;
    if (digit(*p)) {
        while (digit(*p)) {
            if (v < 1000000) v = v * 10 + (*p - '0');
            p++;
        }
    } else if (NAMES[f] && letter(p[0]) && letter(p[1]) && letter(p[2]) && !letter(p[3])) {
        char name[4] = {(char)(p[0] | 32), (char)(p[1] | 32), (char)(p[2] | 32), 0};
        const char *hit = strstr(NAMES[f], name);
        if (!hit || (hit - NAMES[f]) % 3) return -1;
        v = (hit - NAMES[f]) / 3 + (f == 3);
        p += 3;
    } else {
        return -1;
    }
    if (v < MIN[f] || v > MAX[f]) return -1;
    *s = p;
    return (int)v;
}

static int field(const char **s, int f, unsigned char *set) {
    const char *p = *s;
    for (;;) {
        int lo, hi, step = 1, star = *p == '*';
        if (star) {
            lo = MIN[f], hi = MAX[f];
            p++;
        } else {
            if ((lo = hi = value(&p, f)) < 0) return 0;
            if (*p == '-') {
                p++;
                if ((hi = value(&p, f)) < 0 || hi < lo) return 0;
                star = 1; /* a range may take a step too */
            }
        }
        if (*p == '/') {
            p++;
            if (!star || !digit(*p)) return 0;
            long n = 0;
            while (digit(*p)) {
                if (n < 1000000) n = n * 10 + (*p - '0');
                p++;
            }
            if (n == 0) return 0;
            step = (int)(n > 100 ? 100 : n);
        }
        for (int v = lo; v <= hi; v += step) set[v == 7 && f == 4 ? 0 : v] = 1;
        if (*p != ',') break;
        p++;
    }
    if (*p && !blank(*p)) return 0;
    *s = p;
    return 1;
}

static int five_fields(const char **s, struct cron_job *job) {
    unsigned char *sets[5] = {job->minute, job->hour, job->mday, job->month, job->wday};
    for (int f = 0; f < 5; f++) {
        if (f == 2) job->dom_restricted = **s != '*';
        if (f == 4) job->dow_restricted = **s != '*';
        if (!field(s, f, sets[f])) return f + 1;
        while (blank(**s)) (*s)++;
    }
    return 0;
}

enum cron_error cron_parse(const char *line, struct cron_job **out, int *command) {
    static const char *const macros[8][2] = {
        {"yearly", "0 0 1 1 *"}, {"annually", "0 0 1 1 *"}, {"monthly", "0 0 1 * *"}, {"weekly", "0 0 * * 0"},
        {"daily", "0 0 * * *"},  {"midnight", "0 0 * * *"}, {"hourly", "0 * * * *"},  {"reboot", NULL},
    };
    struct cron_job *job = calloc(1, sizeof *job);
    const char *p = line;
    while (blank(*p)) p++;
    if (*p == '@') {
        size_t n = strcspn(p + 1, " \t");
        int m = 0;
        while (m < 8 && !(strlen(macros[m][0]) == n && strncmp(p + 1, macros[m][0], n) == 0)) m++;
        if (m == 8) return CRON_BAD_TIME_SPECIFIER;
        if (macros[m][1]) {
            const char *spec = macros[m][1];
            five_fields(&spec, job);
        } else {
            job->reboot = 1;
        }
        p += 1 + n;
        while (blank(*p)) p++;
    } else {
        int bad = five_fields(&p, job);
        if (bad) return (enum cron_error)bad;
    }
    if (!*p) return CRON_BAD_COMMAND;
    *out = job;
    *command = (int)(p - line);
    return CRON_OK;
}

static int matches(const struct cron_job *job, const struct tm *tm) {
    if (!job->minute[tm->tm_min] || !job->hour[tm->tm_hour] || !job->month[tm->tm_mon + 1]) return 0;
    int dom = job->mday[tm->tm_mday], dow = job->wday[tm->tm_wday];
    return job->dom_restricted && job->dow_restricted ? dom || dow : dom && dow;
}

/* The first minute >= t the job runs at, or -1. */
static long long first_match(const struct cron_job *job, long long t) {
    if (job->reboot) return -1;
    struct tm tm;
    for (; t < CRON_END_OF_CALENDAR; t++) {
        time_t seconds = (time_t)(t * 60);
        gmtime_r(&seconds, &tm);
        if (matches(job, &tm)) return t;
    }
    return -1;
}

int cron_next(const struct cron_job *job, long long after, int count, long long *runs) {
    int n = 0;
    long long t = after;
    while (n < count && (t = first_match(job, t + 1)) >= 0) runs[n++] = t;
    return n;
}

struct slot {
    long long at;
    int job;
};

static int earlier(struct slot a, struct slot b) {
    return a.at < b.at || (a.at == b.at && a.job < b.job);
}

void cron_run(struct cron_job *const *jobs, int n, long long start, long long end, void (*emit)(long long minute, int job)) {
    struct slot *heap = malloc(sizeof *heap * (size_t)(n + 1));
    int size = 0;
    for (int i = 0; i < n; i++) {
        long long at = first_match(jobs[i], start);
        if (at < 0 || at >= end) continue;
        int k = size++;
        for (; k > 0 && earlier((struct slot){at, i}, heap[(k - 1) / 2]); k = (k - 1) / 2) heap[k] = heap[(k - 1) / 2];
        heap[k] = (struct slot){at, i};
    }
    while (size > 0) {
        struct slot top = heap[0];
        emit(top.at, top.job);
        long long at = first_match(jobs[top.job], top.at + 1);
        struct slot moved = at >= 0 && at < end ? (struct slot){at, top.job} : heap[--size];
        int k = 0;
        for (;;) {
            int c = 2 * k + 1;
            if (c >= size) break;
            if (c + 1 < size && earlier(heap[c + 1], heap[c])) c++;
            if (!earlier(heap[c], moved)) break;
            heap[k] = heap[c];
            k = c;
        }
        if (size > 0) heap[k] = moved;
    }
    free(heap);
}

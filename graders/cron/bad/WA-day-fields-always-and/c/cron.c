/* Known bad: a day must always match both day fields: `0 9 1 * mon` is read as "the 1st, when it
 * is a Monday". That is how the five fields look (each one narrows the schedule), and it is right
 * whenever one of the two day fields is `*`, as in most crontabs; but when both are restricted, Vixie
 * cron runs the job on a day matching either: `30 4 1,15 * 5` runs on the 1st and the 15th and on
 * every Friday (the example of crontab(5)). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "cron.h"

struct cron_job {
    uint64_t minutes; /* bit m set: runs at minute m */
    uint32_t hours;
    uint32_t mdays;   /* bits 1..31 */
    uint32_t months;  /* bits 1..12 */
    uint32_t wdays;   /* bits 0..6, Sunday is 0 */
    int reboot;
};

struct field_spec {
    int min, max;
    const char *const *names; /* NULL: numbers only */
    int first;                /* the value of names[0] */
    int count;
};

static const char *const month_names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const wday_names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

static const struct field_spec specs[5] = {
    {0, 59, NULL, 0, 0}, {0, 23, NULL, 0, 0}, {1, 31, NULL, 0, 0}, {1, 12, month_names, 1, 12}, {0, 7, wday_names, 0, 7},
};

static int blank(char c) { return c == ' ' || c == '\t'; }

/* Digits only, at most 9 of them. */
static int read_number(const char *s, const char *e, long *out) {
    if (s == e || e - s > 9) return 0;
    long v = 0;
    for (const char *p = s; p < e; p++) {
        if (*p < '0' || *p > '9') return 0;
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return 1;
}

static int read_value(const char *s, const char *e, const struct field_spec *spec, int *out) {
    long v;
    if (read_number(s, e, &v)) {
        if (v < spec->min || v > spec->max) return 0;
        *out = (int)v;
        return 1;
    }
    if (spec->names && e - s == 3) {
        for (int i = 0; i < spec->count; i++)
            if (strncasecmp(s, spec->names[i], 3) == 0) {
                *out = spec->first + i;
                return 1;
            }
    }
    return 0;
}

/* One field, [s, e): a comma-separated list of items. Sets the bits of its values in *mask. */
static int read_field(const char *s, const char *e, const struct field_spec *spec, uint64_t *mask) {
    const char *item = s;
    for (;;) {
        const char *comma = memchr(item, ',', (size_t)(e - item));
        const char *item_end = comma ? comma : e;
        const char *slash = memchr(item, '/', (size_t)(item_end - item));
        const char *body_end = slash ? slash : item_end;
        long step = 1;
        int lo, hi;
        if (slash && (!read_number(slash + 1, item_end, &step) || step == 0)) return 0;
        if (body_end - item == 1 && *item == '*') {
            lo = spec->min;
            hi = spec->max;
        } else {
            const char *dash = memchr(item, '-', (size_t)(body_end - item));
            if (dash) {
                if (!read_value(item, dash, spec, &lo) || !read_value(dash + 1, body_end, spec, &hi) || lo > hi) return 0;
            } else {
                if (slash) return 0; /* 5/10: steps only go with * or a range */
                if (!read_value(item, body_end, spec, &lo)) return 0;
                hi = lo;
            }
        }
        for (long v = lo; v <= hi; v += step) *mask |= 1ULL << v;
        if (!comma) return 1;
        item = comma + 1;
    }
}

static const struct {
    const char *name, *fields;
} macros[] = {
    {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"}, {"@weekly", "0 0 * * 0"},
    {"@daily", "0 0 * * *"},  {"@midnight", "0 0 * * *"}, {"@hourly", "0 * * * *"},  {"@reboot", NULL},
};

/* The five fields at *p; moves *p past them and the blanks after. */
static enum cron_error read_fields(const char **p, struct cron_job *job) {
    uint64_t masks[5] = {0};
    for (int f = 0; f < 5; f++) {
        const char *s = *p, *e = s;
        while (*e && !blank(*e)) e++;
        if (!read_field(s, e, &specs[f], &masks[f])) return (enum cron_error)(CRON_BAD_MINUTE + f);
        while (blank(*e)) e++;
        *p = e;
    }
    job->minutes = masks[0];
    job->hours = (uint32_t)masks[1];
    job->mdays = (uint32_t)masks[2];
    job->months = (uint32_t)masks[3];
    job->wdays = (uint32_t)(masks[4] & 0x7f);
    if (masks[4] & (1u << 7)) job->wdays |= 1; /* 7 is Sunday too */
    return CRON_OK;
}

enum cron_error cron_parse(const char *line, struct cron_job **out, int *command) {
    struct cron_job job;
    memset(&job, 0, sizeof job);
    const char *p = line;
    while (blank(*p)) p++;
    if (*p == '@') {
        const char *e = p;
        while (*e && !blank(*e)) e++;
        int found = -1;
        for (int i = 0; i < (int)(sizeof macros / sizeof macros[0]); i++)
            if (strlen(macros[i].name) == (size_t)(e - p) && strncmp(p, macros[i].name, (size_t)(e - p)) == 0) found = i;
        if (found < 0) return CRON_BAD_TIME_SPECIFIER;
        if (macros[found].fields) {
            const char *q = macros[found].fields;
            read_fields(&q, &job);
        } else {
            job.reboot = 1;
        }
        while (blank(*e)) e++;
        p = e;
    } else {
        enum cron_error error = read_fields(&p, &job);
        if (error != CRON_OK) return error;
    }
    if (*p == '\0') return CRON_BAD_COMMAND;
    *out = malloc(sizeof job);
    **out = job;
    *command = (int)(p - line);
    return CRON_OK;
}

/* ---- Calendar: days since 1970-01-01 <-> civil dates (Howard Hinnant's algorithms). */

static long long days_from_civil(long long y, int m, int d) {
    y -= m <= 2;
    long long era = y / 400, yoe = y - era * 400;
    long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, long long *y, int *m, int *d) {
    z += 719468;
    long long era = z / 146097, doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* A day runs the job if it is in the day-of-month field and in the day-of-week field. */
static int day_matches(const struct cron_job *job, int mday, int wday) {
    return (job->mdays >> mday & 1) && (job->wdays >> wday & 1);
}

/* The first run at a minute >= t, or -1. Hint 3: fix the month, then the day, the hour, the minute. */
static long long first_run(const struct cron_job *job, long long t) {
    if (job->reboot) return -1;
    while (t < CRON_END_OF_CALENDAR) {
        long long day = t / 1440, y;
        int m, d, h = (int)(t % 1440 / 60), min = (int)(t % 60);
        civil_from_days(day, &y, &m, &d);
        if (!(job->months >> m & 1)) {
            t = (m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1)) * 1440;
            continue;
        }
        if (!day_matches(job, d, (int)((day + 4) % 7))) {
            t = (day + 1) * 1440;
            continue;
        }
        if (job->hours >> h & 1) {
            uint64_t later = job->minutes >> min << min;
            if (later) return t - min + __builtin_ctzll(later);
        }
        t = day * 1440 + (h + 1) * 60;
    }
    return -1;
}

int cron_next(const struct cron_job *job, long long after, int count, long long *runs) {
    int n = 0;
    long long t = after + 1;
    while (n < count) {
        long long run = first_run(job, t);
        if (run < 0) break;
        runs[n++] = run;
        t = run + 1;
    }
    return n;
}

/* ---- RUN: a binary min-heap of (next run, job). */

struct entry {
    long long at;
    int job;
};

static int before(struct entry a, struct entry b) {
    return a.at < b.at || (a.at == b.at && a.job < b.job);
}

static void push(struct entry *heap, int *size, struct entry e) {
    int i = (*size)++;
    while (i > 0 && before(e, heap[(i - 1) / 2])) {
        heap[i] = heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    heap[i] = e;
}

static struct entry pop(struct entry *heap, int *size) {
    struct entry top = heap[0], last = heap[--*size];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= *size) break;
        if (c + 1 < *size && before(heap[c + 1], heap[c])) c++;
        if (!before(heap[c], last)) break;
        heap[i] = heap[c];
        i = c;
    }
    if (*size > 0) heap[i] = last;
    return top;
}

void cron_run(struct cron_job *const *jobs, int n, long long start, long long end, void (*emit)(long long minute, int job)) {
    struct entry *heap = malloc(sizeof *heap * (size_t)(n + 1));
    int size = 0;
    for (int i = 0; i < n; i++) {
        long long first = first_run(jobs[i], start);
        if (first >= 0 && first < end) push(heap, &size, (struct entry){first, i});
    }
    while (size > 0) {
        struct entry e = pop(heap, &size);
        emit(e.at, e.job);
        long long next = first_run(jobs[e.job], e.at + 1);
        if (next >= 0 && next < end) push(heap, &size, (struct entry){next, e.job});
    }
    free(heap);
}

/* Known bad: a range that runs backwards wraps around the end of the field: `fri-sun` is Friday,
 * Saturday and Sunday, `22-2` the hours 22, 23, 0, 1 and 2, `dec-jan` December and January. That is
 * what the person who wrote it meant, and some schedulers read ranges that way, but Vixie cron refuses
 * a range whose start is above its end: `sun` is 0, so `fri-sun` is a bad day-of-week (the statement
 * says to write `fri-7`). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "cron.h"

#define LAST_DAY (CRON_END_OF_CALENDAR / 1440)

struct cron_job {
    char minute[60], hour[24], mday[32], month[13], wday[8];
    char mday_any, wday_any; /* the field began with '*' */
    char at_reboot;
    long long next; /* RUN: the job's next run, -1 if none in the window */
};

struct field_def {
    int min, max;
    const char *names; /* "janfeb...": three letters each, the first worth `base` */
    int base;
};

static const struct field_def defs[5] = {
    {0, 59, NULL, 0},
    {0, 23, NULL, 0},
    {1, 31, NULL, 0},
    {1, 12, "janfebmaraprmayjunjulaugsepoctnovdec", 1},
    {0, 7, "sunmontuewedthufrisat", 0},
};

static int is_blank(char c) {
    return c == ' ' || c == '\t';
}

static int at_end(char c) {
    return c == '\0' || is_blank(c);
}

static int get_number(const char **pp, long *out) {
    const char *p = *pp;
    if (!isdigit((unsigned char)*p)) return 0;
    long n = 0;
    while (isdigit((unsigned char)*p)) {
        if (n < 100000000) n = n * 10 + (*p - '0');
        p++;
    }
    *out = n;
    *pp = p;
    return 1;
}

static int get_value(const char **pp, const struct field_def *f, int *out) {
    const char *p = *pp;
    long n;
    if (get_number(&p, &n)) {
        if (n < f->min || n > f->max) return 0;
        *out = (int)n;
    } else if (f->names && isalpha((unsigned char)*p)) {
        const char *word = p;
        while (isalpha((unsigned char)*p)) p++;
        if (p - word != 3) return 0;
        int i, count = (int)strlen(f->names) / 3;
        for (i = 0; i < count; i++)
            if (tolower((unsigned char)word[0]) == f->names[3 * i] && tolower((unsigned char)word[1]) == f->names[3 * i + 1] &&
                tolower((unsigned char)word[2]) == f->names[3 * i + 2])
                break;
        if (i == count) return 0;
        *out = f->base + i;
    } else {
        return 0;
    }
    *pp = p;
    return 1;
}

/* Reads a field at *pp into set[]; returns 0 if it is bad. */
static int get_field(const char **pp, const struct field_def *f, char *set) {
    const char *p = *pp;
    for (;;) {
        int lo, hi, ranged = 0;
        long step = 1;
        if (*p == '*') {
            lo = f->min;
            hi = f->max;
            ranged = 1;
            p++;
        } else {
            if (!get_value(&p, f, &lo)) return 0;
            hi = lo;
            if (*p == '-') {
                p++;
                if (!get_value(&p, f, &hi)) return 0;
                ranged = 1;
            }
        }
        if (*p == '/') {
            p++;
            if (!ranged || !get_number(&p, &step) || step == 0) return 0;
        }
        if (lo <= hi) {
            for (int v = lo; v <= hi; v += (int)step) set[v] = 1;
        } else {
            /* Around the end of the field: fri-sun is Friday, Saturday, Sunday; 22-2 is 22, 23, 0, 1, 2. */
            int size = f->max - f->min + 1;
            for (int k = 0; k <= hi + size - lo; k += (int)step) set[f->min + (lo - f->min + k) % size] = 1;
        }
        if (*p == ',') {
            p++;
            continue;
        }
        if (!at_end(*p)) return 0;
        break;
    }
    *pp = p;
    return 1;
}

static int parse_fields(const char **pp, struct cron_job *job) {
    char *sets[5] = {job->minute, job->hour, job->mday, job->month, job->wday};
    const char *p = *pp;
    for (int f = 0; f < 5; f++) {
        if (f == 2) job->mday_any = *p == '*';
        if (f == 4) job->wday_any = *p == '*';
        if (!get_field(&p, &defs[f], sets[f])) return CRON_BAD_MINUTE + f;
        while (is_blank(*p)) p++;
    }
    if (job->wday[7]) job->wday[0] = 1;
    *pp = p;
    return CRON_OK;
}

enum cron_error cron_parse(const char *line, struct cron_job **job_out, int *command) {
    static const char *const macro_names[] = {"yearly", "annually", "monthly", "weekly", "daily", "midnight", "hourly", "reboot"};
    static const char *const macro_specs[] = {"0 0 1 1 *", "0 0 1 1 *", "0 0 1 * *", "0 0 * * 0", "0 0 * * *", "0 0 * * *", "0 * * * *", NULL};
    struct cron_job *job = calloc(1, sizeof *job);
    const char *p = line;
    while (is_blank(*p)) p++;
    if (*p == '@') {
        const char *word = ++p;
        while (!at_end(*p)) p++;
        size_t length = (size_t)(p - word);
        int m;
        for (m = 0; m < 8; m++)
            if (strlen(macro_names[m]) == length && memcmp(word, macro_names[m], length) == 0) break;
        if (m == 8) {
            free(job);
            return CRON_BAD_TIME_SPECIFIER;
        }
        if (macro_specs[m]) {
            const char *spec = macro_specs[m];
            parse_fields(&spec, job);
        } else {
            job->at_reboot = 1;
        }
        while (is_blank(*p)) p++;
    } else {
        int error = parse_fields(&p, job);
        if (error != CRON_OK) {
            free(job);
            return (enum cron_error)error;
        }
    }
    if (*p == '\0') {
        free(job);
        return CRON_BAD_COMMAND;
    }
    *job_out = job;
    *command = (int)(p - line);
    return CRON_OK;
}

/* ---- Dates. */

struct date {
    int year, month, day, wday;
};

static int month_length(int year, int month) {
    static const int lengths[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
    return lengths[month];
}

/* Days since 1970-01-01 to a date (the algorithm of Howard Hinnant's civil_from_days). */
static struct date to_date(long long days) {
    struct date dt;
    long long z = days + 719468, era = z / 146097, doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    dt.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    dt.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    dt.year = (int)(yoe + era * 400 + (dt.month <= 2));
    dt.wday = (int)((days + 4) % 7);
    return dt;
}

static void next_day(struct date *dt) {
    dt->wday = (dt->wday + 1) % 7;
    if (++dt->day > month_length(dt->year, dt->month)) {
        dt->day = 1;
        if (++dt->month > 12) {
            dt->month = 1;
            dt->year++;
        }
    }
}

static int runs_on(const struct cron_job *job, const struct date *dt) {
    if (job->mday_any || job->wday_any) return job->mday[dt->day] && job->wday[dt->wday];
    return job->mday[dt->day] || job->wday[dt->wday];
}

/* The first run at t or later, or -1: day by day, skipping the months the job does not run in. */
static long long first_run_from(const struct cron_job *job, long long t) {
    if (job->at_reboot) return -1;
    long long day = t / 1440;
    int from = (int)(t % 1440);
    struct date dt = to_date(day);
    for (; day < LAST_DAY; day++, from = 0, next_day(&dt)) {
        if (!job->month[dt.month]) {
            int rest = month_length(dt.year, dt.month) - dt.day; /* to its last day; next_day goes on from there */
            day += rest;
            dt.day += rest;
            dt.wday = (dt.wday + rest) % 7;
            continue;
        }
        if (!runs_on(job, &dt)) continue;
        for (int h = from / 60; h < 24; h++) {
            if (!job->hour[h]) continue;
            for (int m = h == from / 60 ? from % 60 : 0; m < 60; m++)
                if (job->minute[m]) return day * 1440 + h * 60 + m;
        }
    }
    return -1;
}

int cron_next(const struct cron_job *job, long long after, int count, long long *runs) {
    int got = 0;
    for (long long t = after + 1; got < count; t = runs[got - 1] + 1) {
        long long run = first_run_from(job, t);
        if (run < 0) break;
        runs[got++] = run;
    }
    return got;
}

/* Each job keeps its next run in the window; the earliest (the first job on a tie) goes next. */
void cron_run(struct cron_job *const *jobs, int n, long long start, long long end, void (*emit)(long long minute, int job)) {
    for (int i = 0; i < n; i++) {
        jobs[i]->next = first_run_from(jobs[i], start);
        if (jobs[i]->next >= end) jobs[i]->next = -1;
    }
    for (;;) {
        int best = -1;
        for (int i = 0; i < n; i++)
            if (jobs[i]->next >= 0 && (best < 0 || jobs[i]->next < jobs[best]->next)) best = i;
        if (best < 0) break;
        emit(jobs[best]->next, best);
        long long next = first_run_from(jobs[best], jobs[best]->next + 1);
        jobs[best]->next = next < end ? next : -1;
    }
}

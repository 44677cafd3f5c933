/* Reference: each field parsed into a bit mask of its values. The next runs of a job skip whole
 * months (to the first day of the next allowed one), then days one at a time, then take every run
 * of a matching day from the hour and minute masks' set bits. RUN merges the jobs with a binary
 * min-heap of (next run, index), one entry per job; a job's next run is found in its hour first,
 * then in its day, before searching the calendar. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cron.h"

#define END_DAY (CRON_END_OF_CALENDAR / 1440)

struct cron_job {
    uint64_t minutes;  /* bit m: minute m */
    uint32_t hours;    /* bit h: hour h */
    uint32_t days;     /* bits 1..31 */
    uint32_t months;   /* bits 1..12 */
    uint32_t weekdays; /* bits 0..6, Sunday 0 (7 folded onto 0) */
    int either;        /* both day fields restricted: a day matches if it matches either */
    int reboot;        /* never runs at a time of the calendar */
};

/* ---- Parsing. */

struct field {
    int low, high;
    const char *names; /* three letters per value, from first_name on */
    int first_name;
};

static const struct field fields[5] = {
    {0, 59, NULL, 0},
    {0, 23, NULL, 0},
    {1, 31, NULL, 0},
    {1, 12, "janfebmaraprmayjunjulaugsepoctnovdec", 1},
    {0, 7, "sunmontuewedthufrisat", 0},
};

static const struct {
    const char *name, *fields; /* fields NULL: @reboot */
} macros[] = {
    {"yearly", "0 0 1 1 *"}, {"annually", "0 0 1 1 *"}, {"monthly", "0 0 1 * *"}, {"weekly", "0 0 * * 0"},
    {"daily", "0 0 * * *"},  {"midnight", "0 0 * * *"}, {"hourly", "0 * * * *"},  {"reboot", NULL},
};

static int is_blank(char c) {
    return c == ' ' || c == '\t';
}

static int is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A number of digits only, saturated at 100000 (anything that long is out of every range), or -1. */
static int number(const char *text, int length) {
    if (length == 0) return -1;
    int value = 0;
    for (int i = 0; i < length; i++) {
        if (text[i] < '0' || text[i] > '9') return -1;
        if (value < 100000) value = value * 10 + (text[i] - '0');
    }
    return value;
}

/* The value of a number or a name of the field, or -1. */
static int value(const char *text, int length, const struct field *field) {
    int n = number(text, length);
    if (n >= 0) return n >= field->low && n <= field->high ? n : -1;
    if (length != 3 || !field->names || !is_letter(text[0]) || !is_letter(text[1]) || !is_letter(text[2])) return -1;
    for (int i = 0; field->names[3 * i]; i++) {
        const char *name = field->names + 3 * i;
        if ((text[0] | 0x20) == name[0] && (text[1] | 0x20) == name[1] && (text[2] | 0x20) == name[2]) return field->first_name + i;
    }
    return -1;
}

/* Adds the values of a field's text (a comma-separated list of items) to *mask; 0 if it is bad. */
static int parse_field(const char *text, int length, const struct field *field, uint64_t *mask) {
    for (int start = 0; start <= length;) {
        int end = start;
        while (end < length && text[end] != ',') end++;
        const char *item = text + start;
        int item_length = end - start, body_length = item_length, step = 1;
        const char *slash = memchr(item, '/', (size_t)item_length);
        if (slash) {
            body_length = (int)(slash - item);
            step = number(slash + 1, item_length - body_length - 1);
            if (step <= 0) return 0;
        }
        int low = field->low, high = field->high;
        if (!(body_length == 1 && item[0] == '*')) {
            const char *dash = memchr(item, '-', (size_t)body_length);
            if (!dash) {
                if (slash) return 0; /* a step needs a range or `*` */
                low = high = value(item, body_length, field);
                if (low < 0) return 0;
            } else {
                int left = (int)(dash - item);
                low = value(item, left, field);
                high = value(dash + 1, body_length - left - 1, field);
                if (low < 0 || high < 0 || low > high) return 0;
            }
        }
        for (int v = low; v <= high; v += step) *mask |= 1ULL << v;
        start = end + 1;
    }
    return 1;
}

/* Parses the five fields from text[*at] on into job; moves *at past the blanks that follow them.
 * Returns CRON_OK or the error of the first bad field. */
static enum cron_error parse_fields(const char *text, int *at, struct cron_job *job) {
    uint64_t masks[5] = {0};
    int starts[5];
    for (int f = 0; f < 5; f++) {
        int start = *at, end = start;
        while (text[end] != '\0' && !is_blank(text[end])) end++;
        starts[f] = start;
        if (!parse_field(text + start, end - start, &fields[f], &masks[f])) return (enum cron_error)(CRON_BAD_MINUTE + f);
        while (is_blank(text[end])) end++;
        *at = end;
    }
    job->minutes = masks[0];
    job->hours = (uint32_t)masks[1];
    job->days = (uint32_t)masks[2];
    job->months = (uint32_t)masks[3];
    job->weekdays = (uint32_t)((masks[4] | masks[4] >> 7) & 0x7f);
    job->either = text[starts[2]] != '*' && text[starts[4]] != '*';
    return CRON_OK;
}

enum cron_error cron_parse(const char *line, struct cron_job **job_out, int *command) {
    struct cron_job job = {0};
    int at = 0;
    while (is_blank(line[at])) at++;
    if (line[at] == '@') {
        int end = at + 1;
        while (line[end] != '\0' && !is_blank(line[end])) end++;
        int length = end - at - 1, found = -1;
        for (int m = 0; m < (int)(sizeof macros / sizeof macros[0]); m++) {
            if ((int)strlen(macros[m].name) == length && memcmp(macros[m].name, line + at + 1, (size_t)length) == 0) found = m;
        }
        if (found < 0) return CRON_BAD_TIME_SPECIFIER;
        if (macros[found].fields) {
            int expansion_at = 0;
            parse_fields(macros[found].fields, &expansion_at, &job);
        } else {
            job.reboot = 1;
        }
        at = end;
        while (is_blank(line[at])) at++;
    } else {
        enum cron_error error = parse_fields(line, &at, &job);
        if (error != CRON_OK) return error;
    }
    if (line[at] == '\0') return CRON_BAD_COMMAND;
    *job_out = malloc(sizeof job);
    if (!*job_out) abort();
    **job_out = job;
    *command = at;
    return CRON_OK;
}

/* ---- The calendar (proleptic Gregorian, UTC; days from 1970-01-01 are never negative here). */

static long long days_from_civil(long long year, int month, int day) {
    long long y = month <= 2 ? year - 1 : year;
    long long era = y / 400, yoe = y - era * 400;
    long long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void civil_from_days(long long days, long long *year, int *month, int *day) {
    long long z = days + 719468, era = z / 146097, doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = yoe + era * 400 + (*month <= 2);
}

/* The first day >= day the job runs on (END_DAY if none): a month it does not run in skips to the
 * first day of the next month it does, a day that does not match to the next day. *from, the
 * first minute of the day still allowed, becomes 0 if that is a later day. */
static long long matching_day(const struct cron_job *job, long long day, int *from) {
    while (day < END_DAY) {
        long long year;
        int month, d;
        civil_from_days(day, &year, &month, &d);
        if (!(job->months >> month & 1)) {
            uint32_t later = job->months >> (month + 1) << (month + 1);
            day = later ? days_from_civil(year, __builtin_ctz(later), 1) : days_from_civil(year + 1, __builtin_ctz(job->months), 1);
            *from = 0;
            continue;
        }
        int by_day = job->days >> d & 1, by_weekday = job->weekdays >> ((day + 4) % 7) & 1;
        if (job->either ? by_day || by_weekday : by_day && by_weekday) return day;
        day++;
        *from = 0;
    }
    return END_DAY;
}

/* Writes up to count runs at minutes >= t to runs, in order; returns how many. */
static int runs_from(const struct cron_job *job, long long t, int count, long long *runs) {
    if (job->reboot || count <= 0 || t >= CRON_END_OF_CALENDAR) return 0;
    long long day = t / 1440;
    int from = (int)(t % 1440), got = 0;
    while ((day = matching_day(job, day, &from)) < END_DAY) {
        int first_hour = from / 60, first_minute = from % 60;
        for (uint32_t hours = job->hours >> first_hour << first_hour; hours; hours &= hours - 1) {
            int hour = __builtin_ctz(hours);
            uint64_t minutes = hour == first_hour ? job->minutes >> first_minute << first_minute : job->minutes;
            long long base = day * 1440 + hour * 60;
            for (; minutes; minutes &= minutes - 1) {
                runs[got++] = base + __builtin_ctzll(minutes);
                if (got == count) return got;
            }
        }
        day++;
        from = 0;
    }
    return got;
}

int cron_next(const struct cron_job *job, long long after, int count, long long *runs) {
    return runs_from(job, after + 1, count, runs);
}

/* The run after t, a run of the job: later in its hour, in its day, or from the next day on; -1 if
 * none. */
static long long run_after(const struct cron_job *job, long long t) {
    int in_day = (int)(t % 1440), hour = in_day / 60, minute = in_day % 60;
    uint64_t minutes = job->minutes >> (minute + 1) << (minute + 1);
    if (minutes) return t - minute + __builtin_ctzll(minutes);
    uint32_t hours = job->hours >> (hour + 1) << (hour + 1);
    if (hours) return t - in_day + __builtin_ctz(hours) * 60 + __builtin_ctzll(job->minutes);
    long long next;
    return runs_from(job, (t / 1440 + 1) * 1440, 1, &next) ? next : -1;
}

/* A heap entry: the run's minute, then the job's index (n <= 2000 < 2^11), in one integer. */
#define INDEX_BITS 11

static void sift_down(long long *heap, int size, int at) {
    long long entry = heap[at];
    for (;;) {
        int child = 2 * at + 1;
        if (child >= size) break;
        if (child + 1 < size && heap[child + 1] < heap[child]) child++;
        if (heap[child] >= entry) break;
        heap[at] = heap[child];
        at = child;
    }
    heap[at] = entry;
}

void cron_run(struct cron_job *const *jobs, int n, long long start, long long end, void (*emit)(long long minute, int job)) {
    long long *heap = malloc(((size_t)n + 1) * sizeof *heap);
    if (!heap) abort();
    int size = 0;
    for (int i = 0; i < n; i++) {
        long long first;
        if (runs_from(jobs[i], start, 1, &first) && first < end) heap[size++] = first << INDEX_BITS | i;
    }
    for (int at = size / 2 - 1; at >= 0; at--) sift_down(heap, size, at);
    while (size > 0) {
        long long minute = heap[0] >> INDEX_BITS;
        int i = (int)(heap[0] & ((1 << INDEX_BITS) - 1));
        emit(minute, i);
        long long next = run_after(jobs[i], minute);
        if (next >= 0 && next < end) heap[0] = next << INDEX_BITS | i;
        else heap[0] = heap[--size];
        sift_down(heap, size, 0);
    }
    free(heap);
}

#include <stdlib.h>
#include "cron.h"

/* TODO: what a job needs to find its runs: the set of values of each field (a 64-bit mask holds the
 * minutes), whether the day-of-month and day-of-week fields began with `*` (the rule for days
 * needs it: the sets cannot tell `*` from `1-31`), and whether it is @reboot. */
struct cron_job {
    int todo;
};

enum cron_error cron_parse(const char *line, struct cron_job **job, int *command) {
    /* TODO: skip the leading blanks; read a macro or the five fields, each a comma-separated list
     * of values, names, `*`, ranges and steps, and return the error of the first bad one; then the
     * command begins after the blanks that follow. For now every line with six words is a job
     * whose command is the sixth word on, and a job never runs. */
    int at = 0;
    for (int word = 0; word < 5; word++) {
        while (line[at] == ' ' || line[at] == '\t') at++;
        while (line[at] != '\0' && line[at] != ' ' && line[at] != '\t') at++;
    }
    while (line[at] == ' ' || line[at] == '\t') at++;
    if (line[at] == '\0') return CRON_BAD_COMMAND;
    *job = calloc(1, sizeof **job);
    *command = at;
    return CRON_OK;
}

int cron_next(const struct cron_job *job, long long after, int count, long long *runs) {
    /* TODO: start at after + 1 and fix the fields from the largest: a month the job does not run in
     * skips to the next month, a day that does not match to the next day, an hour to the next hour;
     * stop at CRON_END_OF_CALENDAR. For now there are no runs. */
    (void)job;
    (void)after;
    (void)count;
    (void)runs;
    return 0;
}

void cron_run(struct cron_job *const *jobs, int n, long long start, long long end, void (*emit)(long long minute, int job)) {
    /* TODO: a min-heap of (next run, index), one entry per job with a run in the window: pop the
     * earliest, emit it, push that job's next run if it is before end. For now nothing runs. */
    (void)jobs;
    (void)n;
    (void)start;
    (void)end;
    (void)emit;
}

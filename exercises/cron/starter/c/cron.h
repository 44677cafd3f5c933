#ifndef CRON_H
#define CRON_H

/* Times are minutes since 1970-01-01 00:00 UTC (a long long: year 9999 is past 2^31 minutes). The
 * calendar ends at the minute of 10000-01-01 00:00: no run is at or after it. */
#define CRON_END_OF_CALENDAR 4223371680LL

/* A parsed crontab line: you define it in cron.c. The driver only keeps pointers to it. */
struct cron_job;

/* The outcome of cron_parse: CRON_OK, or the message of the statement that the driver prints. */
enum cron_error {
    CRON_OK = 0,
    CRON_BAD_MINUTE,         /* "bad minute" */
    CRON_BAD_HOUR,           /* "bad hour" */
    CRON_BAD_DAY_OF_MONTH,   /* "bad day-of-month" */
    CRON_BAD_MONTH,          /* "bad month" */
    CRON_BAD_DAY_OF_WEEK,    /* "bad day-of-week" */
    CRON_BAD_COMMAND,        /* "bad command": the fields (or the macro) are fine, no command follows */
    CRON_BAD_TIME_SPECIFIER, /* "bad time specifier": an @word that is not a macro */
};

/* Parses a job line: five fields and a command, or a macro and a command. The line is not blank
 * and not a comment, its trailing blanks are removed, it holds at most 1,000 printable ASCII
 * characters and tabs, and it stays valid until the end of the run.
 *
 * On success, sets *job to the job (allocate it as you like; the driver never frees it), sets
 * *command to the offset in line where the command begins, and returns CRON_OK. On a bad line,
 * returns the error of the first bad field, left to right. */
enum cron_error cron_parse(const char *line, struct cron_job **job, int *command);

/* Writes the first `count` runs of the job at minutes > after to runs, in increasing order, and
 * returns how many it wrote: count, or fewer if the calendar ends first (0 for a job that never
 * runs). after is a minute of the calendar; count is 1 to 1,000 and runs has room for count. */
int cron_next(const struct cron_job *job, long long after, int count, long long *runs);

/* Calls emit(minute, index) once for every run of the n jobs at start <= minute < end, in order of
 * minute, then of index at the same minute. jobs are the lines that parsed, in the order of their
 * lines: index 0 is the first. 0 <= n <= 2,000; start and end are minutes of the calendar and
 * start <= end. */
void cron_run(struct cron_job *const *jobs, int n, long long start, long long end, void (*emit)(long long minute, int job));

#endif

/* The driver: reads the crontab and the queries, hands each job line to cron_parse (cron.c),
 * answers NEXT queries with cron_next and RUN queries with cron_run, checks what it can see of
 * their answers, and prints every time itself. Input is read whole and output goes through a large
 * buffer: tests have thousands of lines and queries, and RUN prints up to 500,000 runs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cron.h"

#define MAX_LINES 2000
#define MAX_LINE_LENGTH 1000
#define MAX_QUERIES 2000
#define MAX_COUNT 1000
#define MAX_RUNS 500000

static const char *const error_messages[] = {
    "", "bad minute", "bad hour", "bad day-of-month", "bad month", "bad day-of-week", "bad command", "bad time specifier",
};
static const char *const weekday_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

static char *in_buf;
static size_t in_len;
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
    /* There is always room after the input, for the terminating NUL of the last line. */
}

static void flush_out(void) {
    fwrite(out_buf, 1, out_len, stdout);
    out_len = 0;
}

static void put_bytes(const char *s, size_t n) {
    while (n > 0) {
        if (out_len == sizeof out_buf) flush_out();
        size_t room = sizeof out_buf - out_len, take = n < room ? n : room;
        memcpy(out_buf + out_len, s, take);
        out_len += take;
        s += take;
        n -= take;
    }
}

static void put_string(const char *s) {
    put_bytes(s, strlen(s));
}

/* Malformed input and wrong answers end the run with a message on standard output and status 0,
 * after what was printed before, so that running your own input shows the message next to the
 * reference's identical one. */
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

/* ---- The calendar (proleptic Gregorian, UTC), after Howard Hinnant's days_from_civil. */

static long long days_from_civil(long long year, int month, int day) {
    long long y = month <= 2 ? year - 1 : year;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long long days, long long *year, int *month, int *day) {
    long long z = days + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = yoe + era * 400 + (*month <= 2);
}

static int is_leap(long long year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(long long year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

/* "YYYY-MM-DD HH:MM Www" of a minute of the calendar, into text (20 characters, no NUL). The
 * date of the last day formatted is kept: runs come many to a day. */
static void format_minute(long long minute, char *text) {
    static long long cached_day = -1;
    static char date[10];
    static const char *weekday;
    long long days = minute / 1440;
    int in_day = (int)(minute % 1440);
    if (days != cached_day) {
        long long year;
        int month, day;
        civil_from_days(days, &year, &month, &day);
        int fields[3] = {(int)year, month, day}, widths[3] = {4, 2, 2}, at = 0;
        for (int f = 0; f < 3; f++) {
            for (int d = widths[f] - 1, value = fields[f]; d >= 0; d--, value /= 10) date[at + d] = (char)('0' + value % 10);
            at += widths[f];
            if (f < 2) date[at++] = '-';
        }
        weekday = weekday_names[(days + 4) % 7];
        cached_day = days;
    }
    memcpy(text, date, 10);
    text[10] = ' ';
    text[11] = (char)('0' + in_day / 600);
    text[12] = (char)('0' + in_day / 60 % 10);
    text[13] = ':';
    text[14] = (char)('0' + in_day % 60 / 10);
    text[15] = (char)('0' + in_day % 10);
    text[16] = ' ';
    memcpy(text + 17, weekday, 3);
}

/* A minute as a message shows it: its date and time in the calendar, else the number. */
static const char *describe(long long minute) {
    static char text[2][32];
    static int which;
    char *out = text[which ^= 1];
    if (minute >= 0 && minute < CRON_END_OF_CALENDAR) {
        format_minute(minute, out);
        out[16] = '\0';
    } else {
        snprintf(out, sizeof text[0], "minute %lld", minute);
    }
    return out;
}

/* ---- The input, read as the statement says (the grader's parseInput, message for message). */

typedef struct {
    char *text;
    size_t length;
} input_line;

enum query_kind { NEXT, RUN };

typedef struct {
    int kind, line, count;
    long long from, to; /* NEXT: after; RUN: start and end */
} query;

static input_line *lines;
static size_t line_count, line_at;

static void split_lines(void) {
    size_t capacity = 1024;
    lines = allocate(capacity, sizeof *lines);
    size_t start = 0;
    for (size_t i = 0; i <= in_len; i++) {
        if (i < in_len && in_buf[i] != '\n') continue;
        if (i == in_len && start == in_len) break; /* the input ends with a newline (or is empty) */
        if (line_count == capacity) {
            lines = realloc(lines, (capacity *= 2) * sizeof *lines);
            if (!lines) {
                fprintf(stderr, "out of memory\n");
                exit(1);
            }
        }
        lines[line_count++] = (input_line){in_buf + start, i - start};
        start = i + 1;
    }
}

static input_line next_line(const char *what, int number) {
    if (line_at >= line_count) {
        if (number > 0) invalid("the input ends before %s %d", what, number);
        invalid("the input ends before %s", what);
    }
    return lines[line_at++];
}

/* The white space JavaScript's trim() and \s take away (the ASCII ones). */
static int is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n';
}

static int is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* The text (white space around it ignored) as a number of 1 to 9 digits from min to max, or -1. */
static long long counted(const char *text, size_t length, long long min, long long max) {
    while (length > 0 && is_space(text[0])) text++, length--;
    while (length > 0 && is_space(text[length - 1])) length--;
    if (length == 0 || length > 9) return -1;
    long long value = 0;
    for (size_t i = 0; i < length; i++) {
        if (!is_digit(text[i])) return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value >= min && value <= max ? value : -1;
}

/* The length of a line as the grader counts it: in UTF-16 units (the input is UTF-8, and a line
 * longer than allowed is reported before one with a character that is not ASCII). */
static size_t utf16_length(const char *text, size_t length) {
    size_t units = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        units += ((c & 0xc0) != 0x80) + (c >= 0xf0);
    }
    return units;
}

static int digits(const char *text, int length) {
    int value = 0;
    for (int i = 0; i < length; i++) {
        if (!is_digit(text[i])) return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

/* "YYYY-MM-DD" and "HH:MM" to a minute of 1970..9999, or -1. */
static long long parse_instant(const char *date, size_t date_length, const char *time, size_t time_length) {
    if (date_length != 10 || time_length != 5 || date[4] != '-' || date[7] != '-' || time[2] != ':') return -1;
    int year = digits(date, 4), month = digits(date + 5, 2), day = digits(date + 8, 2);
    int hour = digits(time, 2), minute = digits(time + 3, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return -1;
    if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59) return -1;
    return days_from_civil(year, month, day) * 1440 + hour * 60 + minute;
}

static void read_query(input_line text, int i, int n, query *q) {
    const char *token[6];
    size_t length[6];
    int tokens = 0;
    for (size_t at = 0; at < text.length && tokens < 6;) {
        while (at < text.length && is_space(text.text[at])) at++;
        if (at == text.length) break;
        size_t start = at;
        while (at < text.length && !is_space(text.text[at])) at++;
        token[tokens] = text.text + start;
        length[tokens++] = at - start;
    }
    int is_next = tokens == 5 && length[0] == 4 && memcmp(token[0], "NEXT", 4) == 0;
    int is_run = tokens == 5 && length[0] == 3 && memcmp(token[0], "RUN", 3) == 0;
    const char *bad_time = "query %d: a time must be YYYY-MM-DD HH:MM, from 1970-01-01 00:00 to 9999-12-31 23:59";
    if (is_next) {
        if (n == 0) invalid("query %d: NEXT needs a line, and the crontab has none", i);
        long long line = counted(token[1], length[1], 1, n);
        if (line < 0) invalid("query %d: the line must be 1 to %d", i, n);
        long long count = counted(token[2], length[2], 1, MAX_COUNT);
        if (count < 0) invalid("query %d: the count must be 1 to %d", i, MAX_COUNT);
        long long after = parse_instant(token[3], length[3], token[4], length[4]);
        if (after < 0) invalid(bad_time, i);
        *q = (query){NEXT, (int)line, (int)count, after, 0};
    } else if (is_run) {
        long long start = parse_instant(token[1], length[1], token[2], length[2]);
        if (start < 0) invalid(bad_time, i);
        long long end = parse_instant(token[3], length[3], token[4], length[4]);
        if (end < 0) invalid(bad_time, i);
        if (start > end) invalid("query %d: a window must not end before it starts", i);
        *q = (query){RUN, 0, 0, start, end};
    } else {
        invalid("query %d must be NEXT line count YYYY-MM-DD HH:MM or RUN YYYY-MM-DD HH:MM YYYY-MM-DD HH:MM", i);
    }
}

/* ---- Running the queries. */

static struct cron_job **jobs; /* the lines that parsed, in order */
static const char **commands;  /* [job]: its command, NUL-terminated */
static int job_count;

/* What cron_run has reported so far. */
static int run_query;
static long long run_start, run_end, last_minute, total_runs;
static int last_job, runs_in_query;

static void emit_run(long long minute, int job) {
    if (job < 0 || job >= job_count) invalid_answer("query %d: run reported job %d, which is not the index of a job (there are %d)", run_query, job, job_count);
    if (minute < run_start || minute >= run_end) invalid_answer("query %d: run reported a run at %s, outside the window", run_query, describe(minute));
    if (runs_in_query > 0 && (minute < last_minute || (minute == last_minute && job <= last_job))) {
        invalid_answer("query %d: run reported job %d at %s after job %d at %s: runs come in order of time, then of index", run_query, job,
                       describe(minute), last_job, describe(last_minute));
    }
    if (++total_runs > MAX_RUNS) invalid_answer("query %d: run reported more than %d runs in all the RUN queries, more than an input may ask for", run_query, MAX_RUNS);
    last_minute = minute;
    last_job = job;
    runs_in_query++;
    char text[20];
    format_minute(minute, text);
    put_bytes(text, sizeof text);
    put_bytes(" ", 1);
    put_string(commands[job]);
    put_bytes("\n", 1);
}

static void answer_next(int i, const query *q, const int *job_of_line, long long *runs) {
    int job = job_of_line[q->line - 1];
    char text[64];
    if (job < 0) {
        put_bytes(text, (size_t)snprintf(text, sizeof text, "line %d: no job\n", q->line));
        return;
    }
    int got = cron_next(jobs[job], q->from, q->count, runs);
    if (got < 0 || got > q->count) invalid_answer("query %d: next returned %d runs for a count of %d", i, got, q->count);
    for (int r = 0; r < got; r++) {
        if (r == 0 && runs[0] <= q->from) invalid_answer("query %d: run 1 (%s) is not after %s", i, describe(runs[0]), describe(q->from));
        if (r > 0 && runs[r] <= runs[r - 1]) invalid_answer("query %d: run %d (%s) is not after run %d (%s)", i, r + 1, describe(runs[r]), r, describe(runs[r - 1]));
        if (runs[r] >= CRON_END_OF_CALENDAR) invalid_answer("query %d: run %d (%s) is past the end of the calendar", i, r + 1, describe(runs[r]));
    }
    for (int r = 0; r < got; r++) {
        format_minute(runs[r], text);
        text[20] = '\n';
        put_bytes(text, 21);
    }
    if (got < q->count) put_string("no more runs\n");
}

int main(void) {
    read_input();
    split_lines();
    input_line count_line = next_line("the number of lines", 0);
    long long n = counted(count_line.text, count_line.length, 0, MAX_LINES);
    if (n < 0) invalid("the number of crontab lines must be 0 to %d", MAX_LINES);
    input_line *crontab = allocate((size_t)n, sizeof *crontab);
    for (int i = 0; i < n; i++) {
        input_line line = next_line("crontab line", i + 1);
        if (utf16_length(line.text, line.length) > MAX_LINE_LENGTH) invalid("crontab line %d is longer than %d characters", i + 1, MAX_LINE_LENGTH);
        for (size_t c = 0; c < line.length; c++) {
            unsigned char ch = (unsigned char)line.text[c];
            if (ch != '\t' && ch != '\r' && (ch < 0x20 || ch > 0x7e)) invalid("crontab line %d has a character that is not printable ASCII or a tab", i + 1);
        }
        crontab[i] = line;
    }
    count_line = next_line("the number of queries", 0);
    long long q = counted(count_line.text, count_line.length, 0, MAX_QUERIES);
    if (q < 0) invalid("the number of queries must be 0 to %d", MAX_QUERIES);
    query *queries = allocate((size_t)q, sizeof *queries);
    for (int i = 0; i < q; i++) read_query(next_line("query", i + 1), i + 1, (int)n, &queries[i]);
    if (line_at < line_count) invalid("there is more input after the last query");

    /* Every job line is parsed before the first query: the errors come first. */
    int *job_of_line = allocate((size_t)n, sizeof *job_of_line);
    jobs = allocate((size_t)n, sizeof *jobs);
    commands = allocate((size_t)n, sizeof *commands);
    for (int i = 0; i < n; i++) {
        char *text = crontab[i].text;
        size_t length = crontab[i].length;
        while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t' || text[length - 1] == '\r')) length--;
        text[length] = '\0'; /* over the newline or a trailing blank, or just past the input */
        job_of_line[i] = -1;
        size_t first = strspn(text, " \t");
        if (first == length || text[first] == '#') continue; /* blank, or a comment */
        struct cron_job *job = NULL;
        int command = -1;
        enum cron_error error = cron_parse(text, &job, &command);
        if ((int)error < CRON_OK || (int)error > CRON_BAD_TIME_SPECIFIER) {
            invalid_answer("line %d: parse returned the error %d, which is not one of the statement's", i + 1, (int)error);
        }
        if (error != CRON_OK) {
            char message[64];
            put_bytes(message, (size_t)snprintf(message, sizeof message, "line %d: %s\n", i + 1, error_messages[error]));
            continue;
        }
        if (command <= 0 || (size_t)command >= length || text[command] == ' ' || text[command] == '\t') {
            invalid_answer("line %d: the command must be the end of the line after the fields (not empty, not beginning with a blank); parse returned offset %d", i + 1,
                           command);
        }
        job_of_line[i] = job_count;
        commands[job_count] = text + command;
        jobs[job_count++] = job;
    }

    long long *runs = allocate(MAX_COUNT, sizeof *runs);
    for (int i = 0; i < q; i++) {
        const query *query = &queries[i];
        if (query->kind == NEXT) {
            answer_next(i + 1, query, job_of_line, runs);
            continue;
        }
        run_query = i + 1;
        run_start = query->from;
        run_end = query->to;
        runs_in_query = 0;
        cron_run(jobs, job_count, run_start, run_end, emit_run);
        char text[32];
        put_bytes(text, (size_t)snprintf(text, sizeof text, "runs: %d\n", runs_in_query));
    }
    flush_out();
    return 0;
}

/* The harness's report to the grader (read-only; the same in every exercise whose harness calls your
 * code). The harness calls report_begin() first: from then on standard output is the report's alone
 * (a private copy of descriptor 1; descriptor 1 itself goes to standard error, so your printf still
 * shows), and the run's nonce, the first line of standard input, has been read. report_fail notes
 * what the harness caught (the first failure is the one reported; any thread may call it);
 * report_number and report_text add the figures the grader recomputes from the scenario; report_end
 * writes the one JSON object of the run: {"nonce": …, "ok": true, figures…}, or {"nonce": …,
 * "ok": false, "error": the first failure}. */
#ifndef OSPREP_REPORT_H
#define OSPREP_REPORT_H

void report_begin(void);
void report_fail(const char *format, ...) __attribute__((format(printf, 1, 2)));
int report_failed(void);
void report_number(const char *name, long long value);
void report_text(const char *name, const char *value);
/* Writes the report once (later calls write nothing); any thread may call it, a watchdog included. */
void report_end(void);

#endif

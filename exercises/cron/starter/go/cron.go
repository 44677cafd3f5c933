package main

// Job is a parsed crontab line. Times are minutes since 1970-01-01 00:00 UTC; the calendar ends at
// EndOfCalendar (main.go), the minute of 10000-01-01 00:00.
type Job struct {
	// TODO: what a job needs to find its runs: the set of values of each field (a uint64 mask holds
	// the minutes), whether the day-of-month and day-of-week fields began with `*` (the rule for
	// days needs it: the sets cannot tell `*` from `1-31`), and whether it is @reboot.
}

// Parse reads a job line: five fields and a command, or a macro and a command. The line is not
// blank and not a comment, its trailing blanks are removed, and it holds at most 1,000 printable
// ASCII characters and tabs. It returns the job, its command (the rest of the line after the blanks
// that follow the fields) and "", or the message of the first bad field, left to right ("bad hour",
// "bad command", "bad time specifier", ...).
func Parse(line string) (*Job, string, string) {
	// TODO: skip the leading blanks; read a macro or the five fields, each a comma-separated list of
	// values, names, `*`, ranges and steps, and return the message of the first bad one. For now
	// every line with six words is a job whose command is the sixth word on, and a job never runs.
	at := 0
	isBlank := func() bool { return at < len(line) && (line[at] == ' ' || line[at] == '\t') }
	for word := 0; word < 5; word++ {
		for isBlank() {
			at++
		}
		for at < len(line) && !isBlank() {
			at++
		}
	}
	for isBlank() {
		at++
	}
	if at == len(line) {
		return nil, "", "bad command"
	}
	return &Job{}, line[at:], ""
}

// Next returns the first count runs of the job at minutes > after, in increasing order: count of
// them, or fewer if the calendar ends first (none for a job that never runs). after is a minute of
// the calendar; count is 1 to 1,000.
func (j *Job) Next(after int64, count int) []int64 {
	// TODO: start at after + 1 and fix the fields from the largest: a month the job does not run in
	// skips to the next month, a day that does not match to the next day, an hour to the next hour;
	// stop at EndOfCalendar. For now there are no runs.
	return nil
}

// Run calls emit(minute, index) once for every run of the jobs at start <= minute < end, in order of
// minute, then of index at the same minute. jobs are the lines that parsed, in the order of their
// lines: index 0 is the first. There are at most 2,000; start and end are minutes of the calendar
// and start <= end.
func Run(jobs []*Job, start, end int64, emit func(minute int64, job int)) {
	// TODO: a min-heap of (next run, index), one entry per job with a run in the window: pop the
	// earliest, emit it, push that job's next run if it is before end. For now nothing runs.
}

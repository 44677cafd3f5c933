// The driver: reads the crontab and the queries, hands each job line to Parse (cron.go), answers
// NEXT queries with Job.Next and RUN queries with Run, checks what it can see of their answers, and
// prints every time itself. Input is read in one go and output goes through a large buffer: tests
// have thousands of lines and queries, and RUN prints up to 500,000 runs.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// EndOfCalendar is the minute of 10000-01-01 00:00 (times are minutes since 1970-01-01 00:00 UTC):
// no run is at or after it.
const EndOfCalendar int64 = 4223371680

const (
	maxLines      = 2000
	maxLineLength = 1000
	maxQueries    = 2000
	maxCount      = 1000
	maxRuns       = 500000
)

var errorMessages = map[string]bool{
	"bad minute": true, "bad hour": true, "bad day-of-month": true, "bad month": true, "bad day-of-week": true,
	"bad command": true, "bad time specifier": true,
}

var weekdayNames = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

var output = bufio.NewWriterSize(os.Stdout, 1<<20)

// stop ends the run on malformed input or a wrong answer with a message on standard output and
// status 0, after what was printed before, so that running your own input shows the message next
// to the reference's identical one.
func stop(what, format string, args ...any) {
	output.Flush()
	fmt.Printf(what+format+"\n", args...)
	os.Exit(0)
}

func invalid(format string, args ...any) { stop("invalid input: ", format, args...) }

func invalidAnswer(format string, args ...any) { stop("invalid answer: ", format, args...) }

// quote shows a string your code returned in a message.
func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return `"` + s + `"`
}

// ---- The calendar (proleptic Gregorian, UTC), after Howard Hinnant's days_from_civil.

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func daysFromCivil(year int64, month, day int) int64 {
	y := year
	if month <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	m := int64(month) + 9
	if month > 2 {
		m = int64(month) - 3
	}
	doy := (153*m+2)/5 + int64(day) - 1
	return era*146097 + yoe*365 + yoe/4 - yoe/100 + doy - 719468
}

func civilFromDays(days int64) (year int64, month, day int) {
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = int(doy - (153*mp+2)/5 + 1)
	month = int(mp + 3)
	if mp >= 10 {
		month = int(mp - 9)
	}
	year = yoe + era*400
	if month <= 2 {
		year++
	}
	return year, month, day
}

func daysInMonth(year int64, month int) int {
	if month == 2 {
		if (year%4 == 0 && year%100 != 0) || year%400 == 0 {
			return 29
		}
		return 28
	}
	return [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
}

// minuteFormat appends "YYYY-MM-DD HH:MM Www"; it keeps the date of the last day it formatted, as
// runs come many to a day.
type minuteFormat struct {
	day     int64
	date    [10]byte
	weekday string
}

func (f *minuteFormat) append(line []byte, minute int64) []byte {
	days, inDay := minute/1440, int(minute%1440)
	if days != f.day || f.weekday == "" {
		year, month, day := civilFromDays(days)
		fields, widths, at := [3]int{int(year), month, day}, [3]int{4, 2, 2}, 0
		for i := range fields {
			for d, value := widths[i]-1, fields[i]; d >= 0; d, value = d-1, value/10 {
				f.date[at+d] = byte('0' + value%10)
			}
			at += widths[i]
			if i < 2 {
				f.date[at] = '-'
				at++
			}
		}
		f.day, f.weekday = days, weekdayNames[(days+4)%7]
	}
	line = append(line, f.date[:]...)
	line = append(line, ' ', byte('0'+inDay/600), byte('0'+inDay/60%10), ':', byte('0'+inDay%60/10), byte('0'+inDay%10), ' ')
	return append(line, f.weekday...)
}

var formatted minuteFormat

// describe shows a minute in a message: its date and time in the calendar, else the number.
func describe(minute int64) string {
	if minute >= 0 && minute < EndOfCalendar {
		var f minuteFormat
		return string(f.append(nil, minute)[:16])
	}
	return "minute " + strconv.FormatInt(minute, 10)
}

// ---- The input, read as the statement says (the grader's parseInput, message for message).

const (
	queryNext = iota
	queryRun
)

type query struct {
	kind, line, count int
	from, to          int64 // NEXT: after; RUN: start and end
}

// isSpace is the white space JavaScript's trim() and \s take away (the ASCII ones).
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n'
}

// counted returns the text (white space around it ignored) as a number of 1 to 9 digits from
// lowest to highest, or -1.
func counted(text []byte, lowest, highest int) int {
	text = bytes.TrimFunc(text, func(r rune) bool { return r < 0x80 && isSpace(byte(r)) })
	if len(text) == 0 || len(text) > 9 {
		return -1
	}
	value := 0
	for _, c := range text {
		if c < '0' || c > '9' {
			return -1
		}
		value = value*10 + int(c-'0')
	}
	if value < lowest || value > highest {
		return -1
	}
	return value
}

// utf16Length is the length of a line as the grader counts it: in UTF-16 units (the input is UTF-8,
// and a line longer than allowed is reported before one with a character that is not ASCII).
func utf16Length(text []byte) int {
	units := 0
	for _, c := range text {
		if c&0xc0 != 0x80 {
			units++
		}
		if c >= 0xf0 {
			units++
		}
	}
	return units
}

func digits(text []byte) int {
	value := 0
	for _, c := range text {
		if c < '0' || c > '9' {
			return -1
		}
		value = value*10 + int(c-'0')
	}
	return value
}

// parseInstant returns "YYYY-MM-DD" and "HH:MM" as a minute of 1970..9999, or -1.
func parseInstant(date, clock []byte) int64 {
	if len(date) != 10 || len(clock) != 5 || date[4] != '-' || date[7] != '-' || clock[2] != ':' {
		return -1
	}
	year, month, day := digits(date[:4]), digits(date[5:7]), digits(date[8:])
	hour, minute := digits(clock[:2]), digits(clock[3:])
	if year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 {
		return -1
	}
	if year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(int64(year), month) || hour > 23 || minute > 59 {
		return -1
	}
	return daysFromCivil(int64(year), month, day)*1440 + int64(hour*60+minute)
}

func readQuery(text []byte, i, n int) query {
	tokens := bytes.FieldsFunc(text, func(r rune) bool { return r < 0x80 && isSpace(byte(r)) })
	const badTime = "query %d: a time must be YYYY-MM-DD HH:MM, from 1970-01-01 00:00 to 9999-12-31 23:59"
	switch {
	case len(tokens) == 5 && string(tokens[0]) == "NEXT":
		if n == 0 {
			invalid("query %d: NEXT needs a line, and the crontab has none", i)
		}
		line := counted(tokens[1], 1, n)
		if line < 0 {
			invalid("query %d: the line must be 1 to %d", i, n)
		}
		count := counted(tokens[2], 1, maxCount)
		if count < 0 {
			invalid("query %d: the count must be 1 to %d", i, maxCount)
		}
		after := parseInstant(tokens[3], tokens[4])
		if after < 0 {
			invalid(badTime, i)
		}
		return query{kind: queryNext, line: line, count: count, from: after}
	case len(tokens) == 5 && string(tokens[0]) == "RUN":
		start := parseInstant(tokens[1], tokens[2])
		if start < 0 {
			invalid(badTime, i)
		}
		end := parseInstant(tokens[3], tokens[4])
		if end < 0 {
			invalid(badTime, i)
		}
		if start > end {
			invalid("query %d: a window must not end before it starts", i)
		}
		return query{kind: queryRun, from: start, to: end}
	}
	invalid("query %d must be NEXT line count YYYY-MM-DD HH:MM or RUN YYYY-MM-DD HH:MM YYYY-MM-DD HH:MM", i)
	return query{}
}

// readInput returns the crontab's lines and the queries; malformed input stops the run.
func readInput(data []byte) ([][]byte, []query) {
	lines := bytes.Split(data, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	at := 0
	next := func(what string) []byte {
		if at >= len(lines) {
			invalid("the input ends before %s", what)
		}
		at++
		return lines[at-1]
	}
	n := counted(next("the number of lines"), 0, maxLines)
	if n < 0 {
		invalid("the number of crontab lines must be 0 to %d", maxLines)
	}
	crontab := make([][]byte, n)
	for i := range crontab {
		line := next("crontab line " + strconv.Itoa(i+1))
		if utf16Length(line) > maxLineLength {
			invalid("crontab line %d is longer than %d characters", i+1, maxLineLength)
		}
		for _, c := range line {
			if c != '\t' && c != '\r' && (c < 0x20 || c > 0x7e) {
				invalid("crontab line %d has a character that is not printable ASCII or a tab", i+1)
			}
		}
		crontab[i] = line
	}
	q := counted(next("the number of queries"), 0, maxQueries)
	if q < 0 {
		invalid("the number of queries must be 0 to %d", maxQueries)
	}
	queries := make([]query, q)
	for i := range queries {
		queries[i] = readQuery(next("query "+strconv.Itoa(i+1)), i+1, n)
	}
	if at < len(lines) {
		invalid("there is more input after the last query")
	}
	return crontab, queries
}

// ---- Running the queries.

func answerNext(i int, q query, job *Job, line []byte) []byte {
	runs := job.Next(q.from, q.count)
	if len(runs) > q.count {
		invalidAnswer("query %d: next returned %d runs for a count of %d", i, len(runs), q.count)
	}
	for r, run := range runs {
		if r == 0 && run <= q.from {
			invalidAnswer("query %d: run 1 (%s) is not after %s", i, describe(run), describe(q.from))
		}
		if r > 0 && run <= runs[r-1] {
			invalidAnswer("query %d: run %d (%s) is not after run %d (%s)", i, r+1, describe(run), r, describe(runs[r-1]))
		}
		if run >= EndOfCalendar {
			invalidAnswer("query %d: run %d (%s) is past the end of the calendar", i, r+1, describe(run))
		}
	}
	for _, run := range runs {
		line = append(formatted.append(line[:0], run), '\n')
		output.Write(line)
	}
	if len(runs) < q.count {
		output.WriteString("no more runs\n")
	}
	return line
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	crontab, queries := readInput(data)

	// Every job line is parsed before the first query: the errors come first.
	jobOfLine := make([]int, len(crontab))
	var jobs []*Job
	var commands []string
	for i, raw := range crontab {
		jobOfLine[i] = -1
		line := strings.TrimRight(string(raw), " \t\r")
		if rest := strings.TrimLeft(line, " \t"); rest == "" || rest[0] == '#' {
			continue // blank, or a comment
		}
		job, command, message := Parse(line)
		if message != "" {
			if !errorMessages[message] {
				invalidAnswer("line %d: parse returned the error %s, which is not one of the statement's", i+1, quote(message))
			}
			fmt.Fprintf(output, "line %d: %s\n", i+1, message)
			continue
		}
		if command == "" || command[0] == ' ' || command[0] == '\t' || !strings.HasSuffix(line, command) || len(command) == len(line) {
			invalidAnswer("line %d: the command must be the end of the line after the fields (not empty, not beginning with a blank); parse returned %s", i+1, quote(command))
		}
		jobOfLine[i] = len(jobs)
		jobs = append(jobs, job)
		commands = append(commands, command)
	}

	line := make([]byte, 0, 64)
	totalRuns := 0
	for i, q := range queries {
		if q.kind == queryNext {
			if job := jobOfLine[q.line-1]; job >= 0 {
				line = answerNext(i+1, q, jobs[job], line)
			} else {
				fmt.Fprintf(output, "line %d: no job\n", q.line)
			}
			continue
		}
		runs, lastMinute, lastJob := 0, int64(0), 0
		Run(jobs, q.from, q.to, func(minute int64, job int) {
			if job < 0 || job >= len(jobs) {
				invalidAnswer("query %d: run reported job %d, which is not the index of a job (there are %d)", i+1, job, len(jobs))
			}
			if minute < q.from || minute >= q.to {
				invalidAnswer("query %d: run reported a run at %s, outside the window", i+1, describe(minute))
			}
			if runs > 0 && (minute < lastMinute || (minute == lastMinute && job <= lastJob)) {
				invalidAnswer("query %d: run reported job %d at %s after job %d at %s: runs come in order of time, then of index", i+1, job, describe(minute), lastJob, describe(lastMinute))
			}
			if totalRuns++; totalRuns > maxRuns {
				invalidAnswer("query %d: run reported more than %d runs in all the RUN queries, more than an input may ask for", i+1, maxRuns)
			}
			lastMinute, lastJob = minute, job
			runs++
			line = append(formatted.append(line[:0], minute), ' ')
			line = append(append(line, commands[job]...), '\n')
			output.Write(line)
		})
		fmt.Fprintf(output, "runs: %d\n", runs)
	}
	output.Flush()
}

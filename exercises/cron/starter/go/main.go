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
// no run is at or after it. DaysFromCivil, CivilFromDays and DaysInMonth below are yours to use too;
// the driver's other names all begin with "driver", so they do not clash with yours.
const EndOfCalendar int64 = 4223371680

const (
	driverMaxLines      = 2000
	driverMaxLineLength = 1000
	driverMaxQueries    = 2000
	driverMaxCount      = 1000
	driverMaxRuns       = 500000
)

var driverErrorMessages = map[string]bool{
	"bad minute": true, "bad hour": true, "bad day-of-month": true, "bad month": true, "bad day-of-week": true,
	"bad command": true, "bad time specifier": true,
}

var driverWeekdayNames = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

var driverOutput = bufio.NewWriterSize(os.Stdout, 1<<20)

// driverStop ends the run on malformed input or a wrong answer with a message on standard output and
// status 0, after what was printed before, so that running your own input shows the message next
// to the reference's identical one.
func driverStop(what, format string, args ...any) {
	driverOutput.Flush()
	fmt.Printf(what+format+"\n", args...)
	os.Exit(0)
}

func driverInvalid(format string, args ...any) { driverStop("invalid input: ", format, args...) }

func driverInvalidAnswer(format string, args ...any) { driverStop("invalid answer: ", format, args...) }

// driverQuote shows a string your code returned in a message.
func driverQuote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return `"` + s + `"`
}

// ---- The calendar (proleptic Gregorian, UTC), after Howard Hinnant's days_from_civil.

func driverFloorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// DaysFromCivil is the number of days from 1970-01-01 to the date (proleptic Gregorian).
func DaysFromCivil(year int64, month, day int) int64 {
	y := year
	if month <= 2 {
		y--
	}
	era := driverFloorDiv(y, 400)
	yoe := y - era*400
	m := int64(month) + 9
	if month > 2 {
		m = int64(month) - 3
	}
	doy := (153*m+2)/5 + int64(day) - 1
	return era*146097 + yoe*365 + yoe/4 - yoe/100 + doy - 719468
}

// CivilFromDays is the date `days` days after 1970-01-01.
func CivilFromDays(days int64) (year int64, month, day int) {
	z := days + 719468
	era := driverFloorDiv(z, 146097)
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

// DaysInMonth is the number of days of the month (1 to 12) in the year.
func DaysInMonth(year int64, month int) int {
	if month == 2 {
		if (year%4 == 0 && year%100 != 0) || year%400 == 0 {
			return 29
		}
		return 28
	}
	return [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
}

// driverMinuteFormat appends "YYYY-MM-DD HH:MM Www"; it keeps the date of the last day it formatted, as
// runs come many to a day.
type driverMinuteFormat struct {
	day     int64
	date    [10]byte
	weekday string
}

func (f *driverMinuteFormat) append(line []byte, minute int64) []byte {
	days, inDay := minute/1440, int(minute%1440)
	if days != f.day || f.weekday == "" {
		year, month, day := CivilFromDays(days)
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
		f.day, f.weekday = days, driverWeekdayNames[(days+4)%7]
	}
	line = append(line, f.date[:]...)
	line = append(line, ' ', byte('0'+inDay/600), byte('0'+inDay/60%10), ':', byte('0'+inDay%60/10), byte('0'+inDay%10), ' ')
	return append(line, f.weekday...)
}

var driverFormatted driverMinuteFormat

// driverDescribe shows a minute in a message: its date and time in the calendar, else the number.
func driverDescribe(minute int64) string {
	if minute >= 0 && minute < EndOfCalendar {
		var f driverMinuteFormat
		return string(f.append(nil, minute)[:16])
	}
	return "minute " + strconv.FormatInt(minute, 10)
}

// ---- The input, read as the statement says (the grader's parseInput, message for message).

const (
	driverQueryNext = iota
	driverQueryRun
)

type driverQuery struct {
	kind, line, count int
	from, to          int64 // NEXT: after; RUN: start and end
}

// driverIsSpace is the white space JavaScript's trim() and \s take away (the ASCII ones).
func driverIsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n'
}

// driverCounted returns the text (white space around it ignored) as a number of 1 to 9 digits from
// lowest to highest, or -1.
func driverCounted(text []byte, lowest, highest int) int {
	text = bytes.TrimFunc(text, func(r rune) bool { return r < 0x80 && driverIsSpace(byte(r)) })
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

// driverUtf16Length is the length of a line as the grader counts it: in UTF-16 units (the input is UTF-8,
// and a line longer than allowed is reported before one with a character that is not ASCII).
func driverUtf16Length(text []byte) int {
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

func driverDigits(text []byte) int {
	value := 0
	for _, c := range text {
		if c < '0' || c > '9' {
			return -1
		}
		value = value*10 + int(c-'0')
	}
	return value
}

// driverParseInstant returns "YYYY-MM-DD" and "HH:MM" as a minute of 1970..9999, or -1.
func driverParseInstant(date, clock []byte) int64 {
	if len(date) != 10 || len(clock) != 5 || date[4] != '-' || date[7] != '-' || clock[2] != ':' {
		return -1
	}
	year, month, day := driverDigits(date[:4]), driverDigits(date[5:7]), driverDigits(date[8:])
	hour, minute := driverDigits(clock[:2]), driverDigits(clock[3:])
	if year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 {
		return -1
	}
	if year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(int64(year), month) || hour > 23 || minute > 59 {
		return -1
	}
	return DaysFromCivil(int64(year), month, day)*1440 + int64(hour*60+minute)
}

func driverReadQuery(text []byte, i, n int) driverQuery {
	tokens := bytes.FieldsFunc(text, func(r rune) bool { return r < 0x80 && driverIsSpace(byte(r)) })
	const badTime = "query %d: a time must be YYYY-MM-DD HH:MM, from 1970-01-01 00:00 to 9999-12-31 23:59"
	switch {
	case len(tokens) == 5 && string(tokens[0]) == "NEXT":
		if n == 0 {
			driverInvalid("query %d: NEXT needs a line, and the crontab has none", i)
		}
		line := driverCounted(tokens[1], 1, n)
		if line < 0 {
			driverInvalid("query %d: the line must be 1 to %d", i, n)
		}
		count := driverCounted(tokens[2], 1, driverMaxCount)
		if count < 0 {
			driverInvalid("query %d: the count must be 1 to %d", i, driverMaxCount)
		}
		after := driverParseInstant(tokens[3], tokens[4])
		if after < 0 {
			driverInvalid(badTime, i)
		}
		return driverQuery{kind: driverQueryNext, line: line, count: count, from: after}
	case len(tokens) == 5 && string(tokens[0]) == "RUN":
		start := driverParseInstant(tokens[1], tokens[2])
		if start < 0 {
			driverInvalid(badTime, i)
		}
		end := driverParseInstant(tokens[3], tokens[4])
		if end < 0 {
			driverInvalid(badTime, i)
		}
		if start > end {
			driverInvalid("query %d: a window must not end before it starts", i)
		}
		return driverQuery{kind: driverQueryRun, from: start, to: end}
	}
	driverInvalid("query %d must be NEXT line count YYYY-MM-DD HH:MM or RUN YYYY-MM-DD HH:MM YYYY-MM-DD HH:MM", i)
	return driverQuery{}
}

// driverReadInput returns the crontab's lines and the queries; malformed input stops the run.
func driverReadInput(data []byte) ([][]byte, []driverQuery) {
	lines := bytes.Split(data, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	at := 0
	next := func(what string) []byte {
		if at >= len(lines) {
			driverInvalid("the input ends before %s", what)
		}
		at++
		return lines[at-1]
	}
	n := driverCounted(next("the number of lines"), 0, driverMaxLines)
	if n < 0 {
		driverInvalid("the number of crontab lines must be 0 to %d", driverMaxLines)
	}
	crontab := make([][]byte, n)
	for i := range crontab {
		line := next("crontab line " + strconv.Itoa(i+1))
		if driverUtf16Length(line) > driverMaxLineLength {
			driverInvalid("crontab line %d is longer than %d characters", i+1, driverMaxLineLength)
		}
		for _, c := range line {
			if c != '\t' && c != '\r' && (c < 0x20 || c > 0x7e) {
				driverInvalid("crontab line %d has a character that is not printable ASCII or a tab", i+1)
			}
		}
		crontab[i] = line
	}
	q := driverCounted(next("the number of queries"), 0, driverMaxQueries)
	if q < 0 {
		driverInvalid("the number of queries must be 0 to %d", driverMaxQueries)
	}
	queries := make([]driverQuery, q)
	for i := range queries {
		queries[i] = driverReadQuery(next("query "+strconv.Itoa(i+1)), i+1, n)
	}
	if at < len(lines) {
		driverInvalid("there is more input after the last query")
	}
	return crontab, queries
}

// ---- Running the queries.

func driverAnswerNext(i int, q driverQuery, job *Job, line []byte) []byte {
	runs := job.Next(q.from, q.count)
	if len(runs) > q.count {
		driverInvalidAnswer("query %d: next returned %d runs for a count of %d", i, len(runs), q.count)
	}
	for r, run := range runs {
		if r == 0 && run <= q.from {
			driverInvalidAnswer("query %d: run 1 (%s) is not after %s", i, driverDescribe(run), driverDescribe(q.from))
		}
		if r > 0 && run <= runs[r-1] {
			driverInvalidAnswer("query %d: run %d (%s) is not after run %d (%s)", i, r+1, driverDescribe(run), r, driverDescribe(runs[r-1]))
		}
		if run >= EndOfCalendar {
			driverInvalidAnswer("query %d: run %d (%s) is past the end of the calendar", i, r+1, driverDescribe(run))
		}
	}
	for _, run := range runs {
		line = append(driverFormatted.append(line[:0], run), '\n')
		driverOutput.Write(line)
	}
	if len(runs) < q.count {
		driverOutput.WriteString("no more runs\n")
	}
	return line
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	crontab, queries := driverReadInput(data)

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
			if !driverErrorMessages[message] {
				driverInvalidAnswer("line %d: parse returned the error %s, which is not one of the statement's", i+1, driverQuote(message))
			}
			fmt.Fprintf(driverOutput, "line %d: %s\n", i+1, message)
			continue
		}
		if command == "" || command[0] == ' ' || command[0] == '\t' || !strings.HasSuffix(line, command) || len(command) == len(line) {
			driverInvalidAnswer("line %d: the command must be the end of the line after the fields (not empty, not beginning with a blank); parse returned %s", i+1, driverQuote(command))
		}
		jobOfLine[i] = len(jobs)
		jobs = append(jobs, job)
		commands = append(commands, command)
	}

	line := make([]byte, 0, 64)
	totalRuns := 0
	for i, q := range queries {
		if q.kind == driverQueryNext {
			if job := jobOfLine[q.line-1]; job >= 0 {
				line = driverAnswerNext(i+1, q, jobs[job], line)
			} else {
				fmt.Fprintf(driverOutput, "line %d: no job\n", q.line)
			}
			continue
		}
		runs, lastMinute, lastJob := 0, int64(0), 0
		Run(jobs, q.from, q.to, func(minute int64, job int) {
			if job < 0 || job >= len(jobs) {
				driverInvalidAnswer("query %d: run reported job %d, which is not the index of a job (there are %d)", i+1, job, len(jobs))
			}
			if minute < q.from || minute >= q.to {
				driverInvalidAnswer("query %d: run reported a run at %s, outside the window", i+1, driverDescribe(minute))
			}
			if runs > 0 && (minute < lastMinute || (minute == lastMinute && job <= lastJob)) {
				driverInvalidAnswer("query %d: run reported job %d at %s after job %d at %s: runs come in order of time, then of index", i+1, job, driverDescribe(minute), lastJob, driverDescribe(lastMinute))
			}
			if totalRuns++; totalRuns > driverMaxRuns {
				driverInvalidAnswer("query %d: run reported more than %d runs in all the RUN queries, more than an input may ask for", i+1, driverMaxRuns)
			}
			lastMinute, lastJob = minute, job
			runs++
			line = append(driverFormatted.append(line[:0], minute), ' ')
			line = append(append(line, commands[job]...), '\n')
			driverOutput.Write(line)
		})
		fmt.Fprintf(driverOutput, "runs: %d\n", runs)
	}
	driverOutput.Flush()
}

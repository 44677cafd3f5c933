// Known bad: does not compile: `weekday` is declared in nextFrom and never used (the day rule is
// called with the expression written out again), and Go refuses unused variables. Otherwise a plain
// solution: flags per field, hint 3 on the driver's calendar, container/heap for Run.
package main

import (
	"container/heap"
	"strconv"
	"strings"
)

// Job is a parsed crontab line.
type Job struct {
	minute  [60]bool
	hour    [24]bool
	dom     [32]bool
	month   [13]bool
	dow     [7]bool
	domStar bool // the day-of-month field starts with "*"
	dowStar bool
	reboot  bool
}

type fieldInfo struct {
	name     string
	min, max int
	names    map[string]int
}

var fieldInfos = []fieldInfo{
	{"minute", 0, 59, nil},
	{"hour", 0, 23, nil},
	{"day-of-month", 1, 31, nil},
	{"month", 1, 12, map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}},
	{"day-of-week", 0, 7, map[string]int{"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}},
}

var macros = map[string]string{
	"@yearly":   "0 0 1 1 *",
	"@annually": "0 0 1 1 *",
	"@monthly":  "0 0 1 * *",
	"@weekly":   "0 0 * * 0",
	"@daily":    "0 0 * * *",
	"@midnight": "0 0 * * *",
	"@hourly":   "0 * * * *",
	"@reboot":   "",
}

func allDigits(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func (f fieldInfo) value(s string) (int, bool) {
	if allDigits(s) {
		n, _ := strconv.Atoi(s)
		return n, n >= f.min && n <= f.max
	}
	if f.names != nil && len(s) == 3 {
		n, ok := f.names[strings.ToLower(s)]
		return n, ok
	}
	return 0, false
}

// values returns the values a field selects, or false if it is bad.
func (f fieldInfo) values(text string) ([]int, bool) {
	var out []int
	for _, item := range strings.Split(text, ",") {
		body, stepText, hasStep := strings.Cut(item, "/")
		step := 1
		if hasStep {
			if !allDigits(stepText) {
				return nil, false
			}
			step, _ = strconv.Atoi(stepText)
			if step == 0 {
				return nil, false
			}
		}
		lo, hi := f.min, f.max
		if body != "*" {
			a, b, isRange := strings.Cut(body, "-")
			if !isRange && hasStep {
				return nil, false
			}
			var ok bool
			if lo, ok = f.value(a); !ok {
				return nil, false
			}
			hi = lo
			if isRange {
				if hi, ok = f.value(b); !ok || hi < lo {
					return nil, false
				}
			}
		}
		for v := lo; v <= hi; v += step {
			out = append(out, v)
		}
	}
	return out, true
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// nextWord returns the word at the start of s and what follows the blanks after it.
func nextWord(s string) (string, string) {
	i := 0
	for i < len(s) && !isBlank(s[i]) {
		i++
	}
	j := i
	for j < len(s) && isBlank(s[j]) {
		j++
	}
	return s[:i], s[j:]
}

func parseFields(rest string, job *Job) (string, string) {
	for i, f := range fieldInfos {
		var text string
		text, rest = nextWord(rest)
		vals, ok := f.values(text)
		if !ok {
			return "", "bad " + f.name
		}
		for _, v := range vals {
			switch i {
			case 0:
				job.minute[v] = true
			case 1:
				job.hour[v] = true
			case 2:
				job.dom[v] = true
			case 3:
				job.month[v] = true
			case 4:
				job.dow[v%7] = true
			}
		}
		if i == 2 {
			job.domStar = strings.HasPrefix(text, "*")
		}
		if i == 4 {
			job.dowStar = strings.HasPrefix(text, "*")
		}
	}
	return rest, ""
}

func Parse(line string) (*Job, string, string) {
	rest := strings.TrimLeft(line, " \t")
	job := &Job{}
	if strings.HasPrefix(rest, "@") {
		var name string
		name, rest = nextWord(rest)
		spec, ok := macros[name]
		if !ok {
			return nil, "", "bad time specifier"
		}
		if spec == "" {
			job.reboot = true
		} else {
			parseFields(spec, job)
		}
	} else {
		var msg string
		if rest, msg = parseFields(rest, job); msg != "" {
			return nil, "", msg
		}
	}
	if rest == "" {
		return nil, "", "bad command"
	}
	return job, rest, ""
}

// The calendar is the driver's (main.go): DaysFromCivil and CivilFromDays.

func (j *Job) dayMatches(dom, dow int) bool {
	if j.domStar || j.dowStar {
		return j.dom[dom] && j.dow[dow]
	}
	return j.dom[dom] || j.dow[dow]
}

// nextFrom returns the first minute >= t the job runs at, or -1: the month, the day, the hour, then
// the minute, each moving t on to the next candidate when it does not match.
func (j *Job) nextFrom(t int64) int64 {
	if j.reboot {
		return -1
	}
	for t < EndOfCalendar {
		day := t / 1440
		y, m, d := CivilFromDays(day)
		weekday := int((day + 4) % 7)
		if !j.month[m] {
			if m == 12 {
				t = DaysFromCivil(y+1, 1, 1) * 1440
			} else {
				t = DaysFromCivil(y, m+1, 1) * 1440
			}
			continue
		}
		if !j.dayMatches(d, int((day+4)%7)) {
			t = (day + 1) * 1440
			continue
		}
		h, min := int(t%1440/60), int(t%60)
		if j.hour[h] {
			for ; min < 60; min++ {
				if j.minute[min] {
					return day*1440 + int64(h*60+min)
				}
			}
		}
		t = day*1440 + int64(h+1)*60
	}
	return -1
}

func (j *Job) Next(after int64, count int) []int64 {
	runs := make([]int64, 0, count)
	for t := after + 1; len(runs) < count; {
		run := j.nextFrom(t)
		if run < 0 {
			break
		}
		runs = append(runs, run)
		t = run + 1
	}
	return runs
}

type pending struct {
	at  int64
	job int
}

type queue []pending

func (q queue) Len() int { return len(q) }
func (q queue) Less(a, b int) bool {
	if q[a].at != q[b].at {
		return q[a].at < q[b].at
	}
	return q[a].job < q[b].job
}
func (q queue) Swap(a, b int) { q[a], q[b] = q[b], q[a] }
func (q *queue) Push(x any)   { *q = append(*q, x.(pending)) }
func (q *queue) Pop() any {
	old := *q
	last := old[len(old)-1]
	*q = old[:len(old)-1]
	return last
}

func Run(jobs []*Job, start, end int64, emit func(minute int64, job int)) {
	q := &queue{}
	for i, job := range jobs {
		if at := job.nextFrom(start); at >= 0 && at < end {
			*q = append(*q, pending{at, i})
		}
	}
	heap.Init(q)
	for q.Len() > 0 {
		top := heap.Pop(q).(pending)
		emit(top.at, top.job)
		if at := jobs[top.job].nextFrom(top.at + 1); at >= 0 && at < end {
			heap.Push(q, pending{at, top.job})
		}
	}
}

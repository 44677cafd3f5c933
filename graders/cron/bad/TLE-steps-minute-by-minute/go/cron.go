// Known bad: right answers, but Next tries every minute after `after`, converting each to a date with
// time.Unix(...).UTC() and testing the five fields, until one matches or the calendar ends. It is the
// definition of cron read literally, and quick for jobs that run every few minutes; a job that runs
// once a year costs half a million conversions per run, and one that never runs (the 30th of
// February) some four billion. Run steps every job through the window the same way.
package main

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

type Job struct {
	allowed        [5][64]bool
	domAll, dowAll bool // the field starts with '*'
	reboot         bool
}

var itemPattern = regexp.MustCompile(`^(?:\*|([0-9]+|[A-Za-z]{3})(?:-([0-9]+|[A-Za-z]{3}))?)(?:/([0-9]+))?$`)

var limits = [5][2]int{{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}}
var what = [5]string{"minute", "hour", "day-of-month", "month", "day-of-week"}

func nameValue(s string, field int) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= limits[field][0] && n <= limits[field][1]
	}
	lower := strings.ToLower(s)
	switch field {
	case 3:
		if i := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", lower); i >= 0 && i%3 == 0 {
			return i/3 + 1, true
		}
	case 4:
		if i := strings.Index("sunmontuewedthufrisat", lower); i >= 0 && i%3 == 0 {
			return i / 3, true
		}
	}
	return 0, false
}

func (j *Job) setField(text string, field int) bool {
	for _, item := range strings.Split(text, ",") {
		m := itemPattern.FindStringSubmatch(item)
		if m == nil || len(item) > 40 {
			return false
		}
		lo, hi, step := limits[field][0], limits[field][1], 1
		if m[1] != "" {
			var ok bool
			if lo, ok = nameValue(m[1], field); !ok {
				return false
			}
			hi = lo
			if m[2] != "" {
				if hi, ok = nameValue(m[2], field); !ok || hi < lo {
					return false
				}
			} else if m[3] != "" {
				return false // a step on a single value
			}
		}
		if m[3] != "" {
			if step, _ = strconv.Atoi(m[3]); step == 0 {
				return false
			}
		}
		for v := lo; v <= hi; v += step {
			j.allowed[field][v] = true
		}
	}
	if field == 4 && j.allowed[4][7] {
		j.allowed[4][0] = true // 7 is Sunday too
	}
	return true
}

func Parse(line string) (*Job, string, string) {
	rest := strings.TrimLeft(line, " \t")
	take := func() string {
		end := strings.IndexAny(rest, " \t")
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		rest = strings.TrimLeft(rest[end:], " \t")
		return word
	}
	job := &Job{}
	fields := []string{}
	if strings.HasPrefix(rest, "@") {
		switch take() {
		case "@yearly", "@annually":
			fields = strings.Fields("0 0 1 1 *")
		case "@monthly":
			fields = strings.Fields("0 0 1 * *")
		case "@weekly":
			fields = strings.Fields("0 0 * * 0")
		case "@daily", "@midnight":
			fields = strings.Fields("0 0 * * *")
		case "@hourly":
			fields = strings.Fields("0 * * * *")
		case "@reboot":
			job.reboot = true
		default:
			return nil, "", "bad time specifier"
		}
	} else {
		for i := 0; i < 5; i++ {
			fields = append(fields, take())
		}
	}
	for i, text := range fields {
		if !job.setField(text, i) {
			return nil, "", "bad " + what[i]
		}
	}
	if !job.reboot {
		job.domAll = strings.HasPrefix(fields[2], "*")
		job.dowAll = strings.HasPrefix(fields[4], "*")
	}
	if rest == "" {
		return nil, "", "bad command"
	}
	return job, rest, ""
}

func (j *Job) matches(t time.Time) bool {
	if !j.allowed[0][t.Minute()] || !j.allowed[1][t.Hour()] || !j.allowed[3][int(t.Month())] {
		return false
	}
	dom, dow := j.allowed[2][t.Day()], j.allowed[4][int(t.Weekday())]
	if j.domAll || j.dowAll {
		return dom && dow
	}
	return dom || dow
}

// after returns the first minute >= t and < limit the job runs at, or -1.
func (j *Job) after(t, limit int64) int64 {
	if j.reboot {
		return -1
	}
	for ; t < limit; t++ {
		if j.matches(time.Unix(t*60, 0).UTC()) {
			return t
		}
	}
	return -1
}

func (j *Job) Next(after int64, count int) []int64 {
	var runs []int64
	for t := after + 1; len(runs) < count; {
		run := j.after(t, EndOfCalendar)
		if run < 0 {
			break
		}
		runs = append(runs, run)
		t = run + 1
	}
	return runs
}

func Run(jobs []*Job, start, end int64, emit func(minute int64, job int)) {
	next := make([]int64, len(jobs))
	for i, job := range jobs {
		next[i] = job.after(start, end)
	}
	for {
		best := -1
		for i, t := range next {
			if t >= 0 && (best < 0 || t < next[best]) {
				best = i
			}
		}
		if best < 0 {
			return
		}
		emit(next[best], best)
		next[best] = jobs[best].after(next[best]+1, end)
	}
}

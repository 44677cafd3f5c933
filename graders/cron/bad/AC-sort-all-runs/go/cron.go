// Expected AC: a straightforward solution. Each field becomes a bit set; a job's runs are found by
// walking the calendar one day at a time from the given minute (no skipping of whole months), taking
// the matching minutes of each matching day. Run does not merge anything: it collects every run of
// every job inside the window and sorts them by (minute, index) with sort.Slice. Slower than the
// reference on jobs that run once a year (365 days walked per run instead of 12 months), and it holds
// all of a window's runs at once, but within the limits.
package main

import (
	"sort"
	"strings"
	"time"
)

const (
	fMinute = iota
	fHour
	fDom
	fMonth
	fDow
)

type Job struct {
	sets      [5]uint64
	domIsStar bool
	dowIsStar bool
	neverRuns bool
}

type bounds struct{ lo, hi int }

var fieldBounds = [5]bounds{{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}}
var fieldNames = [5]string{"minute", "hour", "day-of-month", "month", "day-of-week"}
var nameValues = [5]map[string]int{
	fMonth: {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12},
	fDow:   {"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6},
}

func number(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func valueOf(s string, f int) (int, bool) {
	if n, ok := number(s); ok {
		return n, n >= fieldBounds[f].lo && n <= fieldBounds[f].hi
	}
	if nameValues[f] == nil || len(s) != 3 {
		return 0, false
	}
	v, ok := nameValues[f][strings.ToLower(s)]
	return v, ok
}

func fieldSet(text string, f int) (uint64, bool) {
	var set uint64
	for _, item := range strings.Split(text, ",") {
		rangeText, stepText := item, ""
		if k := strings.IndexByte(item, '/'); k >= 0 {
			rangeText, stepText = item[:k], item[k+1:]
		}
		step := 1
		if stepText != "" || strings.Contains(item, "/") {
			s, ok := number(stepText)
			if !ok || s == 0 {
				return 0, false
			}
			step = s
		}
		lo, hi := fieldBounds[f].lo, fieldBounds[f].hi
		switch dash := strings.IndexByte(rangeText, '-'); {
		case rangeText == "*":
		case dash >= 0:
			var ok1, ok2 bool
			lo, ok1 = valueOf(rangeText[:dash], f)
			hi, ok2 = valueOf(rangeText[dash+1:], f)
			if !ok1 || !ok2 || lo > hi {
				return 0, false
			}
		default:
			if step != 1 || strings.Contains(item, "/") {
				return 0, false
			}
			var ok bool
			if lo, ok = valueOf(rangeText, f); !ok {
				return 0, false
			}
			hi = lo
		}
		for v := lo; v <= hi; v += step {
			set |= 1 << uint(v)
		}
	}
	if f == fDow && set&(1<<7) != 0 {
		set = set&^(1<<7) | 1
	}
	return set, true
}

func splitWord(s string) (word, rest string) {
	end := strings.IndexAny(s, " \t")
	if end < 0 {
		return s, ""
	}
	return s[:end], strings.TrimLeft(s[end:], " \t")
}

var macroFields = map[string]string{
	"yearly": "0 0 1 1 *", "annually": "0 0 1 1 *", "monthly": "0 0 1 * *", "weekly": "0 0 * * 0",
	"daily": "0 0 * * *", "midnight": "0 0 * * *", "hourly": "0 * * * *", "reboot": "",
}

func Parse(line string) (*Job, string, string) {
	rest := strings.TrimLeft(line, " \t")
	job := new(Job)
	fields, isMacro := rest, strings.HasPrefix(rest, "@")
	if isMacro {
		var word string
		word, rest = splitWord(rest)
		spec, ok := macroFields[word[1:]]
		if !ok {
			return nil, "", "bad time specifier"
		}
		job.neverRuns = spec == ""
		fields = spec
	}
	if fields != "" {
		for f := 0; f < 5; f++ {
			var text string
			text, fields = splitWord(fields)
			set, ok := fieldSet(text, f)
			if !ok {
				return nil, "", "bad " + fieldNames[f]
			}
			job.sets[f] = set
			if f == fDom {
				job.domIsStar = strings.HasPrefix(text, "*")
			} else if f == fDow {
				job.dowIsStar = strings.HasPrefix(text, "*")
			}
		}
		if !isMacro {
			rest = fields
		}
	}
	if rest == "" {
		return nil, "", "bad command"
	}
	return job, rest, ""
}

func (j *Job) has(f, v int) bool { return j.sets[f]&(1<<uint(v)) != 0 }

func (j *Job) onDay(month, day int, weekday time.Weekday) bool {
	if !j.has(fMonth, month) {
		return false
	}
	dom, dow := j.has(fDom, day), j.has(fDow, int(weekday))
	if j.domIsStar || j.dowIsStar {
		return dom && dow
	}
	return dom || dow
}

// each calls yield for the job's runs at minutes >= from and < until, in order, while yield
// returns true.
func (j *Job) each(from, until int64, yield func(int64) bool) {
	if j.neverRuns {
		return
	}
	if until > EndOfCalendar {
		until = EndOfCalendar
	}
	day := from / 1440
	first := int(from % 1440)
	date := time.Unix(day*86400, 0).UTC()
	year, month, dom := date.Date()
	weekday := date.Weekday()
	monthLength := time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
	for day*1440 < until {
		if j.onDay(int(month), dom, weekday) {
			for at := first; at < 1440; at++ {
				if at%60 == 0 && !j.has(fHour, at/60) {
					at += 59
					continue
				}
				if j.has(fHour, at/60) && j.has(fMinute, at%60) {
					if day*1440+int64(at) >= until || !yield(day*1440+int64(at)) {
						return
					}
				}
			}
		}
		first = 0
		day++
		weekday = (weekday + 1) % 7
		if dom++; dom > monthLength {
			dom = 1
			if month++; month > 12 {
				month = 1
				year++
			}
			monthLength = time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
		}
	}
}

func (j *Job) Next(after int64, count int) []int64 {
	runs := []int64{}
	j.each(after+1, EndOfCalendar, func(t int64) bool {
		runs = append(runs, t)
		return len(runs) < count
	})
	return runs
}

func Run(jobs []*Job, start, end int64, emit func(minute int64, job int)) {
	type run struct {
		minute int64
		job    int
	}
	var all []run
	for i, job := range jobs {
		job.each(start, end, func(t int64) bool {
			all = append(all, run{t, i})
			return true
		})
	}
	sort.Slice(all, func(a, b int) bool {
		if all[a].minute != all[b].minute {
			return all[a].minute < all[b].minute
		}
		return all[a].job < all[b].job
	})
	for _, r := range all {
		emit(r.minute, r.job)
	}
}

// Known bad: the search for a job's next run has no end: it walks the calendar until it finds a
// run, and its callers drop a run at or after the end of the calendar. That is right for every job
// that runs at all (its first run after 9999 is found and dropped), but a job that never runs, such as
// `0 0 30 2 *` or `0 0 31 4 *`, is searched for forever.
package main

import (
	"math/bits"
	"strings"
)

// Job is a crontab line, each field as a bit set of its values.
type Job struct {
	minutes, hours, days, months, weekdays uint64
	anyDay                                 bool // both day fields restricted: either one is enough
	atReboot                               bool
}

var (
	monthNames = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	dayNames   = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}
	lows       = [5]int{0, 0, 1, 1, 0}
	highs      = [5]int{59, 23, 31, 12, 7}
	messages   = [5]string{"bad minute", "bad hour", "bad day-of-month", "bad month", "bad day-of-week"}
)

func atoi(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func lookup(s string, field int) int {
	if n := atoi(s); n >= 0 {
		if n < lows[field] || n > highs[field] {
			return -1
		}
		return n
	}
	var names []string
	switch field {
	case 3:
		names = monthNames
	case 4:
		names = dayNames
	default:
		return -1
	}
	for i, name := range names {
		if len(s) == 3 && strings.EqualFold(s, name) {
			return i + lows[field]
		}
	}
	return -1
}

func parseField(text string, field int) (uint64, bool) {
	var set uint64
	for _, item := range strings.Split(text, ",") {
		step := 1
		if slash := strings.IndexByte(item, '/'); slash >= 0 {
			if step = atoi(item[slash+1:]); step <= 0 {
				return 0, false
			}
			item = item[:slash]
			if item != "*" && !strings.Contains(item, "-") {
				return 0, false
			}
		}
		from, to := lows[field], highs[field]
		if item != "*" {
			dash := strings.IndexByte(item, '-')
			if dash < 0 {
				from = lookup(item, field)
				to = from
			} else {
				from, to = lookup(item[:dash], field), lookup(item[dash+1:], field)
			}
			if from < 0 || to < 0 || from > to {
				return 0, false
			}
		}
		for v := from; v <= to; v += step {
			set |= 1 << uint(v)
		}
	}
	return set, true
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func wordEnd(s string, i int) int {
	for i < len(s) && s[i] != ' ' && s[i] != '\t' {
		i++
	}
	return i
}

func Parse(line string) (*Job, string, string) {
	i := skipBlanks(line, 0)
	var spec string
	job := &Job{}
	if i < len(line) && line[i] == '@' {
		end := wordEnd(line, i)
		switch line[i+1 : end] {
		case "yearly", "annually":
			spec = "0 0 1 1 *"
		case "monthly":
			spec = "0 0 1 * *"
		case "weekly":
			spec = "0 0 * * 0"
		case "daily", "midnight":
			spec = "0 0 * * *"
		case "hourly":
			spec = "0 * * * *"
		case "reboot":
			job.atReboot = true
		default:
			return nil, "", "bad time specifier"
		}
		i = skipBlanks(line, end)
	} else {
		start := i
		for f := 0; f < 5; f++ {
			i = skipBlanks(line, wordEnd(line, i))
		}
		spec = line[start:i]
	}
	if spec != "" {
		var sets [5]uint64
		var texts [5]string
		at := 0
		for f := 0; f < 5; f++ {
			end := wordEnd(spec, at)
			texts[f] = spec[at:end]
			var ok bool
			if sets[f], ok = parseField(texts[f], f); !ok {
				return nil, "", messages[f]
			}
			at = skipBlanks(spec, end)
		}
		job.minutes, job.hours, job.days, job.months = sets[0], sets[1], sets[2], sets[3]
		job.weekdays = (sets[4] | sets[4]>>7) & 0x7f
		job.anyDay = texts[2][0] != '*' && texts[4][0] != '*'
	}
	if i == len(line) {
		return nil, "", "bad command"
	}
	return job, line[i:], ""
}

// ---- A calendar of my own: dates counted from 1970-01-01, a Thursday.

func leapYear(y int) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

func lengthOfMonth(y, m int) int {
	switch m {
	case 2:
		if leapYear(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// date is a day of the calendar: its number since 1970-01-01 and what it is.
type date struct {
	number               int64
	year, month, day, wd int
}

func dateOf(number int64) date {
	d := date{number: number, year: 1970, month: 1, day: 1, wd: int((number + 4) % 7)}
	left := number
	for {
		length := int64(365)
		if leapYear(d.year) {
			length = 366
		}
		if left < length {
			break
		}
		left -= length
		d.year++
	}
	for left >= int64(lengthOfMonth(d.year, d.month)) {
		left -= int64(lengthOfMonth(d.year, d.month))
		d.month++
	}
	d.day += int(left)
	return d
}

func (d *date) advance(days int) {
	d.number += int64(days)
	d.wd = (d.wd + days) % 7
	d.day += days
	for d.day > lengthOfMonth(d.year, d.month) {
		d.day -= lengthOfMonth(d.year, d.month)
		if d.month++; d.month > 12 {
			d.month = 1
			d.year++
		}
	}
}

func (j *Job) runsOn(d *date) bool {
	if j.months&(1<<uint(d.month)) == 0 {
		return false
	}
	byDay, byWeekday := j.days&(1<<uint(d.day)) != 0, j.weekdays&(1<<uint(d.wd)) != 0
	if j.anyDay {
		return byDay || byWeekday
	}
	return byDay && byWeekday
}

// first returns the first run at minute t or later, or -1 for @reboot. The callers stop at the end
// of the calendar.
func (j *Job) first(t int64) int64 {
	if j.atReboot {
		return -1
	}
	d := dateOf(t / 1440)
	from := int(t % 1440)
	for {
		if j.months&(1<<uint(d.month)) == 0 {
			d.advance(lengthOfMonth(d.year, d.month) - d.day + 1)
			from = 0
			continue
		}
		if j.runsOn(&d) {
			for hours := j.hours >> uint(from/60) << uint(from/60); hours != 0; hours &= hours - 1 {
				h := bits.TrailingZeros64(hours)
				minutes := j.minutes
				if h == from/60 {
					minutes = minutes >> uint(from%60) << uint(from%60)
				}
				if minutes != 0 {
					return d.number*1440 + int64(h*60+bits.TrailingZeros64(minutes))
				}
			}
		}
		d.advance(1)
		from = 0
	}
}

func (j *Job) Next(after int64, count int) []int64 {
	var runs []int64
	t := after + 1
	for len(runs) < count {
		run := j.first(t)
		if run < 0 || run >= EndOfCalendar {
			break
		}
		runs = append(runs, run)
		t = run + 1
	}
	return runs
}

// Run merges the jobs' runs with a binary heap of (minute, job) kept in a slice.
func Run(jobs []*Job, start, end int64, emit func(minute int64, job int)) {
	type entry struct {
		minute int64
		job    int
	}
	less := func(a, b entry) bool { return a.minute < b.minute || (a.minute == b.minute && a.job < b.job) }
	var h []entry
	up := func(i int) {
		for i > 0 && less(h[i], h[(i-1)/2]) {
			h[i], h[(i-1)/2] = h[(i-1)/2], h[i]
			i = (i - 1) / 2
		}
	}
	down := func(i int) {
		for {
			c := 2*i + 1
			if c >= len(h) {
				return
			}
			if c+1 < len(h) && less(h[c+1], h[c]) {
				c++
			}
			if !less(h[c], h[i]) {
				return
			}
			h[i], h[c] = h[c], h[i]
			i = c
		}
	}
	for i, job := range jobs {
		if m := job.first(start); m >= 0 && m < end {
			h = append(h, entry{m, i})
			up(len(h) - 1)
		}
	}
	for len(h) > 0 {
		top := h[0]
		emit(top.minute, top.job)
		if m := jobs[top.job].first(top.minute + 1); m >= 0 && m < end {
			h[0].minute = m
		} else {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		}
		down(0)
	}
}

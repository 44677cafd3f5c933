// Reference: each field parsed into a bit mask of its values. The next runs of a job skip whole
// months (to the first day of the next allowed one), then days one at a time, then take every run
// of a matching day from the hour and minute masks' set bits. Run merges the jobs with a binary
// min-heap of (next run, index), one entry per job; a job's next run is found in its hour first,
// then in its day, before searching the calendar.
package main

import (
	"math/bits"
	"strings"
)

const endDay = EndOfCalendar / 1440

// Job is a parsed crontab line.
type Job struct {
	minutes  uint64 // bit m: minute m
	hours    uint32 // bit h: hour h
	days     uint32 // bits 1..31
	months   uint32 // bits 1..12
	weekdays uint32 // bits 0..6, Sunday 0 (7 folded onto 0)
	either   bool   // both day fields restricted: a day matches if it matches either
	reboot   bool   // never runs at a time of the calendar
}

// ---- Parsing.

type field struct {
	low, high int
	names     []string
	firstName int
	message   string
}

var fields = [5]field{
	{0, 59, nil, 0, "bad minute"},
	{0, 23, nil, 0, "bad hour"},
	{1, 31, nil, 0, "bad day-of-month"},
	{1, 12, []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}, 1, "bad month"},
	{0, 7, []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}, 0, "bad day-of-week"},
}

var macros = map[string]string{
	"yearly": "0 0 1 1 *", "annually": "0 0 1 1 *", "monthly": "0 0 1 * *", "weekly": "0 0 * * 0",
	"daily": "0 0 * * *", "midnight": "0 0 * * *", "hourly": "0 * * * *", "reboot": "",
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// number returns a number of digits only, saturated at 100000 (anything that long is out of every
// range), or -1.
func number(text string) int {
	if text == "" {
		return -1
	}
	value := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < '0' || c > '9' {
			return -1
		}
		if value < 100000 {
			value = value*10 + int(c-'0')
		}
	}
	return value
}

// value returns a number or a name of the field, or -1.
func (f *field) value(text string) int {
	if n := number(text); n >= 0 {
		if n >= f.low && n <= f.high {
			return n
		}
		return -1
	}
	if len(text) != 3 || f.names == nil {
		return -1
	}
	for i := 0; i < 3; i++ {
		if c := text[i] | 0x20; c < 'a' || c > 'z' {
			return -1
		}
	}
	lower := strings.ToLower(text)
	for i, name := range f.names {
		if name == lower {
			return f.firstName + i
		}
	}
	return -1
}

// parse returns the mask of the values of a field's text (a comma-separated list of items), and
// false if it is bad.
func (f *field) parse(text string) (uint64, bool) {
	var mask uint64
	for {
		item, rest, more := strings.Cut(text, ",")
		body, stepText, hasStep := strings.Cut(item, "/")
		step := 1
		if hasStep {
			if step = number(stepText); step <= 0 {
				return 0, false
			}
		}
		low, high := f.low, f.high
		if body != "*" {
			from, to, isRange := strings.Cut(body, "-")
			if !isRange {
				if hasStep {
					return 0, false // a step needs a range or `*`
				}
				if low = f.value(body); low < 0 {
					return 0, false
				}
				high = low
			} else {
				low, high = f.value(from), f.value(to)
				if low < 0 || high < 0 || low > high {
					return 0, false
				}
			}
		}
		for v := low; v <= high; v += step {
			mask |= 1 << v
		}
		if !more {
			return mask, true
		}
		text = rest
	}
}

// word splits off the next blank-separated word and returns it and the rest after the blanks that
// follow it.
func word(text string) (string, string) {
	end := 0
	for end < len(text) && !isBlank(text[end]) {
		end++
	}
	next := end
	for next < len(text) && isBlank(text[next]) {
		next++
	}
	return text[:end], text[next:]
}

// parseFields reads the five fields at the start of text into the job; it returns the rest after
// the blanks that follow them, or the message of the first bad field.
func (j *Job) parseFields(text string) (string, string) {
	var masks, starts [5]uint64
	for i := range fields {
		var word0 string
		word0, text = word(text)
		mask, ok := fields[i].parse(word0)
		if !ok {
			return "", fields[i].message
		}
		masks[i] = mask
		if strings.HasPrefix(word0, "*") {
			starts[i] = 1
		}
	}
	j.minutes, j.hours, j.days, j.months = masks[0], uint32(masks[1]), uint32(masks[2]), uint32(masks[3])
	j.weekdays = uint32((masks[4] | masks[4]>>7) & 0x7f)
	j.either = starts[2] == 0 && starts[4] == 0
	return text, ""
}

// Parse reads a job line and returns the job, its command and "", or the message of the first bad
// field.
func Parse(line string) (*Job, string, string) {
	j := &Job{}
	rest := strings.TrimLeft(line, " \t")
	if strings.HasPrefix(rest, "@") {
		var macro string
		macro, rest = word(rest)
		expansion, ok := macros[macro[1:]]
		if !ok {
			return nil, "", "bad time specifier"
		}
		if expansion == "" {
			j.reboot = true
		} else {
			j.parseFields(expansion)
		}
	} else {
		var message string
		if rest, message = j.parseFields(rest); message != "" {
			return nil, "", message
		}
	}
	if rest == "" {
		return nil, "", "bad command"
	}
	return j, rest, ""
}

// ---- The calendar (proleptic Gregorian, UTC; days from 1970-01-01 are never negative here).

// matchingDay returns the first day >= day the job runs on (endDay if none): a month it does not
// run in skips to the first day of the next month it does, a day that does not match to the next
// day. from, the first minute of the day still allowed, becomes 0 if that is a later day.
func (j *Job) matchingDay(day int64, from *int) int64 {
	for day < endDay {
		year, month, d := CivilFromDays(day)
		if j.months>>month&1 == 0 {
			if later := j.months >> (month + 1) << (month + 1); later != 0 {
				day = DaysFromCivil(year, bits.TrailingZeros32(later), 1)
			} else {
				day = DaysFromCivil(year+1, bits.TrailingZeros32(j.months), 1)
			}
			*from = 0
			continue
		}
		byDay, byWeekday := j.days>>d&1 != 0, j.weekdays>>((day+4)%7)&1 != 0
		if (j.either && (byDay || byWeekday)) || (!j.either && byDay && byWeekday) {
			return day
		}
		day++
		*from = 0
	}
	return endDay
}

// runsFrom appends up to count runs at minutes >= t to runs, in order.
func (j *Job) runsFrom(t int64, count int, runs []int64) []int64 {
	if j.reboot || count <= 0 || t >= EndOfCalendar {
		return runs
	}
	day, from := t/1440, int(t%1440)
	for {
		if day = j.matchingDay(day, &from); day >= endDay {
			return runs
		}
		firstHour, firstMinute := from/60, from%60
		for hours := j.hours >> firstHour << firstHour; hours != 0; hours &= hours - 1 {
			hour := bits.TrailingZeros32(hours)
			minutes := j.minutes
			if hour == firstHour {
				minutes = minutes >> firstMinute << firstMinute
			}
			base := day*1440 + int64(hour*60)
			for ; minutes != 0; minutes &= minutes - 1 {
				if runs = append(runs, base+int64(bits.TrailingZeros64(minutes))); len(runs) == count {
					return runs
				}
			}
		}
		day++
		from = 0
	}
}

// Next returns the first count runs of the job at minutes > after.
func (j *Job) Next(after int64, count int) []int64 {
	return j.runsFrom(after+1, count, make([]int64, 0, count))
}

// runAfter returns the run after t, a run of the job: later in its hour, in its day, or from the
// next day on; -1 if none.
func (j *Job) runAfter(t int64, scratch []int64) int64 {
	inDay := int(t % 1440)
	hour, minute := inDay/60, inDay%60
	if minutes := j.minutes >> (minute + 1) << (minute + 1); minutes != 0 {
		return t - int64(minute) + int64(bits.TrailingZeros64(minutes))
	}
	if hours := j.hours >> (hour + 1) << (hour + 1); hours != 0 {
		return t - int64(inDay) + int64(bits.TrailingZeros32(hours)*60+bits.TrailingZeros64(j.minutes))
	}
	if next := j.runsFrom((t/1440+1)*1440, 1, scratch[:0]); len(next) > 0 {
		return next[0]
	}
	return -1
}

// A heap entry: the run's minute, then the job's index (at most 2,000 jobs < 2^11), in one integer.
const indexBits = 11

func siftDown(heap []int64, at int) {
	entry := heap[at]
	for {
		child := 2*at + 1
		if child >= len(heap) {
			break
		}
		if child+1 < len(heap) && heap[child+1] < heap[child] {
			child++
		}
		if heap[child] >= entry {
			break
		}
		heap[at] = heap[child]
		at = child
	}
	heap[at] = entry
}

// Run calls emit for every run of the jobs at start <= minute < end, in order of minute, then index.
func Run(jobs []*Job, start, end int64, emit func(minute int64, job int)) {
	heap := make([]int64, 0, len(jobs))
	scratch := make([]int64, 0, 1)
	for i, j := range jobs {
		if first := j.runsFrom(start, 1, scratch[:0]); len(first) > 0 && first[0] < end {
			heap = append(heap, first[0]<<indexBits|int64(i))
		}
	}
	for at := len(heap)/2 - 1; at >= 0; at-- {
		siftDown(heap, at)
	}
	for len(heap) > 0 {
		minute, i := heap[0]>>indexBits, int(heap[0]&(1<<indexBits-1))
		emit(minute, i)
		if next := jobs[i].runAfter(minute, scratch); next >= 0 && next < end {
			heap[0] = next<<indexBits | int64(i)
		} else {
			heap[0] = heap[len(heap)-1]
			heap = heap[:len(heap)-1]
		}
		if len(heap) > 0 {
			siftDown(heap, 0)
		}
	}
}

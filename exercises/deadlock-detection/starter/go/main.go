// The driver: reads the system and the events, calls your Detector (detector.go) once per event,
// checks its answers against what the driver can see, and prints a line per event. Input is read in
// one go and output goes through a large buffer: tests have 200,000 events.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
)

const (
	maxProcesses = 2000
	maxTypes     = 100
	maxAmount    = 1000000000
	maxEvents    = 200000
)

// The kinds of event.
const (
	eventRequest = iota
	eventRelease
	eventExit
	eventDetect
)

var keywords = map[string]int{"REQUEST": eventRequest, "RELEASE": eventRelease, "EXIT": eventExit, "DETECT": eventDetect}

// tokens walks the white-space-separated tokens of the whole input.
type tokens struct {
	data []byte
	at   int
}

// isSpace is the white space Python's bytes.split() skips, so that the three drivers read the same tokens.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f'
}

// next returns the next token, empty at the end of the input.
func (t *tokens) next() []byte {
	for t.at < len(t.data) && isSpace(t.data[t.at]) {
		t.at++
	}
	start := t.at
	for t.at < len(t.data) && !isSpace(t.data[t.at]) {
		t.at++
	}
	return t.data[start:t.at]
}

// integer returns the next token as an integer in [min, max], or -1.
func (t *tokens) integer(min, max int) int {
	token := t.next()
	if len(token) == 0 || len(token) > 15 {
		return -1
	}
	value := 0
	for _, c := range token {
		if c < '0' || c > '9' {
			return -1
		}
		value = value*10 + int(c-'0')
	}
	if value < min || value > max {
		return -1
	}
	return value
}

type inputEvent struct {
	kind    uint8
	p, r, k int32
}

var output = bufio.NewWriterSize(os.Stdout, 1<<20)

// stop ends the run on malformed input or a wrong answer with a message on standard output and
// status 0, after what the earlier events printed, so that running your own input shows the message
// next to the reference's identical one.
func stop(what, format string, args ...any) {
	output.Flush()
	fmt.Printf(what+format+"\n", args...)
	os.Exit(0)
}

func invalid(format string, args ...any) { stop("invalid input: ", format, args...) }

func invalidAnswer(format string, args ...any) { stop("invalid answer: ", format, args...) }

// readEvents reads and checks the q events; malformed input stops the run.
func readEvents(in *tokens, q, n, m int) []inputEvent {
	events := make([]inputEvent, q)
	for i := range events {
		word := in.next()
		if len(word) == 0 {
			invalid("there are fewer events than the third line says (%d)", q)
		}
		kind, ok := keywords[string(word)]
		if !ok {
			invalid("event %d must be REQUEST p r k, RELEASE p r k, EXIT p or DETECT", i+1)
		}
		e := &events[i]
		e.kind = uint8(kind)
		if kind == eventDetect {
			continue
		}
		p := in.integer(0, n-1)
		if p < 0 {
			invalid("event %d: the process must be 0 to %d", i+1, n-1)
		}
		e.p = int32(p)
		if kind == eventExit {
			continue
		}
		r := in.integer(0, m-1)
		if r < 0 {
			invalid("event %d: the resource type must be 0 to %d", i+1, m-1)
		}
		k := in.integer(1, maxAmount)
		if k < 0 {
			invalid("event %d: the amount must be 1 to 1000000000", i+1)
		}
		e.r, e.k = int32(r), int32(k)
	}
	if len(in.next()) > 0 {
		invalid("there are more events than the third line says (%d)", q)
	}
	return events
}

// driverView is what the driver knows of the system, from the events and your answers.
type driverView struct {
	n, m       int
	total      []int
	free       []int
	held       []int // held[p*m+r]
	waitType   []int // the type a waiting process waits for
	waitAmount []int // how many it waits for; 0 if it does not wait
	listed     []int // the last event whose answer listed the process
	givenBack  []int // the last EXIT that gave back some of the type
	sorted     []int
}

// takeWoken checks and applies the processes a RELEASE of type released (exited = -1) or an EXIT of
// exited woke: each was waiting for a type just given back and fits in what is free, taken in the
// order listed.
func (s *driverView) takeWoken(event int, woken []int, exited, released int) {
	for _, q := range woken {
		if q < 0 || q >= s.n {
			invalidAnswer("event %d: there is no process %d (processes are 0 to %d)", event, q, s.n-1)
		}
		if s.listed[q] == event {
			invalidAnswer("event %d: process %d appears twice", event, q)
		}
		s.listed[q] = event
		if q == exited {
			invalidAnswer("event %d: process %d has exited and cannot be woken", event, q)
		}
		k := s.waitAmount[q]
		if k == 0 {
			invalidAnswer("event %d: process %d is woken but is not waiting", event, q)
		}
		t := s.waitType[q]
		if exited < 0 && t != released {
			invalidAnswer("event %d: process %d is woken but waits for type %d, and only type %d was given back", event, q, t, released)
		}
		if exited >= 0 && s.givenBack[t] != event {
			invalidAnswer("event %d: process %d is woken but waits for type %d, which process %d did not hold", event, q, t, exited)
		}
		if k > s.free[t] {
			invalidAnswer("event %d: process %d is woken for %d of type %d, but only %d are free", event, q, k, t, s.free[t])
		}
		s.free[t] -= k
		s.held[q*s.m+t] += k
		s.waitAmount[q] = 0
	}
}

// sortedList returns the processes of list, all listed by event, in increasing order in O(len):
// a short list by insertion, a long one (over 32, so n < 64 * len) by a pass over the processes.
func (s *driverView) sortedList(event int, list []int) []int {
	sorted := append(s.sorted[:0], list...)
	if len(sorted) <= 32 {
		for i := 1; i < len(sorted); i++ {
			q, j := sorted[i], i
			for ; j > 0 && sorted[j-1] > q; j-- {
				sorted[j] = sorted[j-1]
			}
			sorted[j] = q
		}
		return sorted
	}
	sorted = sorted[:0]
	for q := 0; q < s.n; q++ {
		if s.listed[q] == event {
			sorted = append(sorted, q)
		}
	}
	return sorted
}

func putList(line []byte, word string, list []int) []byte {
	line = append(line[:0], word...)
	for _, q := range list {
		line = strconv.AppendInt(append(line, ' '), int64(q), 10)
	}
	output.Write(append(line, '\n'))
	return line
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	in := &tokens{data: data}
	n := in.integer(1, maxProcesses)
	m := in.integer(1, maxTypes)
	if n < 0 || m < 0 {
		invalid("the first line must be the number of processes (1 to 2000) and the number of resource types (1 to 100)")
	}
	total := make([]int, m)
	for r := range total {
		if total[r] = in.integer(1, maxAmount); total[r] < 0 {
			invalid("the total of type %d must be 1 to 1000000000", r)
		}
	}
	q := in.integer(0, maxEvents)
	if q < 0 {
		invalid("the number of events must be 0 to 200000")
	}
	// Every event is read and checked before the first is run: malformed input prints nothing else.
	// The rules that depend on the state (a waiting process only exits, ...) are checked as each
	// event is reached.
	events := readEvents(in, q, n, m)

	s := &driverView{
		n: n, m: m, total: total,
		free:       append([]int(nil), total...),
		held:       make([]int, n*m),
		waitType:   make([]int, n),
		waitAmount: make([]int, n),
		listed:     make([]int, n),
		givenBack:  make([]int, m),
		sorted:     make([]int, 0, n),
	}
	d := NewDetector(n, m, append([]int(nil), total...))
	line := make([]byte, 0, 16)
	for i, e := range events {
		event, p, r, k := i+1, int(e.p), int(e.r), int(e.k)
		if (e.kind == eventRequest || e.kind == eventRelease) && s.waitAmount[p] > 0 {
			invalid("event %d: process %d is waiting and can only exit", event, p)
		}
		switch e.kind {
		case eventRequest:
			cell := p*m + r
			if s.held[cell]+k > total[r] {
				invalid("event %d: process %d would hold %d of type %d, more than the total of %d", event, p, s.held[cell]+k, r, total[r])
			}
			if d.Request(p, r, k) {
				if k > s.free[r] {
					invalidAnswer("event %d: process %d is granted %d of type %d, but only %d are free", event, p, k, r, s.free[r])
				}
				s.free[r] -= k
				s.held[cell] += k
				output.WriteString("GRANT\n")
			} else {
				s.waitType[p], s.waitAmount[p] = r, k
				output.WriteString("WAIT\n")
			}
		case eventRelease:
			cell := p*m + r
			if k > s.held[cell] {
				invalid("event %d: process %d gives back %d of type %d but holds %d", event, p, k, r, s.held[cell])
			}
			s.held[cell] -= k
			s.free[r] += k
			woken := d.Release(p, r, k)
			s.takeWoken(event, woken, -1, r)
			line = putList(line, "OK", s.sortedList(event, woken))
		case eventExit:
			s.waitAmount[p] = 0
			row := s.held[p*m : (p+1)*m]
			for t, count := range row {
				if count > 0 {
					s.free[t] += count
					row[t] = 0
					s.givenBack[t] = event
				}
			}
			woken := d.Exit(p)
			s.takeWoken(event, woken, p, -1)
			line = putList(line, "OK", s.sortedList(event, woken))
		case eventDetect:
			deadlocked := d.Detect()
			for _, q := range deadlocked {
				if q < 0 || q >= n {
					invalidAnswer("event %d: there is no process %d (processes are 0 to %d)", event, q, n-1)
				}
				if s.listed[q] == event {
					invalidAnswer("event %d: process %d appears twice", event, q)
				}
				s.listed[q] = event
				if s.waitAmount[q] == 0 {
					invalidAnswer("event %d: process %d is reported deadlocked but is not waiting", event, q)
				}
			}
			if len(deadlocked) == 0 {
				output.WriteString("NONE\n")
			} else {
				line = putList(line, "DEADLOCK", s.sortedList(event, deadlocked))
			}
		}
	}
	output.Flush()
}

// The driver: reads the scenarios, calls your Schedule once per scenario, follows the head as you
// move it, and prints its path and the figures. Input is read in one go and output goes through a
// large buffer: tests have a million requests.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
)

// Scenario is one disk and its pending requests. Cylinders are int64: movement reaches 10^12.
type Scenario struct {
	Algorithm string  // "FCFS", "SSTF", "SCAN", "C-SCAN", "LOOK" or "C-LOOK"
	Cylinders int64   // the disk's cylinders are 0 .. Cylinders-1 (1 .. 10^6 of them)
	Head      int64   // where the head starts, 0 .. Cylinders-1
	Direction string  // the way it is moving: "up" toward Cylinders-1, "down" toward 0
	Requests  []int64 // Requests[i] is the cylinder of request i+1, in input order
}

// Head is the disk's head: Schedule moves it, the driver follows it.
type Head interface {
	// Serve moves the head to request k's cylinder (k = 1 .. len(Requests)) and serves request k.
	Serve(k int)
	// Seek moves the head to cylinder without serving anything (SCAN's and C-SCAN's trips to the edges).
	Seek(cylinder int64)
}

const (
	maxScenarios      = 20
	maxCylinders      = 1000000
	maxRequests       = 1000000
	maxRequestsInAll  = 2000000
	algorithmsAllowed = "FCFS, SSTF, SCAN, C-SCAN, LOOK or C-LOOK"
)

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
func (t *tokens) integer(min, max int64) int64 {
	token := t.next()
	if len(token) == 0 || len(token) > 15 {
		return -1
	}
	value := int64(0)
	for _, c := range token {
		if c < '0' || c > '9' {
			return -1
		}
		value = value*10 + int64(c-'0')
	}
	if value < min || value > max {
		return -1
	}
	return value
}

// invalid ends the run on malformed input with a message on standard output and status 0, so that
// running your own input shows the message next to the reference's identical one.
func invalid(format string, args ...any) {
	fmt.Printf("invalid input: "+format+"\n", args...)
}

type workload struct {
	scenario Scenario
	full     bool
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	in := &tokens{data: data}
	count := in.integer(1, maxScenarios)
	if count < 0 {
		invalid("the first line must be the number of scenarios (1 to 20)")
		return
	}
	// Everything is read and checked before anything is scheduled: bad input prints nothing else.
	workloads := make([]workload, 0, count)
	inAll := int64(0)
	for k := 1; k <= int(count); k++ {
		algorithm := string(in.next())
		switch algorithm {
		case "FCFS", "SSTF", "SCAN", "C-SCAN", "LOOK", "C-LOOK":
		default:
			invalid("scenario %d: the algorithm must be "+algorithmsAllowed, k)
			return
		}
		cylinders := in.integer(1, maxCylinders)
		if cylinders < 0 {
			invalid("scenario %d: the number of cylinders must be 1 to 1000000", k)
			return
		}
		head := in.integer(0, cylinders-1)
		if head < 0 {
			invalid("scenario %d: the head must be on a cylinder, 0 to %d", k, cylinders-1)
			return
		}
		direction := string(in.next())
		if direction != "up" && direction != "down" {
			invalid("scenario %d: the direction must be up or down", k)
			return
		}
		n := in.integer(1, maxRequests)
		if n < 0 {
			invalid("scenario %d: the number of requests must be 1 to 1000000", k)
			return
		}
		if inAll += n; inAll > maxRequestsInAll {
			invalid("scenario %d: the scenarios have more than 2000000 requests in all", k)
			return
		}
		report := string(in.next())
		if report != "full" && report != "summary" {
			invalid("scenario %d: the report must be full or summary", k)
			return
		}

		requests := make([]int64, n)
		for i := range requests {
			if requests[i] = in.integer(0, cylinders-1); requests[i] < 0 {
				invalid("scenario %d, request %d: the cylinder must be 0 to %d", k, i+1, cylinders-1)
				return
			}
		}
		workloads = append(workloads, workload{Scenario{algorithm, cylinders, head, direction, requests}, report == "full"})
	}
	if len(in.next()) > 0 {
		invalid("there is more input after the last scenario (the first line says %d)", count)
		return
	}

	head := &diskHead{out: bufio.NewWriterSize(os.Stdout, 1<<20), line: make([]byte, 0, 64)}
	for _, w := range workloads {
		head.scheduleAndReport(w)
	}
	head.out.Flush()
}

// diskHead is the Head, as Serve and Seek move it through the scenario being scheduled: one for the
// whole run, like the C driver's.
type diskHead struct {
	out        *bufio.Writer
	line       []byte
	scheduling bool    // inside Schedule: Serve and Seek may be called
	full       bool    // a full report: print the path
	requests   []int64 // the driver's own: Schedule gets a copy, which it may change
	cylinders  int64
	done       []bool // per request (1-based): served
	at, total  int64  // the head's cylinder, and how far it has travelled
	moved      int    // the way it last moved: 1 up, -1 down, 0 not yet
	servedHere bool   // it served a request where it stands
	waitSum    int64
	waitMax    int64
}

// fail ends the run on a wrong schedule like malformed input: what was printed so far (the earlier
// scenarios, and this one's path up to the mistake), then the message, status 0.
func (h *diskHead) fail(format string, args ...any) {
	h.out.Flush()
	fmt.Printf("invalid schedule: "+format+"\n", args...)
	os.Exit(0)
}

func (h *diskHead) moveTo(cylinder int64) {
	if cylinder == h.at {
		return
	}
	way := 1
	if cylinder < h.at {
		way = -1
	}
	if h.full && h.moved == -way && !h.servedHere {
		h.line = strconv.AppendInt(h.line[:0], h.at, 10)
		h.out.Write(append(h.line, " turn\n"...))
	}
	if way > 0 {
		h.total += cylinder - h.at
	} else {
		h.total += h.at - cylinder
	}
	h.at, h.moved, h.servedHere = cylinder, way, false
}

func (h *diskHead) Serve(k int) {
	if !h.scheduling {
		h.fail("serve(%d) was called outside schedule", k)
	}
	if k < 1 || k > len(h.requests) {
		h.fail("there is no request R%d (the requests are R1 to R%d)", k, len(h.requests))
	}
	if h.done[k] {
		h.fail("R%d is served twice", k)
	}
	h.moveTo(h.requests[k-1])
	h.done[k], h.servedHere = true, true
	h.waitSum += h.total
	if h.total > h.waitMax {
		h.waitMax = h.total
	}
	if h.full {
		h.line = strconv.AppendInt(h.line[:0], h.at, 10)
		h.line = strconv.AppendInt(append(h.line, " R"...), int64(k), 10)
		h.out.Write(append(h.line, '\n'))
	}
}

func (h *diskHead) Seek(cylinder int64) {
	if !h.scheduling {
		h.fail("seek(%d) was called outside schedule", cylinder)
	}
	if cylinder < 0 || cylinder >= h.cylinders {
		h.fail("seek(%d) is off the disk: its cylinders are 0 to %d", cylinder, h.cylinders-1)
	}
	h.moveTo(cylinder)
}

func (h *diskHead) scheduleAndReport(work workload) {
	s := work.scenario
	h.full = work.full
	h.requests, h.cylinders = s.Requests, s.Cylinders
	h.done = make([]bool, len(s.Requests)+1)
	h.at, h.total, h.moved, h.servedHere = s.Head, 0, 0, false
	h.waitSum, h.waitMax = 0, 0
	// Schedule gets its own copy of the requests: it may sort them.
	s.Requests = append([]int64(nil), s.Requests...)
	h.scheduling = true
	Schedule(s, h)
	for k := 1; k <= len(h.requests); k++ {
		if !h.done[k] {
			h.fail("R%d was never served", k)
		}
	}
	h.scheduling = false

	n := int64(len(h.requests))
	h.line = strconv.AppendInt(append(h.line[:0], "TOTAL "...), h.total, 10)
	h.line = appendAverage(append(h.line, "\nWAIT "...), h.waitSum, n)
	h.line = strconv.AppendInt(append(h.line, ' '), h.waitMax, 10)
	h.out.Write(append(h.line, '\n'))
}

// appendAverage appends total / n to two decimals, halves up, in integers: no floating-point
// rounding at 10^18.
func appendAverage(line []byte, total, n int64) []byte {
	cents := total/n*100 + (200*(total%n)+n)/(2*n)
	line = strconv.AppendInt(line, cents/100, 10)
	return append(line, '.', byte('0'+cents%100/10), byte('0'+cents%10))
}

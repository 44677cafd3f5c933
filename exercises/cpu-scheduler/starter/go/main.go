// The driver: reads the scenarios, calls your Schedule once per scenario, checks the runs it
// reports, and prints the timeline and the figures. Input is read in one go and output goes through
// a large buffer: tests have a million processes.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
)

// Process is one process of the workload. Times are int64: they reach 10^9 + 10^11.
type Process struct {
	PID      int   // 1 .. n, the process's place in the input
	Arrival  int64 // 0 .. 10^9
	Burst    int64 // 1 .. 10^6 units of CPU in all
	Priority int   // 0 .. 1000, a smaller number meaning a higher priority (PRIORITY only)
}

// Scenario is one workload to schedule.
type Scenario struct {
	Algorithm string    // "FCFS", "SJF", "SRTF", "RR" or "PRIORITY"
	Parameter int64     // the quantum (RR) or the aging (PRIORITY), 1 .. 10^6; 0 otherwise
	Processes []Process // in input order: Processes[i].PID == i+1
}

const (
	maxScenarios       = 20
	maxProcesses       = 100000
	maxProcessesInAll  = 1000000
	maxArrival         = 1000000000
	maxBurst           = 1000000
	maxPriority        = 1000
	maxParameter       = 1000000
	maxQuanta          = 1000000
	algorithmsExpected = "FCFS, SJF, SRTF, RR <quantum> or PRIORITY <aging>"
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
		case "FCFS", "SJF", "SRTF", "RR", "PRIORITY":
		default:
			invalid("scenario %d: the algorithm must be "+algorithmsExpected, k)
			return
		}
		parameter := int64(0)
		if algorithm == "RR" || algorithm == "PRIORITY" {
			if parameter = in.integer(1, maxParameter); parameter < 0 {
				name := "quantum"
				if algorithm == "PRIORITY" {
					name = "aging"
				}
				invalid("scenario %d: the %s must be 1 to 1000000", k, name)
				return
			}
		}
		n := in.integer(1, maxProcesses)
		if n < 0 {
			invalid("scenario %d: the number of processes must be 1 to 100000", k)
			return
		}
		if inAll += n; inAll > maxProcessesInAll {
			invalid("scenario %d: the scenarios have more than 1000000 processes in all", k)
			return
		}
		report := string(in.next())
		if report != "full" && report != "summary" {
			invalid("scenario %d: the report must be full or summary", k)
			return
		}

		processes := make([]Process, n)
		quanta := int64(0)
		for i := range processes {
			arrival := in.integer(0, maxArrival)
			if arrival < 0 {
				invalid("scenario %d, process %d: arrival must be 0 to 1000000000", k, i+1)
				return
			}
			burst := in.integer(1, maxBurst)
			if burst < 0 {
				invalid("scenario %d, process %d: burst must be 1 to 1000000", k, i+1)
				return
			}
			priority := in.integer(0, maxPriority)
			if priority < 0 {
				invalid("scenario %d, process %d: priority must be 0 to 1000", k, i+1)
				return
			}
			processes[i] = Process{PID: i + 1, Arrival: arrival, Burst: burst, Priority: int(priority)}
			if algorithm == "RR" {
				quanta += (burst + parameter - 1) / parameter
			}
		}
		if quanta > maxQuanta {
			invalid("scenario %d: the sum of ceil(burst / quantum) over the processes must be at most 1000000", k)
			return
		}
		workloads = append(workloads, workload{Scenario{algorithm, parameter, processes}, report == "full"})
	}
	if len(in.next()) > 0 {
		invalid("there is more input after the last scenario (the first line says %d)", count)
		return
	}

	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	for _, w := range workloads {
		scheduleAndReport(out, w)
	}
	out.Flush()
}

// stretch is a line of the timeline: runs of one process that touch, joined.
type stretch struct {
	pid        int
	start, end int64
}

func scheduleAndReport(out *bufio.Writer, work workload) {
	processes := work.scenario.Processes
	n := len(processes)
	// Per pid: units run so far, first start, the end of the last run.
	ran, first, finish := make([]int64, n+1), make([]int64, n+1), make([]int64, n+1)
	var timeline []stretch
	anyRun, previousEnd := false, int64(0)

	// A wrong schedule ends the run like malformed input: what the earlier scenarios printed, then
	// the message, status 0.
	fail := func(format string, args ...any) {
		out.Flush()
		fmt.Printf("invalid schedule: "+format+"\n", args...)
		os.Exit(0)
	}
	run := func(pid int, start, end int64) {
		if pid < 1 || pid > n {
			fail("there is no process P%d", pid)
		}
		if start >= end {
			fail("a run of P%d from %d to %d is empty", pid, start, end)
		}
		if anyRun && start < previousEnd {
			fail("P%d runs from %d, before the previous run ends at %d", pid, start, previousEnd)
		}
		p := &processes[pid-1]
		if start < p.Arrival {
			fail("P%d runs from %d, before it arrives at %d", pid, start, p.Arrival)
		}
		// No overflow: the runs so far are disjoint and after the arrival, so ran + end - start <= end - arrival.
		if ran[pid]+(end-start) > p.Burst {
			fail("P%d runs %d units, more than its burst of %d", pid, ran[pid]+(end-start), p.Burst)
		}
		if ran[pid] == 0 {
			first[pid] = start
		}
		ran[pid] += end - start
		if ran[pid] == p.Burst {
			finish[pid] = end
		}
		anyRun, previousEnd = true, end
		if work.full {
			if last := len(timeline) - 1; last >= 0 && timeline[last].pid == pid && timeline[last].end == start {
				timeline[last].end = end
			} else {
				timeline = append(timeline, stretch{pid, start, end})
			}
		}
	}
	// Schedule gets its own copy of the processes: it may sort them.
	s := work.scenario
	s.Processes = append([]Process(nil), processes...)
	Schedule(s, run)
	for pid := 1; pid <= n; pid++ {
		if ran[pid] != processes[pid-1].Burst {
			fail("P%d ran %d of its %d units", pid, ran[pid], processes[pid-1].Burst)
		}
	}

	line := make([]byte, 0, 96)
	if work.full {
		now := int64(0)
		for _, t := range timeline {
			if t.start > now {
				line = strconv.AppendInt(line[:0], now, 10)
				line = strconv.AppendInt(append(line, ' '), t.start, 10)
				out.Write(append(line, " idle\n"...))
			}
			line = strconv.AppendInt(line[:0], t.start, 10)
			line = strconv.AppendInt(append(line, ' '), t.end, 10)
			line = strconv.AppendInt(append(line, " P"...), int64(t.pid), 10)
			out.Write(append(line, '\n'))
			now = t.end
		}
	}
	var waiting, turnaround, response int64
	for pid := 1; pid <= n; pid++ {
		p := &processes[pid-1]
		t := finish[pid] - p.Arrival
		w, r := t-p.Burst, first[pid]-p.Arrival
		waiting += w
		turnaround += t
		response += r
		if work.full {
			line = strconv.AppendInt(append(line[:0], 'P'), int64(pid), 10)
			out.Write(appendFigures(line, w, t, r))
		}
	}
	out.Write(appendFigures(append(line[:0], "TOTAL"...), waiting, turnaround, response))
	line = appendAverage(append(line[:0], "AVG "...), waiting, int64(n))
	line = appendAverage(append(line, ' '), turnaround, int64(n))
	line = appendAverage(append(line, ' '), response, int64(n))
	out.Write(append(line, '\n'))
}

// appendFigures appends " <waiting> <turnaround> <response>" and the end of the line.
func appendFigures(line []byte, waiting, turnaround, response int64) []byte {
	line = strconv.AppendInt(append(line, ' '), waiting, 10)
	line = strconv.AppendInt(append(line, ' '), turnaround, 10)
	line = strconv.AppendInt(append(line, ' '), response, 10)
	return append(line, '\n')
}

// appendAverage appends total / n to two decimals, halves up, in integers: no floating-point
// rounding at 10^16.
func appendAverage(line []byte, total, n int64) []byte {
	cents := total/n*100 + (200*(total%n)+n)/(2*n)
	line = strconv.AppendInt(line, cents/100, 10)
	return append(line, '.', byte('0'+cents%100/10), byte('0'+cents%10))
}

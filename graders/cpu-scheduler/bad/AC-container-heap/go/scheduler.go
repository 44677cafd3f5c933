// Expected AC: the reference's algorithm with the ready processes in a container/heap: an
// interface-based heap of *entry, one allocation per push and an interface call per comparison. A
// constant factor slower than the reference's own heap, which the performance check must allow.
package main

import (
	"container/heap"
	"math"
	"sort"
)

// entry is a ready process: ordered by key, then by when it became ready, then by number.
type entry struct {
	key, ready int64
	pid        int
}

// readyHeap implements heap.Interface.
type readyHeap []*entry

func (h readyHeap) Len() int { return len(h) }

func (h readyHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	if a.key != b.key {
		return a.key < b.key
	}
	if a.ready != b.ready {
		return a.ready < b.ready
	}
	return a.pid < b.pid
}

func (h readyHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }

func (h *readyHeap) Push(x any) { *h = append(*h, x.(*entry)) }

func (h *readyHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return e
}

// Schedule schedules one scenario, reporting its runs in time order with run(pid, start, end).
func Schedule(s Scenario, run func(pid int, start, end int64)) {
	processes := s.Processes // by pid: processes[pid-1]
	order := make([]int32, len(processes))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool {
		p, q := &processes[order[i]], &processes[order[j]]
		if p.Arrival != q.Arrival {
			return p.Arrival < q.Arrival
		}
		return p.PID < q.PID
	})
	switch s.Algorithm {
	case "FCFS":
		firstComeFirstServed(processes, order, run)
	case "RR":
		roundRobin(processes, order, s.Parameter, run)
	default:
		fromHeap(s, order, run)
	}
}

func firstComeFirstServed(processes []Process, order []int32, run func(pid int, start, end int64)) {
	now := int64(0)
	for _, i := range order {
		p := &processes[i]
		if now < p.Arrival {
			now = p.Arrival
		}
		run(p.PID, now, now+p.Burst)
		now += p.Burst
	}
}

// key is p's key, with `remaining` units left, as a process that became ready at `since`. The
// running process competes with the key it would wait with from now on: its remaining time (SRTF),
// or its own priority (PRIORITY: priority - (t - since) / aging is ordered as
// priority * aging + since, a key that does not change while the process waits, and exact in 64 bits).
func key(s *Scenario, p *Process, remaining, since int64) int64 {
	switch s.Algorithm {
	case "SJF":
		return p.Burst
	case "SRTF":
		return remaining
	default:
		return int64(p.Priority)*s.Parameter + since
	}
}

// fromHeap runs SJF, SRTF and PRIORITY. Decision points are the arrivals and the finishes; the
// preemptive ones can only preempt at an arrival, the one moment the best waiting process can
// change for the better.
func fromHeap(s Scenario, order []int32, run func(pid int, start, end int64)) {
	processes := s.Processes
	n, next := len(order), 0
	preemptive := s.Algorithm != "SJF"
	ready := &readyHeap{}
	remaining := make([]int64, n+1) // by pid: what a waiting process has left
	for i := range processes {
		remaining[processes[i].PID] = processes[i].Burst
	}
	var running *Process
	var now, left, started int64 // left: the running process's remaining time; started: its run's start
	for {
		// Every arrival of this moment has arrived before the CPU is (re)assigned.
		for next < n && processes[order[next]].Arrival <= now {
			p := &processes[order[next]]
			next++
			heap.Push(ready, &entry{key(&s, p, p.Burst, now), now, p.PID})
		}
		if running == nil {
			if ready.Len() == 0 {
				if next == n {
					break
				}
				now = processes[order[next]].Arrival // idle until then
				continue
			}
			running = &processes[heap.Pop(ready).(*entry).pid-1]
			left, started = remaining[running.PID], now
		} else if preemptive && ready.Len() > 0 && (*ready)[0].key < key(&s, running, left, now) {
			// Strictly better, or the running process keeps the CPU; the preempted one is ready from now.
			run(running.PID, started, now)
			remaining[running.PID] = left
			heap.Push(ready, &entry{key(&s, running, left, now), now, running.PID})
			running = &processes[heap.Pop(ready).(*entry).pid-1]
			left, started = remaining[running.PID], now
		}
		nextArrival := int64(math.MaxInt64)
		if next < n {
			nextArrival = processes[order[next]].Arrival
		}
		if now+left <= nextArrival {
			// It finishes first, or as the next process arrives: they both reach the next choice.
			now += left
			run(running.PID, started, now)
			running = nil
		} else {
			left -= nextArrival - now
			now = nextArrival
		}
	}
}

func roundRobin(processes []Process, order []int32, quantum int64, run func(pid int, start, end int64)) {
	n, next := len(order), 0
	// A circular FIFO of indices: a process is queued at most once at a time, so n slots are enough.
	queue := make([]int32, n)
	head, queued := 0, 0
	enqueue := func(i int32) {
		queue[(head+queued)%n] = i
		queued++
	}
	remaining := make([]int64, n)
	for i := range processes {
		remaining[i] = processes[i].Burst
	}
	now := int64(0)
	for next < n || queued > 0 {
		if queued == 0 && now < processes[order[next]].Arrival {
			now = processes[order[next]].Arrival // idle until then
		}
		for ; next < n && processes[order[next]].Arrival <= now; next++ {
			enqueue(order[next])
		}
		i := queue[head]
		head, queued = (head+1)%n, queued-1
		started := now
		for {
			slice := remaining[i]
			if slice > quantum {
				slice = quantum
			}
			now += slice
			remaining[i] -= slice
			// Arrivals up to and including the quantum's end join the queue before i goes back.
			for ; next < n && processes[order[next]].Arrival <= now; next++ {
				enqueue(order[next])
			}
			if remaining[i] == 0 {
				break
			}
			if queued > 0 {
				enqueue(i)
				break
			}
			// Nobody waits: it runs on for another quantum, on the same line of the timeline.
		}
		run(processes[i].PID, started, now)
	}
}

package main

import "sort"

// Schedule schedules one scenario, reporting its runs in time order with run(pid, start, end). A
// stretch may be split into several runs (the driver joins them); idle time is never reported.
func Schedule(s Scenario, run func(pid int, start, end int64)) {
	// TODO: the exercise. Every algorithm is FCFS for now: write SJF, SRTF, RR (s.Parameter is the
	// quantum) and PRIORITY (s.Parameter is the aging) as "The rules" in the statement define them,
	// decision points and ties included.
	order := s.Processes // Schedule gets its own copy: sorting it is fine
	sort.Slice(order, func(i, j int) bool {
		if order[i].Arrival != order[j].Arrival {
			return order[i].Arrival < order[j].Arrival
		}
		return order[i].PID < order[j].PID
	})
	now := int64(0)
	for _, p := range order {
		if now < p.Arrival {
			now = p.Arrival // nobody is ready: the CPU idles until p arrives
		}
		run(p.PID, now, now+p.Burst)
		now += p.Burst
	}
}

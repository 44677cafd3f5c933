// The reference: every algorithm but FCFS walks the requests sorted by (cylinder, number) once,
// outward from where the head starts; SSTF with one index each way. O(n log n) for the sort, O(n)
// after it.
package main

import (
	"math"
	"sort"
)

const numberBits = 21 // request numbers reach 10^6 < 2^21; cylinders 10^6 < 2^20 above them

// sortedRequests holds the requests sorted: cylinder above numberBits, number below, so one integer
// compare orders both.
type sortedRequests []uint64

func (r sortedRequests) cylinder(j int) int64 { return int64(r[j] >> numberBits) }
func (r sortedRequests) number(j int) int     { return int(r[j] & (1<<numberBits - 1)) }

// lowerBound is the first position whose cylinder is at least `cylinder`.
func (r sortedRequests) lowerBound(cylinder int64) int {
	return sort.Search(len(r), func(j int) bool { return r.cylinder(j) >= cylinder })
}

// serveUp serves positions [lo, hi) going up.
func (r sortedRequests) serveUp(head Head, lo, hi int) {
	for j := lo; j < hi; j++ {
		head.Serve(r.number(j))
	}
}

// serveDown serves positions [lo, hi) going down: cylinder by cylinder from the top, each one's
// requests in input order.
func (r sortedRequests) serveDown(head Head, lo, hi int) {
	for end := hi; end > lo; {
		start := end - 1
		for start > lo && r.cylinder(start-1) == r.cylinder(end-1) {
			start--
		}
		r.serveUp(head, start, end)
		end = start
	}
}

func (r sortedRequests) shortestSeekFirst(s Scenario, head Head) {
	n := len(r)
	right := r.lowerBound(s.Head) // [left, right) is what has been served
	left := right
	at, up := s.Head, s.Direction == "up"
	for left > 0 || right < n {
		below, above := int64(math.MaxInt64), int64(math.MaxInt64)
		if left > 0 {
			below = at - r.cylinder(left-1)
		}
		if right < n {
			above = r.cylinder(right) - at
		}
		var next int64
		if above < below || (above == below && up) {
			next = r.cylinder(right)
			end := right
			for end < n && r.cylinder(end) == next {
				end++
			}
			r.serveUp(head, right, end)
			right = end
		} else {
			next = r.cylinder(left - 1)
			start := left - 1
			for start > 0 && r.cylinder(start-1) == next {
				start--
			}
			r.serveUp(head, start, left)
			left = start
		}
		if next != at {
			up = next > at
		}
		at = next
	}
}

func Schedule(s Scenario, head Head) {
	n := len(s.Requests)
	if s.Algorithm == "FCFS" {
		for k := 1; k <= n; k++ {
			head.Serve(k)
		}
		return
	}
	r := make(sortedRequests, n)
	for i, cylinder := range s.Requests {
		r[i] = uint64(cylinder)<<numberBits | uint64(i+1)
	}
	sort.Slice(r, func(i, j int) bool { return r[i] < r[j] })

	if s.Algorithm == "SSTF" {
		r.shortestSeekFirst(s, head)
		return
	}
	circular := s.Algorithm == "C-SCAN" || s.Algorithm == "C-LOOK"
	toEdge := s.Algorithm == "SCAN" || s.Algorithm == "C-SCAN"
	top := s.Cylinders - 1
	if s.Direction == "up" {
		split := r.lowerBound(s.Head) // ahead: [split, n), from the head's cylinder up
		r.serveUp(head, split, n)
		if split > 0 && toEdge {
			head.Seek(top)
			if circular {
				head.Seek(0)
			}
		}
		if circular {
			r.serveUp(head, 0, split)
		} else {
			r.serveDown(head, 0, split)
		}
	} else {
		split := r.lowerBound(s.Head + 1) // ahead: [0, split), from the head's cylinder down
		r.serveDown(head, 0, split)
		if split < n && toEdge {
			head.Seek(0)
			if circular {
				head.Seek(top)
			}
		}
		if circular {
			r.serveDown(head, split, n)
		} else {
			r.serveUp(head, split, n)
		}
	}
}

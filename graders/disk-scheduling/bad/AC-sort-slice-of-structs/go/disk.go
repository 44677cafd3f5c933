// Straightforward and a little slow: requests as structs sorted with a two-key comparison, a
// slice per side of the head, and each algorithm spelled out on its own. O(n log n), with more
// copying and comparing than the reference; expected to pass.
package main

import "sort"

type request struct {
	cylinder int64
	number   int
}

// byCylinder sorts by cylinder, then number, so that a cylinder's requests stay in input order.
func byCylinder(rs []request) {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].cylinder != rs[j].cylinder {
			return rs[i].cylinder < rs[j].cylinder
		}
		return rs[i].number < rs[j].number
	})
}

// groupsDown lists sorted requests from the highest cylinder down, each cylinder's in input order.
func groupsDown(rs []request) []request {
	out := make([]request, 0, len(rs))
	for end := len(rs); end > 0; {
		start := end - 1
		for start > 0 && rs[start-1].cylinder == rs[end-1].cylinder {
			start--
		}
		out = append(out, rs[start:end]...)
		end = start
	}
	return out
}

func serveAll(head Head, rs []request) {
	for _, r := range rs {
		head.Serve(r.number)
	}
}

func Schedule(s Scenario, head Head) {
	rs := make([]request, len(s.Requests))
	for i, c := range s.Requests {
		rs[i] = request{c, i + 1}
	}
	if s.Algorithm == "FCFS" {
		serveAll(head, rs)
		return
	}
	byCylinder(rs)
	var below, above []request // below: cylinders under the head; above: at it or over it
	for _, r := range rs {
		if r.cylinder < s.Head {
			below = append(below, r)
		} else {
			above = append(above, r)
		}
	}
	up := s.Direction == "up"
	top := s.Cylinders - 1

	switch s.Algorithm {
	case "SSTF":
		// below is served from its end, above from its start.
		at := s.Head
		lowerDown := groupsDown(below)
		i, j := 0, 0
		for i < len(lowerDown) || j < len(above) {
			goUp := false
			switch {
			case i == len(lowerDown):
				goUp = true
			case j == len(above):
				goUp = false
			default:
				d, u := at-lowerDown[i].cylinder, above[j].cylinder-at
				goUp = u < d || (u == d && up)
			}
			if goUp {
				c := above[j].cylinder
				for j < len(above) && above[j].cylinder == c {
					head.Serve(above[j].number)
					j++
				}
				if c != at {
					up = true
				}
				at = c
			} else {
				c := lowerDown[i].cylinder
				for i < len(lowerDown) && lowerDown[i].cylinder == c {
					head.Serve(lowerDown[i].number)
					i++
				}
				up = false
				at = c
			}
		}
	case "SCAN", "LOOK", "C-SCAN", "C-LOOK":
		// Going down, the head's own cylinder is ahead too: move its requests from above to below.
		if !up {
			k := 0
			for k < len(above) && above[k].cylinder == s.Head {
				k++
			}
			below = append(below, above[:k]...)
			above = above[k:]
		}
		edge := s.Algorithm == "SCAN" || s.Algorithm == "C-SCAN"
		circular := s.Algorithm == "C-SCAN" || s.Algorithm == "C-LOOK"
		if up {
			serveAll(head, above)
			if len(below) > 0 && edge {
				head.Seek(top)
				if circular {
					head.Seek(0)
				}
			}
			if circular {
				serveAll(head, below)
			} else {
				serveAll(head, groupsDown(below))
			}
		} else {
			serveAll(head, groupsDown(below))
			if len(above) > 0 && edge {
				head.Seek(0)
				if circular {
					head.Seek(top)
				}
			}
			if circular {
				serveAll(head, groupsDown(above))
			} else {
				serveAll(head, above)
			}
		}
	}
}

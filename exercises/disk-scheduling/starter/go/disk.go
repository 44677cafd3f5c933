package main

// Schedule schedules one scenario: serves every request exactly once, with head.Serve and
// head.Seek, in the order and along the path the algorithm takes. The driver counts every cylinder
// the head moves.
func Schedule(s Scenario, head Head) {
	// TODO: the exercise. Every algorithm is FCFS for now: write SSTF, SCAN, C-SCAN, LOOK and
	// C-LOOK as "The rules" in the statement define them, ties and trips to the edges included.
	for k := 1; k <= len(s.Requests); k++ {
		head.Serve(k)
	}
}

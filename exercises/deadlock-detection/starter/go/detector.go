package main

// Detector keeps track of a system of n processes (0 .. n-1) and m resource types (0 .. m-1). The
// driver only calls its methods with events that keep to the rules of the input: a waiting process
// only exits, a request never takes a process past the total, a release never gives back more than
// it holds.
type Detector struct {
	// TODO: the state of the system. Per process: what it holds, and whether it waits and for what.
	// Per resource type: what is free, and the queue of waiting requests, oldest first.
}

// NewDetector returns a system with total[r] instances of type r (the slice is yours to keep),
// where nobody holds anything and nobody waits.
func NewDetector(n, m int, total []int) *Detector {
	// TODO: allocate the state.
	return &Detector{}
}

// Request: process p asks for k more instances of type r. It returns true if they are granted at
// once (at least k are free, whoever else waits), false if p now waits.
func (d *Detector) Request(p, r, k int) bool {
	// TODO: grant at once if k are free; otherwise p waits and its request joins the queue. For now
	// every request is granted.
	return true
}

// Release: process p gives back k of the instances of type r it holds. It returns the processes
// this wakes (waiting requests for type r granted, oldest first, each if it fits in what is free at
// that moment), in any order.
func (d *Detector) Release(p, r, k int) []int {
	// TODO: give the instances back, then reconsider type r's queue. For now nobody is woken.
	return nil
}

// Exit: process p gives back everything it holds; if it was waiting, its request leaves the queue.
// It returns the processes this wakes, in any order. A later request from p is a new process that
// holds nothing.
func (d *Detector) Exit(p int) []int {
	// TODO: take p's request out of its queue if it waits, give back everything it holds, and
	// reconsider the queues of the types given back. For now nobody is woken.
	return nil
}

// Detect returns the deadlocked processes, in any order (none: empty or nil).
func (d *Detector) Detect() []int {
	// TODO: work = total minus what the waiting processes hold; finish every waiting process whose
	// request fits in work (work grows by what it holds), until none fits. The ones left are
	// deadlocked. For now nobody is.
	return nil
}

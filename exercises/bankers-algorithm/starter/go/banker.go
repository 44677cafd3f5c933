package main

// Request decides whether process p may have request[j] more of each resource type j. It checks,
// in this order: more than its need (DenyNeed), more than is available (DenyAvailable), a state
// after granting that is unsafe (DenyUnsafe). On Grant it updates Available, Allocation and Need;
// on a denial it leaves the state as it was.
func (b *Bank) Request(p int, request []int) Decision {
	// TODO: check the need, then what is available, then grant tentatively and keep the grant
	// only if SafeSequence says the new state is safe.
	return DenyUnsafe
}

// Release gives back release[j] of each resource type j from process p. It returns false, and
// changes nothing, if p holds less than that of some resource type.
func (b *Bank) Release(p int, release []int) bool {
	// TODO
	return false
}

// SafeSequence returns a safe sequence (every process exactly once, in an order in which each can
// finish) and true, or nil and false if the state is unsafe. It changes nothing.
func (b *Bank) SafeSequence() ([]int, bool) {
	// TODO: start with work = Available; repeatedly let a process whose Need fits in work finish
	// (work += its Allocation). Safe if every process finishes.
	return nil, false
}

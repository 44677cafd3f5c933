// Expected AC: correct, but each request that passes the first two checks is granted on a copy of
// the whole state (Available, Allocation and Need, row by row), checked there, and the copy becomes
// the state only if it is safe: an O(n·m) copy per request, about one extra safety pass. A constant
// factor the performance check must allow.
package main

func fits(amounts, limit []int) bool {
	for j, amount := range amounts {
		if amount > limit[j] {
			return false
		}
	}
	return true
}

// transfer moves amounts from the free pool to process p (sign 1) or back (sign -1).
func (b *Bank) transfer(p int, amounts []int, sign int) {
	for j, amount := range amounts {
		b.Available[j] -= sign * amount
		b.Allocation[p][j] += sign * amount
		b.Need[p][j] -= sign * amount
	}
}

// clone copies what a request may change; Max never changes and is shared.
func (b *Bank) clone() *Bank {
	c := &Bank{Available: append([]int(nil), b.Available...), Max: b.Max}
	for p := range b.Need {
		c.Allocation = append(c.Allocation, append([]int(nil), b.Allocation[p]...))
		c.Need = append(c.Need, append([]int(nil), b.Need[p]...))
	}
	return c
}

func (b *Bank) Request(p int, request []int) Decision {
	if !fits(request, b.Need[p]) {
		return DenyNeed
	}
	if !fits(request, b.Available) {
		return DenyAvailable
	}
	trial := b.clone()
	trial.transfer(p, request, 1)
	if _, safe := trial.SafeSequence(); !safe {
		return DenyUnsafe
	}
	*b = *trial
	return Grant
}

func (b *Bank) Release(p int, release []int) bool {
	if !fits(release, b.Allocation[p]) {
		return false
	}
	b.transfer(p, release, -1)
	return true
}

func (b *Bank) SafeSequence() ([]int, bool) {
	work := append([]int(nil), b.Available...)
	order := make([]int, 0, len(b.Need))
	waiting := make([]int, len(b.Need))
	for p := range waiting {
		waiting[p] = p
	}
	for len(waiting) > 0 {
		still := waiting[:0]
		for _, p := range waiting {
			if !fits(b.Need[p], work) {
				still = append(still, p)
				continue
			}
			for j, held := range b.Allocation[p] {
				work[j] += held
			}
			order = append(order, p)
		}
		if len(still) == len(waiting) {
			return nil, false
		}
		waiting = still
	}
	return order, true
}

// Known bad: the safety check copies the need matrix into a flat table of 65,536 cells (indexed
// p*m+j) to scan it, so a state with more cells panics (index out of range). Only n × m = 100,000
// reaches it: caught by the hidden test "2,000 processes, 50 resource types".
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

func (b *Bank) Request(p int, request []int) Decision {
	if !fits(request, b.Need[p]) {
		return DenyNeed
	}
	if !fits(request, b.Available) {
		return DenyAvailable
	}
	b.transfer(p, request, 1)
	if _, safe := b.SafeSequence(); safe {
		return Grant
	}
	b.transfer(p, request, -1)
	return DenyUnsafe
}

func (b *Bank) Release(p int, release []int) bool {
	if !fits(release, b.Allocation[p]) {
		return false
	}
	b.transfer(p, release, -1)
	return true
}

// needs holds the need matrix row after row while the safety check scans it.
var needs [1 << 16]int

func (b *Bank) SafeSequence() ([]int, bool) {
	m := len(b.Available)
	for p, row := range b.Need {
		copy(needs[p*m:p*m+m], row)
	}
	work := append([]int(nil), b.Available...)
	order := make([]int, 0, len(b.Need))
	waiting := make([]int, len(b.Need))
	for p := range waiting {
		waiting[p] = p
	}
	for len(waiting) > 0 {
		still := waiting[:0]
		for _, p := range waiting {
			if !fits(needs[p*m:p*m+m], work) {
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

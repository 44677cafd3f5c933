// Known bad: the safety check keeps the work in a [32]int array, so with more than 32 resource
// types it panics (index out of range). Caught by the hidden test "many operations" (50 types),
// the first with more than 32.
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

func (b *Bank) SafeSequence() ([]int, bool) {
	var work [32]int
	for j, free := range b.Available {
		work[j] = free
	}
	order := make([]int, 0, len(b.Need))
	waiting := make([]int, len(b.Need))
	for p := range waiting {
		waiting[p] = p
	}
	for len(waiting) > 0 {
		still := waiting[:0]
		for _, p := range waiting {
			if !fits(b.Need[p], work[:]) {
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

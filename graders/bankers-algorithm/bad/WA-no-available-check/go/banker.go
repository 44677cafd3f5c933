// Known bad: never checks what is available: it pretends to grant and lets the safety check decide,
// so a request for more than is free drives Available negative, nothing fits, and it answers
// DENY UNSAFE where DENY AVAILABLE is due. Caught by example 1 (REQUEST 4 3 3 0, line 4).
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

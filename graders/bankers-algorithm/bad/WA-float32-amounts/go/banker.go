// Known bad: compares amounts as float32, whose 24-bit mantissa cannot tell 400,000,001 from
// 400,000,002 or 999,999,999 from 1,000,000,000, so requests one past a large need or past what is
// free pass. Exact below 2^24: caught only by the hidden test "values at the limit".
package main

func fits(amounts, limit []int) bool {
	for j, amount := range amounts {
		if float32(amount) > float32(limit[j]) {
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

// Known bad (slow): the textbook's "find an index i such that..." read literally: after every process
// that finishes, scan again from process 0, rechecking all the waiting ones: O(n^2 * m) a check.
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
	work := append([]int(nil), b.Available...)
	finished := make([]bool, len(b.Need))
	order := make([]int, 0, len(b.Need))
	for len(order) < len(b.Need) {
		found := false
		for p := range b.Need {
			if finished[p] || !fits(b.Need[p], work) {
				continue
			}
			for j, held := range b.Allocation[p] {
				work[j] += held
			}
			finished[p] = true
			order = append(order, p)
			found = true
			break
		}
		if !found {
			return nil, false
		}
	}
	return order, true
}

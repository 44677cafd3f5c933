// The reference: per page, the order of the free block starting there (or none), so that "is my
// buddy free and whole?" is one look-up; per order, a min-heap of free starts for the lowest one,
// with blocks that merged away left in it and dropped when they reach the top (lazy deletion).
// O(log n) per heap step, O(M) steps per operation at most.
package main

// startHeap is a min-heap of block starts.
type startHeap []int32

func (h *startHeap) push(start int32) {
	items := append(*h, start)
	i := len(items) - 1
	for i > 0 && items[(i-1)/2] > start {
		items[i] = items[(i-1)/2]
		i = (i - 1) / 2
	}
	items[i] = start
	*h = items
}

func (h *startHeap) pop() {
	items := *h
	last := items[len(items)-1]
	items = items[:len(items)-1]
	i := 0
	for {
		child := 2*i + 1
		if child >= len(items) {
			break
		}
		if child+1 < len(items) && items[child+1] < items[child] {
			child++
		}
		if items[child] >= last {
			break
		}
		items[i] = items[child]
		i = child
	}
	if len(items) > 0 {
		items[i] = last
	}
	*h = items
}

type buddyAllocator struct {
	maxOrder  int
	freeOrder []uint8 // per page: 1 + the order of the free block starting there, 0 if none
	heaps     []startHeap
}

func NewAllocator(maxOrder int) Allocator {
	a := &buddyAllocator{maxOrder: maxOrder, freeOrder: make([]uint8, 1<<maxOrder), heaps: make([]startHeap, maxOrder+1)}
	a.makeFree(0, maxOrder)
	return a
}

func (a *buddyAllocator) makeFree(start, order int) {
	a.freeOrder[start] = uint8(order + 1)
	a.heaps[order].push(int32(start))
}

// lowest is the lowest free block of order, or -1; entries that are no longer free blocks of it are dropped.
func (a *buddyAllocator) lowest(order int) int {
	h := &a.heaps[order]
	for len(*h) > 0 {
		start := int((*h)[0])
		if a.freeOrder[start] == uint8(order+1) {
			return start
		}
		h.pop()
	}
	return -1
}

func (a *buddyAllocator) Alloc(order int) int {
	from, start := order, -1
	for from <= a.maxOrder {
		if start = a.lowest(from); start != -1 {
			break
		}
		from++
	}
	if start == -1 {
		return -1
	}
	a.heaps[from].pop()
	a.freeOrder[start] = 0
	for k := from - 1; k >= order; k-- {
		a.makeFree(start+1<<k, k) // the upper halves
	}
	return start
}

func (a *buddyAllocator) Free(start, order int) (mergedStart, mergedOrder int) {
	for order < a.maxOrder {
		buddy := start ^ 1<<order
		if a.freeOrder[buddy] != uint8(order+1) {
			break
		}
		a.freeOrder[buddy] = 0 // its heap entry is dropped when it reaches the top
		if buddy < start {
			start = buddy
		}
		order++
	}
	a.makeFree(start, order)
	return start, order
}

func (a *buddyAllocator) FreeBlocks(report func(order, start int)) {
	// Each free block once: a heap may hold a start twice (freed, merged away, freed again).
	const reported = 0x80
	for order, h := range a.heaps {
		for _, start := range h {
			if a.freeOrder[start] == uint8(order+1) {
				a.freeOrder[start] |= reported
				report(order, int(start))
			}
		}
		for _, start := range h {
			a.freeOrder[start] &^= reported
		}
	}
}

package main

// NewAllocator starts a scenario: a memory of 2^maxOrder pages, all of it one free block of order
// maxOrder at page 0.
func NewAllocator(maxOrder int) Allocator {
	return &bumpAllocator{maxOrder: maxOrder}
}

// TODO: the exercise. For now memory is handed out from the bottom up and never reused: each
// allocation gets the next aligned block, and a freed block is only remembered (never merged, never
// handed out again). Write the free lists, splitting and merging as "The rules" define them.

type block struct{ order, start int }

type bumpAllocator struct {
	maxOrder int
	nextFree int // pages from here up have never been handed out
	freed    []block
}

func (a *bumpAllocator) Alloc(order int) int {
	size := 1 << order
	start := (a.nextFree + size - 1) / size * size
	if start+size > 1<<a.maxOrder {
		return -1
	}
	// The pages skipped to align the block are remembered as freed, so that none goes missing.
	for page := a.nextFree; page < start; page++ {
		a.Free(page, 0)
	}
	a.nextFree = start + size
	return start
}

func (a *bumpAllocator) Free(start, order int) (mergedStart, mergedOrder int) {
	a.freed = append(a.freed, block{order, start})
	return start, order
}

func (a *bumpAllocator) FreeBlocks(report func(order, start int)) {
	for _, b := range a.freed {
		report(b.order, b.start)
	}
	// The pages never handed out, as the largest aligned blocks that fit.
	for page, end := a.nextFree, 1<<a.maxOrder; page < end; {
		order := 0
		for order < a.maxOrder && page%(2<<order) == 0 && page+(2<<order) <= end {
			order++
		}
		report(order, page)
		page += 1 << order
	}
}

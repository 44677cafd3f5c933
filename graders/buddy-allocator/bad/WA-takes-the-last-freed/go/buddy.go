// Free lists as stacks, as Linux keeps them: a split or a free pushes a block on its order's list,
// an allocation pops the one on top, the last freed. O(1), and cache-friendly in a kernel, but the
// statement takes each order's lowest block, so the blocks handed out differ as soon as a list
// holds two.
package main

type stackAllocator struct {
	maxOrder  int
	freeOrder []uint8 // per page: 1 + the order of the free block starting there, 0 if none
	lists     [][]int // per order, a stack of starts (blocks merged away are skipped when met)
}

func NewAllocator(maxOrder int) Allocator {
	a := &stackAllocator{maxOrder: maxOrder, freeOrder: make([]uint8, 1<<maxOrder), lists: make([][]int, maxOrder+1)}
	a.push(0, maxOrder)
	return a
}

func (a *stackAllocator) push(start, order int) {
	a.freeOrder[start] = uint8(order + 1)
	a.lists[order] = append(a.lists[order], start)
}

// top is the last freed block of order still free at it, or -1.
func (a *stackAllocator) top(order int) int {
	list := a.lists[order]
	for len(list) > 0 {
		start := list[len(list)-1]
		if a.freeOrder[start] == uint8(order+1) {
			a.lists[order] = list
			return start
		}
		list = list[:len(list)-1]
	}
	a.lists[order] = list
	return -1
}

func (a *stackAllocator) Alloc(order int) int {
	for from := order; from <= a.maxOrder; from++ {
		start := a.top(from)
		if start == -1 {
			continue
		}
		a.lists[from] = a.lists[from][:len(a.lists[from])-1]
		a.freeOrder[start] = 0
		for k := from - 1; k >= order; k-- {
			a.push(start+1<<k, k)
		}
		return start
	}
	return -1
}

func (a *stackAllocator) Free(start, order int) (int, int) {
	for order < a.maxOrder {
		buddy := start ^ 1<<order
		if a.freeOrder[buddy] != uint8(order+1) {
			break
		}
		a.freeOrder[buddy] = 0
		if buddy < start {
			start = buddy
		}
		order++
	}
	a.push(start, order)
	return start, order
}

func (a *stackAllocator) FreeBlocks(report func(order, start int)) {
	for start, entry := range a.freeOrder {
		if entry != 0 {
			report(int(entry)-1, start)
		}
	}
}

// Expected AC: written plainly from the statement: a dense row of held counts per process, a FIFO
// slice of waiting processes per type; each DETECT computes work as total minus what the waiting
// processes hold, puts each type's waiting requests in a min-heap by amount (container/heap) and pops
// while the top fits, with a worklist of types. A constant factor slower than the reference, which
// the performance check must allow.
package main

import "container/heap"

type request struct {
	amount, process int
}

// requestHeap is a min-heap of requests by amount.
type requestHeap []request

func (h requestHeap) Len() int            { return len(h) }
func (h requestHeap) Less(i, j int) bool  { return h[i].amount < h[j].amount }
func (h requestHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *requestHeap) Push(x interface{}) { *h = append(*h, x.(request)) }
func (h *requestHeap) Pop() interface{} {
	old := *h
	last := old[len(old)-1]
	*h = old[:len(old)-1]
	return last
}

type Detector struct {
	n, m       int
	total      []int
	free       []int
	held       []int // held[p*m+r]
	waiting    []bool
	waitType   []int
	waitAmount []int
	queues     [][]int // per type: the waiting processes, oldest first

	// For Detect.
	work       []int
	heaps      []requestHeap
	inWorklist []bool
}

func NewDetector(n, m int, total []int) *Detector {
	d := &Detector{
		n:          n,
		m:          m,
		total:      total,
		free:       append([]int(nil), total...),
		held:       make([]int, n*m),
		waiting:    make([]bool, n),
		waitType:   make([]int, n),
		waitAmount: make([]int, n),
		queues:     make([][]int, m),
		work:       make([]int, m),
		heaps:      make([]requestHeap, m),
		inWorklist: make([]bool, m),
	}
	return d
}

func (d *Detector) Request(p, r, k int) bool {
	if k <= d.free[r] {
		d.free[r] -= k
		d.held[p*d.m+r] += k
		return true
	}
	d.waiting[p] = true
	d.waitType[p] = r
	d.waitAmount[p] = k
	d.queues[r] = append(d.queues[r], p)
	return false
}

// wake grants the waiting requests for type r that fit, oldest first, and appends them to woken.
func (d *Detector) wake(r int, woken []int) []int {
	queue := d.queues[r]
	kept := queue[:0]
	for i, p := range queue {
		if d.free[r] == 0 {
			kept = append(kept, queue[i:]...)
			break
		}
		k := d.waitAmount[p]
		if k > d.free[r] {
			kept = append(kept, p)
			continue
		}
		d.free[r] -= k
		d.held[p*d.m+r] += k
		d.waiting[p] = false
		woken = append(woken, p)
	}
	d.queues[r] = kept
	return woken
}

func (d *Detector) Release(p, r, k int) []int {
	d.held[p*d.m+r] -= k
	d.free[r] += k
	return d.wake(r, nil)
}

func (d *Detector) Exit(p int) []int {
	if d.waiting[p] {
		d.waiting[p] = false
		r := d.waitType[p]
		queue := d.queues[r]
		for i, q := range queue {
			if q == p {
				d.queues[r] = append(queue[:i], queue[i+1:]...)
				break
			}
		}
	}
	var woken []int
	row := d.held[p*d.m : (p+1)*d.m]
	for r, count := range row {
		if count > 0 {
			d.free[r] += count
			row[r] = 0
			woken = d.wake(r, woken)
		}
	}
	return woken
}

func (d *Detector) Detect() []int {
	m := d.m
	// work: total minus what the waiting processes hold; the waiting requests in a heap per type.
	copy(d.work, d.total)
	for r := range d.heaps {
		d.heaps[r] = d.heaps[r][:0]
	}
	for p := 0; p < d.n; p++ {
		if !d.waiting[p] {
			continue
		}
		row := d.held[p*m : (p+1)*m]
		for r, count := range row {
			d.work[r] -= count
		}
		r := d.waitType[p]
		d.heaps[r] = append(d.heaps[r], request{d.waitAmount[p], p})
	}
	var worklist []int
	for r := range d.heaps {
		heap.Init(&d.heaps[r])
		d.inWorklist[r] = len(d.heaps[r]) > 0
		if d.inWorklist[r] {
			worklist = append(worklist, r)
		}
	}
	for len(worklist) > 0 {
		r := worklist[len(worklist)-1]
		worklist = worklist[:len(worklist)-1]
		d.inWorklist[r] = false
		h := &d.heaps[r]
		for h.Len() > 0 && (*h)[0].amount <= d.work[r] {
			p := heap.Pop(h).(request).process
			row := d.held[p*m : (p+1)*m]
			for t, count := range row {
				if count == 0 {
					continue
				}
				d.work[t] += count
				if !d.inWorklist[t] && len(d.heaps[t]) > 0 {
					d.inWorklist[t] = true
					worklist = append(worklist, t)
				}
			}
		}
	}
	var deadlocked []int
	for _, h := range d.heaps {
		for _, req := range h {
			deadlocked = append(deadlocked, req.process)
		}
	}
	return deadlocked
}

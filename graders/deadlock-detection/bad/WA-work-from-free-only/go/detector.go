// Known bad: detection starts work from what is free and never adds what the processes that are
// not waiting hold (as if they would never finish and give it back).
package main

// A queue entry, and a waiting process's ticket: the order it started waiting in, then its number
// (n <= 2000 < 2^11). An entry whose process's ticket is no longer the same (it exited, or was woken
// and waits again) is stale and skipped.
const (
	processBits = 11
	processMask = 1<<processBits - 1
)

// waitQueue holds live and stale entries in entries[head:], oldest first.
type waitQueue struct {
	entries []int
	head    int
}

type Detector struct {
	n, m       int
	total      []int
	free       []int
	held       []int // held[p*m+r]
	heldTypes  []int // row p lists the heldCount[p] types p holds
	heldAt     []int // where type r is in p's list, while p holds some
	heldCount  []int
	ticket     []int // while p waits, its entry in its type's queue; else -1
	waitType   []int
	waitAmount []int
	tickets    int
	waiting    []int // the waiting processes, in any order
	waitingAt  []int
	queues     []waitQueue
	woken      []int

	// Detection's scratch space.
	work, start, next, typesToCheck []int
	toCheck                         []bool
	requests                        []int64 // by type, then amount<<11 | process
	deadlocked                      []int
}

func NewDetector(n, m int, total []int) *Detector {
	d := &Detector{
		n: n, m: m, total: total,
		free:      append([]int(nil), total...),
		held:      make([]int, n*m),
		heldTypes: make([]int, n*m),
		heldAt:    make([]int, n*m),
		heldCount: make([]int, n),
		ticket:    make([]int, n),
		waitType:  make([]int, n), waitAmount: make([]int, n),
		waiting:   make([]int, 0, n),
		waitingAt: make([]int, n),
		queues:    make([]waitQueue, m),
		woken:     make([]int, 0, n),
		work:      make([]int, m), start: make([]int, m+1), next: make([]int, m),
		typesToCheck: make([]int, 0, m),
		toCheck:      make([]bool, m),
		requests:     make([]int64, n),
		deadlocked:   make([]int, 0, n),
	}
	for p := range d.ticket {
		d.ticket[p] = -1
	}
	return d
}

func (d *Detector) hold(p, r, k int) {
	row := p * d.m
	if d.held[row+r] == 0 {
		d.heldAt[row+r] = d.heldCount[p]
		d.heldTypes[row+d.heldCount[p]] = r
		d.heldCount[p]++
	}
	d.held[row+r] += k
}

func (d *Detector) giveBack(p, r, k int) {
	row := p * d.m
	if d.held[row+r] -= k; d.held[row+r] > 0 {
		return
	}
	d.heldCount[p]--
	at, last := d.heldAt[row+r], d.heldTypes[row+d.heldCount[p]]
	d.heldTypes[row+at] = last
	d.heldAt[row+last] = at
}

func (d *Detector) push(q *waitQueue, entry int) {
	if len(q.entries) == cap(q.entries) && q.head > 0 {
		// Full: drop the stale entries and move the rest to the front (append grows it if need be).
		kept := q.entries[:0]
		for _, e := range q.entries[q.head:] {
			if d.ticket[e&processMask] == e {
				kept = append(kept, e)
			}
		}
		q.entries, q.head = kept, 0
	}
	q.entries = append(q.entries, entry)
}

func (d *Detector) stopWaiting(p int) {
	d.ticket[p] = -1
	at, last := d.waitingAt[p], d.waiting[len(d.waiting)-1]
	d.waiting[at] = last
	d.waitingAt[last] = at
	d.waiting = d.waiting[:len(d.waiting)-1]
}

// wake grants, oldest first, the requests in r's queue that fit in what is free, appending the
// woken processes to d.woken. It stops once nothing is free.
func (d *Detector) wake(r int) {
	q := &d.queues[r]
	available := d.free[r]
	entries := q.entries
	kept, i := q.head, q.head
	for ; i < len(entries) && available > 0; i++ {
		e := entries[i]
		p := e & processMask
		if d.ticket[p] != e {
			continue
		}
		k := d.waitAmount[p]
		if k > available {
			entries[kept] = e
			kept++
			continue
		}
		available -= k
		d.stopWaiting(p)
		d.hold(p, r, k)
		d.woken = append(d.woken, p)
	}
	d.free[r] = available
	if i == len(entries) {
		q.entries = entries[:kept]
	} else {
		// Stopped early: the kept entries go just before the ones not looked at.
		length := kept - q.head
		copy(entries[i-length:i], entries[q.head:kept])
		q.head = i - length
	}
}

func (d *Detector) Request(p, r, k int) bool {
	if k <= d.free[r] {
		d.free[r] -= k
		d.hold(p, r, k)
		return true
	}
	d.tickets++
	d.ticket[p] = d.tickets<<processBits | p
	d.waitType[p], d.waitAmount[p] = r, k
	d.waitingAt[p] = len(d.waiting)
	d.waiting = append(d.waiting, p)
	d.push(&d.queues[r], d.ticket[p])
	return false
}

func (d *Detector) Release(p, r, k int) []int {
	d.giveBack(p, r, k)
	d.free[r] += k
	d.woken = d.woken[:0]
	d.wake(r)
	return d.woken
}

func (d *Detector) Exit(p int) []int {
	if d.ticket[p] >= 0 {
		d.stopWaiting(p) // its queue entry is now stale
	}
	row := p * d.m
	types := d.heldTypes[row : row+d.heldCount[p]]
	d.heldCount[p] = 0
	for _, r := range types {
		d.free[r] += d.held[row+r]
		d.held[row+r] = 0
	}
	d.woken = d.woken[:0]
	for _, r := range types {
		d.wake(r)
	}
	return d.woken
}

func sortRequests(a []int64) {
	for len(a) > 16 {
		pivot := a[len(a)/2]
		i, j := 0, len(a)-1
		for i <= j {
			for a[i] < pivot {
				i++
			}
			for a[j] > pivot {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		// Recurse into the smaller part, loop on the larger.
		if j+1 < len(a)-i {
			sortRequests(a[:j+1])
			a = a[i:]
		} else {
			sortRequests(a[i:])
			a = a[:j+1]
		}
	}
	for i := 1; i < len(a); i++ {
		value, j := a[i], i
		for ; j > 0 && a[j-1] > value; j-- {
			a[j] = a[j-1]
		}
		a[j] = value
	}
}

func (d *Detector) Detect() []int {
	d.deadlocked = d.deadlocked[:0]
	if len(d.waiting) == 0 {
		return d.deadlocked
	}
	m, work, start, next := d.m, d.work, d.start, d.next
	copy(work, d.free)
	for r := range start {
		start[r] = 0
	}
	// work = what is free; the waiting processes' requests bucketed by type.
	for _, p := range d.waiting {
		start[d.waitType[p]+1]++
	}
	for r := 0; r < m; r++ {
		start[r+1] += start[r]
		next[r] = start[r]
	}
	for _, p := range d.waiting {
		r := d.waitType[p]
		d.requests[next[r]] = int64(d.waitAmount[p])<<processBits | int64(p)
		next[r]++
	}
	pending := d.typesToCheck[:0]
	for r := 0; r < m; r++ {
		next[r] = start[r]
		d.toCheck[r] = start[r] < start[r+1]
		if d.toCheck[r] {
			sortRequests(d.requests[start[r]:start[r+1]])
			pending = append(pending, r)
		}
	}
	// next[r]: r's first request not yet granted; the ones before it fit in work[r].
	for len(pending) > 0 {
		r := pending[len(pending)-1]
		pending = pending[:len(pending)-1]
		d.toCheck[r] = false
		for next[r] < start[r+1] && d.requests[next[r]]>>processBits <= int64(work[r]) {
			p := int(d.requests[next[r]] & processMask)
			next[r]++
			row := p * m
			for _, t := range d.heldTypes[row : row+d.heldCount[p]] {
				work[t] += d.held[row+t]
				if !d.toCheck[t] && next[t] < start[t+1] {
					d.toCheck[t] = true
					pending = append(pending, t)
				}
			}
		}
	}
	d.typesToCheck = pending
	for r := 0; r < m; r++ {
		for _, request := range d.requests[next[r]:start[r+1]] {
			d.deadlocked = append(d.deadlocked, int(request&processMask))
		}
	}
	return d.deadlocked
}

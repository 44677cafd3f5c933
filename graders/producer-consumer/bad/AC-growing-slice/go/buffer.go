// Reasonable, not optimal: a slice that grows at the back (append) and shrinks at the front
// (items[1:]) instead of a ring, so the backing array is reallocated now and then. Must be accepted.
package buffer

import "sync"

type Buffer struct {
	mu                sync.Mutex
	notEmpty, notFull *sync.Cond
	items             []int64
	capacity          int
	closed            bool
}

func NewBuffer(capacity int) *Buffer {
	b := &Buffer{capacity: capacity}
	b.notEmpty = sync.NewCond(&b.mu)
	b.notFull = sync.NewCond(&b.mu)
	return b
}

func (b *Buffer) Put(item int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.items) == b.capacity && !b.closed {
		b.notFull.Wait()
	}
	if b.closed {
		return false
	}
	b.items = append(b.items, item)
	b.notEmpty.Signal()
	return true
}

func (b *Buffer) Get() (int64, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.items) == 0 && !b.closed {
		b.notEmpty.Wait()
	}
	if len(b.items) == 0 {
		return 0, false
	}
	item := b.items[0]
	b.items = b.items[1:]
	b.notFull.Signal()
	return item, true
}

func (b *Buffer) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	b.notEmpty.Broadcast()
	b.notFull.Broadcast()
}

// Reasonable, not optimal: one sync.Cond for both reasons to wait, and a Broadcast after every Put
// and Get (every waiter wakes and looks again, whatever it waits for). Must be accepted.
package buffer

import "sync"

type Buffer struct {
	mu          sync.Mutex
	changed     *sync.Cond
	items       []int64
	head, count int
	closed      bool
}

func NewBuffer(capacity int) *Buffer {
	b := &Buffer{items: make([]int64, capacity)}
	b.changed = sync.NewCond(&b.mu)
	return b
}

func (b *Buffer) Put(item int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.count == len(b.items) && !b.closed {
		b.changed.Wait()
	}
	if b.closed {
		return false
	}
	b.items[(b.head+b.count)%len(b.items)] = item
	b.count++
	b.changed.Broadcast()
	return true
}

func (b *Buffer) Get() (int64, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.count == 0 && !b.closed {
		b.changed.Wait()
	}
	if b.count == 0 {
		return 0, false
	}
	item := b.items[b.head]
	b.head = (b.head + 1) % len(b.items)
	b.count--
	b.changed.Broadcast()
	return item, true
}

func (b *Buffer) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	b.changed.Broadcast()
}

// Wrong: the lock is held only to wait; the items, the count and the head are changed after it is
// released, so goroutines race on them (-race's report, in the race-detector test). Blocks
// properly, so the busy-waiting checks pass: the race is what fails it.
package buffer

import "sync"

type Buffer struct {
	mu                sync.Mutex
	notEmpty, notFull *sync.Cond
	items             []int64
	head, count       int
	closed            bool
}

func NewBuffer(capacity int) *Buffer {
	b := &Buffer{items: make([]int64, capacity)}
	b.notEmpty = sync.NewCond(&b.mu)
	b.notFull = sync.NewCond(&b.mu)
	return b
}

func (b *Buffer) Put(item int64) bool {
	b.mu.Lock()
	for b.count == len(b.items) && !b.closed {
		b.notFull.Wait()
	}
	b.mu.Unlock()
	if b.closed {
		return false
	}
	b.items[(b.head+b.count)%len(b.items)] = item
	b.count++
	b.notEmpty.Signal()
	return true
}

func (b *Buffer) Get() (int64, bool) {
	b.mu.Lock()
	for b.count == 0 && !b.closed {
		b.notEmpty.Wait()
	}
	b.mu.Unlock()
	if b.count == 0 {
		return 0, false
	}
	item := b.items[b.head]
	b.head = (b.head + 1) % len(b.items)
	b.count--
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

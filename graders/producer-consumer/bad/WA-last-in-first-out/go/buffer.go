// Takes the newest item, not the oldest: a stack, not a queue.
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
	defer b.mu.Unlock()
	for b.count == len(b.items) && !b.closed {
		b.notFull.Wait()
	}
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
	defer b.mu.Unlock()
	for b.count == 0 && !b.closed {
		b.notEmpty.Wait()
	}
	if b.count == 0 {
		return 0, false
	}
	b.count--
	item := b.items[(b.head+b.count)%len(b.items)] // takes the newest
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

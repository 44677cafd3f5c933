// Correct, but slow: it yields the processor inside every Put and Get while holding the lock, so
// every other goroutine that wants the buffer parks on the mutex and the scheduler switches on every
// item. Too slow on the throughput test.
package buffer

import (
	"runtime"
	"sync"
)

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
	runtime.Gosched()
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
	runtime.Gosched()
	for b.count == 0 && !b.closed {
		b.notEmpty.Wait()
	}
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

// Wrong: waits with `if`, not `for`. sync.Cond never wakes spuriously, but a wakeup can be stolen:
// between Signal and the woken goroutine taking the lock, another one can fill the slot (or take
// the item) it was woken for, and it then goes on as if the slot were still free.
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
	if b.count == len(b.items) && !b.closed {
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
	if b.count == 0 && !b.closed {
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

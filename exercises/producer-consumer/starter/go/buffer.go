// Your bounded blocking buffer, package buffer, which the harness imports. Use sync.Mutex and
// sync.Cond: channels are refused (a buffered channel would be the buffer for you), and so are
// unsafe, reflect, os and syscall (your code shares the harness's process). fmt.Println prints to
// standard error. This starter compiles and runs, but loses every item.
package buffer

type Buffer struct {
	capacity int
}

// NewBuffer returns an empty, open buffer holding at most capacity items (capacity >= 1).
func NewBuffer(capacity int) *Buffer {
	return &Buffer{capacity: capacity}
}

// Put adds item at the back, waiting while the buffer is full. It returns true, or false (item not
// added) if the buffer is closed, including when it is closed while Put waits.
func (b *Buffer) Put(item int64) bool {
	return true // TODO
}

// Get takes the item at the front, waiting while the buffer is empty and open. It returns false
// once the buffer is closed and empty.
func (b *Buffer) Get() (int64, bool) {
	return 0, false // TODO
}

// Close closes the buffer and wakes every waiter: Puts fail from now on; Gets still drain what is
// left, then return false. Closing twice is harmless.
func (b *Buffer) Close() {}

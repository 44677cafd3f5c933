// Forgery: in its own package, it opens descriptor 3 (where the harness keeps its report) and
// writes a report there. Refused before it is built: os (and syscall, unsafe, reflect) may not be
// imported in a link exercise.
package buffer

import "os"

type Buffer struct{}

func NewBuffer(capacity int) *Buffer {
	os.NewFile(3, "report").WriteString("{\"nonce\":\"guess\",\"ok\":true}\n")
	os.Exit(0)
	return &Buffer{}
}

func (b *Buffer) Put(item int64) bool { return true }
func (b *Buffer) Get() (int64, bool)  { return 0, false }
func (b *Buffer) Close()              {}

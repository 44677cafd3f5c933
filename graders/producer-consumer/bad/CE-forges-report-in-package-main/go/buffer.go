// Forgery: compiled into the harness's own package main, it writes the harness's report itself,
// with the harness's nonce, as soon as the buffer is made. Refused before it is built: in a link
// exercise the user's code is a package of its own (package buffer), which cannot reach the
// harness's variables.
package main

import "fmt"

type Buffer struct{}

func NewBuffer(capacity int) *Buffer {
	fmt.Fprintf(report, "{\"nonce\":%q,\"ok\":true,\"delivered\":%d,\"accepted\":%d,\"checksum\":%d}\n", nonce, 0, 0, 0)
	return &Buffer{}
}

func (b *Buffer) Put(item int64) bool { return true }
func (b *Buffer) Get() (int64, bool)  { return 0, false }
func (b *Buffer) Close()              {}

// The driver: reads the frame count and the accesses, calls your Pager, prints a line per access
// and the totals. Input and output go through large buffers: tests have millions of accesses.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
)

const (
	// PageLimit bounds page numbers: 0 .. PageLimit-1.
	PageLimit = 1000000
	// MaxFrames bounds the frame count: 1 .. MaxFrames.
	MaxFrames   = 100000
	maxAccesses = 1000000
	// NoPage is the evicted page of a hit, or of a fault that found a free frame.
	NoPage = -1
)

// tokens reads white-space-separated tokens from a buffered reader.
type tokens struct{ in *bufio.Reader }

// next returns the next token (nil at end of input), valid until the next call.
func (t tokens) next(scratch []byte) []byte {
	token := scratch[:0]
	for {
		c, err := t.in.ReadByte()
		if err == io.EOF {
			return nil
		}
		if c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			token = append(token, c)
			break
		}
	}
	for {
		c, err := t.in.ReadByte()
		if err == io.EOF || c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			return token
		}
		token = append(token, c)
	}
}

// integer returns the next token as an integer in [min, max], or -1.
func (t tokens) integer(scratch []byte, min, max int) int {
	token := t.next(scratch)
	if len(token) == 0 || len(token) > 15 {
		return -1
	}
	value := 0
	for _, c := range token {
		if c < '0' || c > '9' {
			return -1
		}
		value = value*10 + int(c-'0')
	}
	if value < min || value > max {
		return -1
	}
	return value
}

// invalid ends the run on malformed input with a message on standard output and status 0, so that
// running your own input shows the message next to the reference's identical one.
func invalid(format string, args ...any) {
	fmt.Printf("invalid input: "+format+"\n", args...)
}

func main() {
	in := tokens{bufio.NewReaderSize(os.Stdin, 1<<20)}
	scratch := make([]byte, 0, 32)
	frames := in.integer(scratch, 1, MaxFrames)
	count := in.integer(scratch, 0, maxAccesses)
	if frames < 0 || count < 0 {
		invalid("the first line must be the frame count (1 to 100000) and the number of accesses (0 to 1000000)")
		return
	}
	pages := make([]int32, count)
	writes := make([]bool, count)
	for i := 0; i < count; i++ {
		page := in.integer(scratch, 0, PageLimit-1)
		op := in.next(scratch)
		if page < 0 || len(op) != 1 || (op[0] != 'R' && op[0] != 'W') {
			invalid("access %d must be a page number (0 to 999999) and R or W", i+1)
			return
		}
		pages[i] = int32(page)
		writes[i] = op[0] == 'W'
	}
	if in.next(scratch) != nil {
		invalid("there are more accesses than the first line says (%d)", count)
		return
	}

	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	pager := NewPager(frames)
	line := make([]byte, 0, 32)
	hits, writebacks := 0, 0
	for i := range pages {
		hit, evicted, dirty := pager.Access(int(pages[i]), writes[i])
		line = line[:0]
		switch {
		case hit:
			hits++
			line = append(line, 'H')
		case evicted == NoPage:
			line = append(line, 'F')
		default:
			line = strconv.AppendInt(append(line, 'F', ' '), int64(evicted), 10)
			if dirty {
				writebacks++
				line = append(line, ' ', 'W')
			}
		}
		out.Write(append(line, '\n'))
	}
	fmt.Fprintf(out, "TOTAL accesses=%d hits=%d faults=%d writebacks=%d\n", count, hits, count-hits, writebacks)
}

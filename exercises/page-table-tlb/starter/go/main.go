// The driver: reads the TLB size and the operations, calls your MMU once per operation, and prints
// a line for each and the totals. Input is read in one go and output goes through a large buffer:
// tests have a million operations.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
)

// Permission bits, in a mapping's perms and in what an access needs.
const (
	PermR = 4
	PermW = 2
	PermX = 1
)

// The outcome of an access.
const (
	Translated = iota
	NotPresent
	Protection
)

// MaxPage is the largest page and frame number (20 bits); the TLB holds 1 .. MaxTLBEntries entries.
const (
	MaxPage       = 0xfffff
	MaxTLBEntries = 4096
	maxOperations = 1000000
)

const shapes = "map <page> <frame> <perms>, unmap <page>, protect <page> <perms>, read <address>, write <address> or exec <address>"

const (
	opMap = iota
	opUnmap
	opProtect
	opRead
	opWrite
	opExec
)

type operation struct {
	kind, perms  int
	value, frame uint32 // value: the page, or the address
}

// tokens walks the white-space-separated tokens of the whole input.
type tokens struct {
	data []byte
	at   int
}

// isSpace is the white space Python's bytes.split() skips, so that the three drivers read the same tokens.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f'
}

// next returns the next token, empty at the end of the input.
func (t *tokens) next() []byte {
	for t.at < len(t.data) && isSpace(t.data[t.at]) {
		t.at++
	}
	start := t.at
	for t.at < len(t.data) && !isSpace(t.data[t.at]) {
		t.at++
	}
	return t.data[start:t.at]
}

// integer returns the next token as a decimal integer in [min, max], or -1.
func (t *tokens) integer(min, max int64) int64 {
	token := t.next()
	if len(token) == 0 || len(token) > 15 {
		return -1
	}
	value := int64(0)
	for _, c := range token {
		if c < '0' || c > '9' {
			return -1
		}
		value = value*10 + int64(c-'0')
	}
	if value < min || value > max {
		return -1
	}
	return value
}

// hex returns the next token read as 0x and exactly `digits` lowercase hex digits, and whether it is one.
func (t *tokens) hex(digits int) (uint32, bool) {
	token := t.next()
	if len(token) != digits+2 || token[0] != '0' || token[1] != 'x' {
		return 0, false
	}
	value := uint32(0)
	for _, c := range token[2:] {
		switch {
		case c >= '0' && c <= '9':
			value = value<<4 | uint32(c-'0')
		case c >= 'a' && c <= 'f':
			value = value<<4 | uint32(c-'a'+10)
		default:
			return 0, false
		}
	}
	return value, true
}

// perms returns the next token read as permissions (r or -, w or -, x or -), and whether it is one.
func (t *tokens) perms() (int, bool) {
	token := t.next()
	if len(token) != 3 || (token[0] != 'r' && token[0] != '-') || (token[1] != 'w' && token[1] != '-') || (token[2] != 'x' && token[2] != '-') {
		return 0, false
	}
	perms := 0
	if token[0] == 'r' {
		perms |= PermR
	}
	if token[1] == 'w' {
		perms |= PermW
	}
	if token[2] == 'x' {
		perms |= PermX
	}
	return perms, true
}

// invalid ends the run on malformed input with a message on standard output and status 0, so that
// running your own input shows the message next to the reference's identical one.
func invalid(format string, args ...any) {
	fmt.Printf("invalid input: "+format+"\n", args...)
}

// readOperation reads operation `number`, or says why it is malformed.
func (t *tokens) readOperation(number int) (operation, string) {
	var o operation
	switch string(t.next()) {
	case "map":
		o.kind = opMap
	case "unmap":
		o.kind = opUnmap
	case "protect":
		o.kind = opProtect
	case "read":
		o.kind = opRead
	case "write":
		o.kind = opWrite
	case "exec":
		o.kind = opExec
	default:
		return o, fmt.Sprintf("operation %d must be %s", number, shapes)
	}
	var ok bool
	if o.kind >= opRead {
		if o.value, ok = t.hex(8); !ok {
			return o, fmt.Sprintf("operation %d: an address is 0x and eight lowercase hex digits (0x00000000 to 0xffffffff)", number)
		}
		return o, ""
	}
	o.value, ok = t.hex(5)
	if ok && o.kind == opMap {
		o.frame, ok = t.hex(5)
	}
	if !ok {
		return o, fmt.Sprintf("operation %d: a page or frame number is 0x and five lowercase hex digits (0x00000 to 0xfffff)", number)
	}
	if o.kind == opMap || o.kind == opProtect {
		if o.perms, ok = t.perms(); !ok {
			return o, fmt.Sprintf("operation %d: permissions are three characters: r or -, w or -, x or - (like rw- or r-x)", number)
		}
	}
	return o, ""
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	in := &tokens{data: data}
	tlbEntries := in.integer(1, MaxTLBEntries)
	count := in.integer(0, maxOperations)
	if tlbEntries < 0 || count < 0 {
		invalid("the first line must be the TLB size (1 to 4096) and the number of operations (0 to 1000000)")
		return
	}
	// Everything is read and checked before the MMU runs: bad input prints nothing else.
	operations := make([]operation, count)
	for i := range operations {
		o, why := in.readOperation(i + 1)
		if why != "" {
			invalid("%s", why)
			return
		}
		operations[i] = o
	}
	if len(in.next()) > 0 {
		invalid("there are more operations than the first line says (%d)", count)
		return
	}

	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	m := NewMMU(int(tlbEntries))
	needs := [...]int{opRead: PermR, opWrite: PermW, opExec: PermX}
	var accesses, hits, notPresent, protection, peak int
	line := make([]byte, 0, 64)
	for i, o := range operations {
		line = line[:0]
		switch o.kind {
		case opMap:
			if m.Map(o.value, o.frame, o.perms) {
				line = append(line, "remapped tables="...)
			} else {
				line = append(line, "mapped tables="...)
			}
		case opUnmap:
			if !m.Unmap(o.value) {
				out.WriteString("not-mapped\n")
				continue
			}
			line = append(line, "unmapped tables="...)
		case opProtect:
			if m.Protect(o.value, o.perms) {
				out.WriteString("protected\n")
			} else {
				out.WriteString("not-mapped\n")
			}
			continue
		default:
			hit, outcome, physical := m.Access(o.value, needs[o.kind])
			if outcome != Translated && outcome != NotPresent && outcome != Protection {
				// What came before, then the message, status 0, like malformed input.
				out.Flush()
				fmt.Printf("invalid result: operation %d: the outcome is none of translated, not-present and protection\n", i+1)
				return
			}
			accesses++
			if hit {
				hits++
				line = append(line, "hit "...)
			} else {
				line = append(line, "miss "...)
			}
			switch outcome {
			case Translated:
				line = appendAddress(line, physical)
			case NotPresent:
				notPresent++
				line = append(line, "not-present"...)
			default:
				protection++
				line = append(line, "protection"...)
			}
			out.Write(append(line, '\n'))
			continue
		}
		// A map or an unmap that changed the table: the tables in use after it.
		tables := m.Tables()
		if tables > peak {
			peak = tables
		}
		out.Write(append(strconv.AppendInt(line, int64(tables), 10), '\n'))
	}
	fmt.Fprintf(out, "TOTAL accesses=%d hits=%d misses=%d not-present=%d protection=%d tables=%d peak=%d\n",
		accesses, hits, accesses-hits, notPresent, protection, m.Tables(), peak)
}

// appendAddress appends "0x" and the address in eight lowercase hex digits.
func appendAddress(line []byte, address uint32) []byte {
	const hex = "0123456789abcdef"
	line = append(line, '0', 'x')
	for shift := 28; shift >= 0; shift -= 4 {
		line = append(line, hex[address>>shift&0xf])
	}
	return line
}

// The driver: reads the scenarios, runs each one's operations on your allocator, keeps track of what
// each allocation got, and prints the results. Input is read in one go and output goes through a
// large buffer: tests have a million operations.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
)

// Allocator is one scenario's buddy allocator over a memory of 2^maxOrder pages (maxOrder 0 .. 24);
// a block of order k is 2^k pages starting at a multiple of 2^k. NewAllocator makes one per
// scenario: all memory is one free block of order maxOrder at page 0.
type Allocator interface {
	// Alloc takes a block of 2^order pages (order <= maxOrder) as the statement's rules choose it:
	// its start, or -1 when no free block is large enough.
	Alloc(order int) int
	// Free frees the block of order at start (one Alloc returned and not yet freed), merging it with
	// its buddy while the buddy is free and whole, and returns the block it ends as.
	Free(start, order int) (mergedStart, mergedOrder int)
	// FreeBlocks reports every free block with report(order, start), in any order.
	FreeBlocks(report func(order, start int))
}

const (
	maxScenarios       = 20
	maxOrder           = 24
	maxOperations      = 1000000
	maxOperationsInAll = 2000000
	maxPages           = 1 << maxOrder
)

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

// integer returns the next token as an integer in [min, max], or -1.
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

// invalid ends the run on malformed input with a message on standard output and status 0, so that
// running your own input shows the message next to the reference's identical one.
func invalid(format string, args ...any) {
	fmt.Printf("invalid input: "+format+"\n", args...)
}

type operationKind uint8

const (
	allocOperation operationKind = iota
	freeOperation
	dumpOperation
)

type scenario struct {
	maxOrder int
	full     bool // a full report: a line per operation
	kinds    []operationKind
	values   []int32 // the pages of an alloc, the k of a free
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	in := &tokens{data: data}
	count := in.integer(1, maxScenarios)
	if count < 0 {
		invalid("the first line must be the number of scenarios (1 to 20)")
		return
	}
	// Everything is read and checked before anything runs: bad input prints nothing else.
	scenarios := make([]scenario, 0, count)
	inAll := int64(0)
	for k := 1; k <= int(count); k++ {
		memoryOrder := in.integer(0, maxOrder)
		if memoryOrder < 0 {
			invalid("scenario %d: M must be 0 to 24", k)
			return
		}
		q := in.integer(1, maxOperations)
		if q < 0 {
			invalid("scenario %d: the number of operations must be 1 to 1000000", k)
			return
		}
		if inAll += q; inAll > maxOperationsInAll {
			invalid("scenario %d: the scenarios have more than 2000000 operations in all", k)
			return
		}
		var full bool
		switch string(in.next()) {
		case "full":
			full = true
		case "summary":
		default:
			invalid("scenario %d: the report must be full or summary", k)
			return
		}
		s := scenario{int(memoryOrder), full, make([]operationKind, q), make([]int32, q)}
		for i := range s.kinds {
			switch string(in.next()) {
			case "alloc":
				pages := in.integer(1, maxPages)
				if pages < 0 {
					invalid("scenario %d, operation %d: pages must be 1 to 16777216", k, i+1)
					return
				}
				s.kinds[i], s.values[i] = allocOperation, int32(pages)
			case "free":
				which := in.integer(1, maxOperations)
				if which < 0 {
					invalid("scenario %d, operation %d: k must be 1 to 1000000", k, i+1)
					return
				}
				s.kinds[i], s.values[i] = freeOperation, int32(which)
			case "dump":
				s.kinds[i] = dumpOperation
			default:
				invalid("scenario %d, operation %d: must be alloc <pages>, free <k> or dump", k, i+1)
				return
			}
		}
		scenarios = append(scenarios, s)
	}
	if len(in.next()) > 0 {
		invalid("there is more input after the last scenario (the first line says %d)", count)
		return
	}

	r := &runner{out: bufio.NewWriterSize(os.Stdout, 1<<20), line: make([]byte, 0, 64)}
	for _, s := range scenarios {
		r.run(s)
	}
	r.out.Flush()
}

// runner runs the scenarios on the allocators and prints what they do: one for the whole run.
type runner struct {
	out    *bufio.Writer
	line   []byte
	blocks []int64 // the free blocks reported: order above 32 bits, start below, so they sort by order, then start
}

// fail ends the run on an allocator that breaks the API's promises like malformed input: what was
// printed so far (the earlier scenarios, and this one's lines up to the mistake), then the message,
// status 0.
func (r *runner) fail(format string, args ...any) {
	r.out.Flush()
	fmt.Printf("invalid allocator: "+format+"\n", args...)
	os.Exit(0)
}

// isBlock tells whether the block of order at start is a block of a memory of 2^maxOrder pages.
func isBlock(maxOrder, start, order int) bool {
	return order >= 0 && order <= maxOrder && start >= 0 && start < 1<<maxOrder && start%(1<<order) == 0
}

// freeBlocks gathers the allocator's free blocks into r.blocks, sorted, and checks them against the
// pages not allocated.
func (r *runner) freeBlocks(a Allocator, maxOrder int, unallocated int64) {
	r.blocks = r.blocks[:0]
	pages := int64(0)
	a.FreeBlocks(func(order, start int) {
		if !isBlock(maxOrder, start, order) {
			r.fail("a free block of order %d at %d is not a block of the memory (pages 0 to %d, starts a multiple of 2^order)",
				order, start, 1<<maxOrder-1)
		}
		r.blocks = append(r.blocks, int64(order)<<32|int64(start))
		pages += 1 << order
	})
	if pages != unallocated {
		r.fail("the free blocks add up to %d pages, but %d pages are not allocated", pages, unallocated)
	}
	sort.Slice(r.blocks, func(i, j int) bool { return r.blocks[i] < r.blocks[j] })
}

func (r *runner) run(s scenario) {
	maxOrder := s.maxOrder
	memory := int64(1) << maxOrder
	// Per allocation (1-based): its start while it is allocated, else -1; its order and pages.
	starts := make([]int32, 1, len(s.kinds)+1)
	orders := make([]uint8, 1, len(s.kinds)+1)
	pagesOf := make([]int32, 1, len(s.kinds)+1)
	used, waste := int64(0), int64(0)
	var allocated, failed, allocStarts, freed, nothing, mergedOrders int64
	// write prints a line of a full report; a summary leaves them out.
	write := func(line []byte) {
		if s.full {
			r.out.Write(line)
		}
	}
	a := NewAllocator(maxOrder)
	for i, kind := range s.kinds {
		switch kind {
		case allocOperation:
			k, pages, order := len(starts), int(s.values[i]), 0
			for 1<<order < pages {
				order++
			}
			got := -1
			if order <= maxOrder {
				got = a.Alloc(order)
			}
			if got != -1 && !isBlock(maxOrder, got, order) {
				r.fail("alloc(order %d) returned %d: a block of order %d starts at a multiple of %d, within pages 0 to %d",
					order, got, order, 1<<order, memory-1)
			}
			r.line = strconv.AppendInt(append(r.line[:0], 'A'), int64(k), 10)
			if got == -1 {
				starts, orders, pagesOf = append(starts, -1), append(orders, 0), append(pagesOf, 0)
				failed++
				write(append(r.line, " fail\n"...))
				continue
			}
			allocated++
			allocStarts += int64(got)
			starts, orders, pagesOf = append(starts, int32(got)), append(orders, uint8(order)), append(pagesOf, int32(pages))
			used += 1 << order
			waste += 1<<order - int64(pages)
			r.line = strconv.AppendInt(append(r.line, ' '), int64(got), 10)
			r.line = strconv.AppendInt(append(r.line, ' '), int64(order), 10)
			write(append(r.line, '\n'))
		case freeOperation:
			k := int(s.values[i])
			r.line = strconv.AppendInt(append(r.line[:0], 'F'), int64(k), 10)
			if k >= len(starts) || starts[k] == -1 {
				nothing++
				write(append(r.line, " not allocated\n"...))
				continue
			}
			start, order := int(starts[k]), int(orders[k])
			mergedStart, mergedOrder := a.Free(start, order)
			if !isBlock(maxOrder, mergedStart, mergedOrder) || mergedOrder < order ||
				start < mergedStart || start >= mergedStart+1<<mergedOrder {
				r.fail("free(%d, order %d) gave the block of order %d at %d, which is not a block of the memory holding the freed one",
					start, order, mergedOrder, mergedStart)
			}
			freed++
			mergedOrders += int64(mergedOrder)
			starts[k] = -1
			used -= 1 << order
			waste -= 1<<order - int64(pagesOf[k])
			r.line = strconv.AppendInt(append(r.line, ' '), int64(mergedStart), 10)
			r.line = strconv.AppendInt(append(r.line, ' '), int64(mergedOrder), 10)
			write(append(r.line, '\n'))
		case dumpOperation:
			if !s.full {
				continue // a summary prints no dumps
			}
			r.freeBlocks(a, maxOrder, memory-used)
			r.line = append(r.line[:0], 'D')
			if len(r.blocks) == 0 {
				r.line = append(r.line, " -"...)
			}
			for j, block := range r.blocks {
				if j == 0 || block>>32 != r.blocks[j-1]>>32 {
					r.line = strconv.AppendInt(append(r.line, ' '), block>>32, 10)
					r.line = append(r.line, ':')
				} else {
					r.line = append(r.line, ',')
				}
				r.line = strconv.AppendInt(r.line, block&0xffffffff, 10)
			}
			r.out.Write(append(r.line, '\n'))
		}
	}
	r.freeBlocks(a, maxOrder, memory-used)
	largest := int64(0)
	if len(r.blocks) > 0 {
		largest = 1 << (r.blocks[len(r.blocks)-1] >> 32)
	}
	r.line = strconv.AppendInt(append(r.line[:0], "ALLOCS "...), allocated, 10)
	r.line = strconv.AppendInt(append(r.line, ' '), failed, 10)
	r.line = strconv.AppendInt(append(r.line, ' '), allocStarts, 10)
	r.line = strconv.AppendInt(append(r.line, "\nFREES "...), freed, 10)
	r.line = strconv.AppendInt(append(r.line, ' '), nothing, 10)
	r.line = strconv.AppendInt(append(r.line, ' '), mergedOrders, 10)
	r.out.Write(append(r.line, '\n'))
	r.line = strconv.AppendInt(append(r.line[:0], "END "...), memory-used, 10)
	r.line = strconv.AppendInt(append(r.line, ' '), largest, 10)
	r.line = strconv.AppendInt(append(r.line, ' '), waste, 10)
	r.out.Write(append(r.line, '\n'))
}

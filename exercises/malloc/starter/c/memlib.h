/* The heap your allocator manages (read-only; the harness implements it). Like the kernel's brk, it is
 * one range of memory that only grows: it starts empty at mem_heap_lo(), and mem_sbrk(n) moves its end
 * (the break) n bytes up and returns the old end, the start of the n new bytes. The range is reserved
 * up front, MEM_MAX_HEAP bytes, so the heap never moves; past that, mem_sbrk refuses. This is all the
 * memory your allocator may hand out: the C library's malloc, mmap, sbrk and brk are not for it. */
#ifndef MEMLIB_H
#define MEMLIB_H

#include <stddef.h>
#include <stdint.h>

/* The most the heap can grow to: 64 MiB. */
#define MEM_MAX_HEAP ((size_t)64 * 1024 * 1024)

/* Grows the heap by `incr` bytes (0 or more) and returns the start of the new bytes (the old break,
 * 16-byte aligned when every increment so far was a multiple of 16), or (void *)-1 when the heap would
 * grow past MEM_MAX_HEAP or `incr` is negative (the heap never shrinks). New bytes are not zeroed. */
void *mem_sbrk(intptr_t incr);

/* The heap's first byte, and its last (mem_heap_lo() - 1 while it is empty). */
void *mem_heap_lo(void);
void *mem_heap_hi(void);

/* The heap's size in bytes: mem_heap_hi() - mem_heap_lo() + 1. */
size_t mem_heapsize(void);

#endif

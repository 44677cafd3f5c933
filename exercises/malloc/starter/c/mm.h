/* The allocator you implement in mm.c: malloc, free, realloc and calloc over the heap of memlib.h,
 * with one of three placement policies. The harness calls mm_init once, then the others in any order
 * a program would; it runs on one thread.
 *
 * Every block you return holds at least the bytes asked for, starts at a multiple of MM_ALIGNMENT,
 * lies inside the heap (between mem_heap_lo() and mem_heap_hi()) and overlaps no other allocated
 * block; its bytes are the caller's until it is freed: your bookkeeping lives outside them.
 *
 * Placement: a request is served from a free block large enough for it, chosen by the policy; when
 * none is large enough the heap grows (mem_sbrk). A free block larger than the request is split: the
 * block allocated is its LOWER part, and the rest (when it can hold a block of its own) stays free.
 * A freed block is merged at once with the free blocks next to it in memory, below and above
 * (coalescing), so two free blocks are never neighbours.
 *   MM_FIRST_FIT  the free block with the lowest address that is large enough;
 *   MM_BEST_FIT   the smallest free block that is large enough (among equal sizes, the lowest address);
 *   MM_NEXT_FIT   the first large-enough free block at or above the rover, wrapping round to the
 *                 lowest address; the rover is where the last search ended: after an allocation it is
 *                 the free rest of the block that was split, or (nothing left) the next free block
 *                 above it. If the rover's block is merged into another, the rover moves to the merged
 *                 block. */
#ifndef MM_H
#define MM_H

#include <stddef.h>

#define MM_ALIGNMENT 16

#define MM_FIRST_FIT 0
#define MM_BEST_FIT 1
#define MM_NEXT_FIT 2

/* Starts an empty allocator with placement `policy` (MM_FIRST_FIT, MM_BEST_FIT or MM_NEXT_FIT) over an
 * empty heap. Returns 0, or -1 if it cannot start. */
int mm_init(int policy);

/* A block of at least `size` bytes, or NULL when the heap cannot grow enough for it (mem_sbrk
 * refused). mm_malloc(0) may return NULL or a block of its own (which the caller frees). */
void *mm_malloc(size_t size);

/* Frees a block mm_malloc, mm_calloc or mm_realloc returned and that is not freed yet; mm_free(NULL)
 * does nothing. */
void mm_free(void *ptr);

/* Resizes the block at `ptr` to `size` bytes, keeping its first min(old size, size) bytes, and
 * returns where it is now (it may move: then the old block is freed). mm_realloc(NULL, size) is
 * mm_malloc(size); mm_realloc(ptr, 0) frees the block and returns NULL. When there is no room it
 * returns NULL and the old block stays as it was. */
void *mm_realloc(void *ptr, size_t size);

/* A block for `count` elements of `size` bytes, every byte zero; NULL when count * size overflows
 * size_t or does not fit. A product of 0 is as mm_malloc(0). */
void *mm_calloc(size_t count, size_t size);

#endif

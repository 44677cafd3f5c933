/* Your allocator: see mm.h for the contract and memlib.h for the heap. Every block needs its size and
 * whether it is allocated where you can find them from its payload pointer (a header just below it),
 * and, to merge a freed block with the one below it, that block's size too (a footer at the end of
 * each block: boundary tags). Keep the free blocks in a list of your own, linked through their unused
 * payloads. The C library's malloc, calloc, realloc and free, mmap, sbrk and brk are refused: all
 * memory comes from mem_sbrk. This starter compiles, but allocates nothing. */
#include <stdint.h>
#include <string.h>
#include "memlib.h"
#include "mm.h"

static int placement;

int mm_init(int policy) {
    placement = policy;
    return 0; /* TODO: the heap's first words (a prologue and an epilogue make the edges easy) */
}

void *mm_malloc(size_t size) {
    (void)size;
    return NULL; /* TODO: round the size up, find a free block by the policy or grow the heap, split it */
}

void mm_free(void *ptr) {
    (void)ptr; /* TODO: mark it free and merge it with the free blocks below and above it */
}

void *mm_realloc(void *ptr, size_t size) {
    (void)ptr;
    (void)size;
    return NULL; /* TODO: NULL is malloc; 0 is free; otherwise resize in place when you can, or move */
}

void *mm_calloc(size_t count, size_t size) {
    (void)count;
    (void)size;
    return NULL; /* TODO: check count * size for overflow, allocate, zero */
}

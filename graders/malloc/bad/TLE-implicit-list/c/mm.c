/* The textbook's first allocator (CS:APP 9.9.12): an implicit list, boundary tags and immediate
 * coalescing, every search walking the blocks from the heap's start, allocated ones included. Right
 * for every policy, and as many steps per request as the heap has blocks. */
#include <stdint.h>
#include <string.h>
#include "memlib.h"
#include "mm.h"

#define WORD 8
#define TAGS (2 * WORD)
#define MIN_BLOCK 32

static int placement;
static uint8_t *first_block, *rover;

static inline size_t size_of(uint8_t *bp) {
    return *(size_t *)(bp - WORD) & ~(size_t)15;
}
static inline int is_allocated(uint8_t *bp) {
    return (int)(*(size_t *)(bp - WORD) & 1);
}
static inline uint8_t *next_block(uint8_t *bp) {
    return bp + size_of(bp);
}
static inline uint8_t *prev_block(uint8_t *bp) {
    return bp - (*(size_t *)(bp - TAGS) & ~(size_t)15);
}
static inline void set_tags(uint8_t *bp, size_t size, int allocated) {
    *(size_t *)(bp - WORD) = size | (size_t)allocated;
    *(size_t *)(bp + size - TAGS) = size | (size_t)allocated;
}

static uint8_t *coalesce(uint8_t *bp) {
    uint8_t *prev = prev_block(bp), *next = next_block(bp);
    size_t size = size_of(bp);
    if (!is_allocated(next)) {
        if (rover == next) rover = bp;
        size += size_of(next);
    }
    if (!is_allocated(prev)) {
        if (rover == bp) rover = prev;
        size += size_of(prev);
        bp = prev;
    }
    set_tags(bp, size, 0);
    return bp;
}

static uint8_t *find_fit(size_t asize) {
    uint8_t *best = NULL;
    if (placement == MM_NEXT_FIT && rover) {
        for (uint8_t *bp = rover; size_of(bp) > 0; bp = next_block(bp))
            if (!is_allocated(bp) && size_of(bp) >= asize) return bp;
    }
    for (uint8_t *bp = first_block; size_of(bp) > 0; bp = next_block(bp)) {
        if (placement == MM_NEXT_FIT && bp == rover) break;
        if (is_allocated(bp) || size_of(bp) < asize) continue;
        if (placement != MM_BEST_FIT) return bp;
        if (!best || size_of(bp) < size_of(best)) best = bp;
    }
    return best;
}

static uint8_t *place(uint8_t *bp, size_t asize) {
    size_t size = size_of(bp);
    if (size - asize >= MIN_BLOCK) {
        set_tags(bp, asize, 1);
        set_tags(next_block(bp), size - asize, 0);
        rover = next_block(bp);
    } else {
        set_tags(bp, size, 1);
        rover = next_block(bp);
        while (size_of(rover) > 0 && is_allocated(rover)) rover = next_block(rover);
        if (size_of(rover) == 0) rover = NULL;
    }
    return bp;
}

static uint8_t *extend(size_t asize) {
    uint8_t *end = (uint8_t *)mem_heap_hi() + 1;
    uint8_t *last = prev_block(end);
    size_t have = is_allocated(last) ? 0 : size_of(last);
    uint8_t *bp = mem_sbrk((intptr_t)(asize - have));
    if (bp == (void *)-1) return NULL;
    set_tags(bp, asize - have, 0);
    *(size_t *)(next_block(bp) - WORD) = 1;
    return coalesce(bp);
}

static size_t adjusted(size_t size) {
    size_t asize = (size + TAGS + 15) & ~(size_t)15;
    return asize < MIN_BLOCK ? MIN_BLOCK : asize;
}

int mm_init(int policy) {
    placement = policy;
    rover = NULL;
    size_t *start = mem_sbrk(4 * WORD);
    if (start == (void *)-1) return -1;
    start[0] = 0;
    start[1] = TAGS | 1;
    start[2] = TAGS | 1;
    start[3] = 1;
    first_block = (uint8_t *)(start + 4);
    return 0;
}

void *mm_malloc(size_t size) {
    if (size == 0 || size > MEM_MAX_HEAP) return NULL;
    size_t asize = adjusted(size);
    uint8_t *bp = find_fit(asize);
    if (!bp && !(bp = extend(asize))) return NULL;
    return place(bp, asize);
}

void mm_free(void *ptr) {
    if (!ptr) return;
    set_tags(ptr, size_of(ptr), 0);
    coalesce(ptr);
}

void *mm_realloc(void *ptr, size_t size) {
    if (!ptr) return mm_malloc(size);
    if (size == 0) {
        mm_free(ptr);
        return NULL;
    }
    if (size > MEM_MAX_HEAP) return NULL;
    size_t have = size_of(ptr);
    if (adjusted(size) <= have) return ptr;
    void *moved = mm_malloc(size);
    if (!moved) return NULL;
    memcpy(moved, ptr, have - TAGS);
    mm_free(ptr);
    return moved;
}

void *mm_calloc(size_t count, size_t size) {
    size_t total;
    if (__builtin_mul_overflow(count, size, &total)) return NULL;
    void *p = mm_malloc(total);
    if (p) memset(p, 0, total);
    return p;
}

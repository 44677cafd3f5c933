/* The reference whose best fit takes the last of equally small blocks its walk meets (<= for <): a
 * tie goes to the highest address, where the statement says the lowest. */
#include <stdint.h>
#include <string.h>
#include "memlib.h"
#include "mm.h"

#define WORD 8
#define TAGS (2 * WORD)
#define MIN_BLOCK 32
#define ALLOCATED 1

struct free_links {
    struct free_links *next, *prev;
};

static int placement;
static uint8_t *heap_start; /* the first block's payload */
static struct free_links *head, *rover, *finger;

/* A block is known by its payload pointer; its header is the word before it. */
static inline size_t *header(void *bp) {
    return (size_t *)((uint8_t *)bp - WORD);
}
static inline size_t size_of(void *bp) {
    return *header(bp) & ~(size_t)15;
}
static inline int is_allocated(void *bp) {
    return (int)(*header(bp) & ALLOCATED);
}
static inline size_t *footer(void *bp) {
    return (size_t *)((uint8_t *)bp + size_of(bp) - TAGS);
}
static inline void *next_block(void *bp) {
    return (uint8_t *)bp + size_of(bp);
}
static inline void *prev_block(void *bp) {
    size_t prev_size = *(size_t *)((uint8_t *)bp - TAGS) & ~(size_t)15;
    return (uint8_t *)bp - prev_size;
}
static inline void set_tags(void *bp, size_t size, int allocated) {
    *header(bp) = size | (size_t)allocated;
    *(size_t *)((uint8_t *)bp + size - TAGS) = size | (size_t)allocated;
}

/* ---- the free list, in address order ---- */
static void unlink_block(struct free_links *b) {
    if (b->prev) b->prev->next = b->next;
    else head = b->next;
    if (b->next) b->next->prev = b->prev;
    if (finger == b) finger = b->prev;
}

/* Puts `b` where `old` was in the list (b takes old's place in address order). */
static void replace(struct free_links *old, struct free_links *b) {
    b->next = old->next;
    b->prev = old->prev;
    if (b->prev) b->prev->next = b;
    else head = b;
    if (b->next) b->next->prev = b;
    if (rover == old) rover = b;
    if (finger == old) finger = b;
}

/* Links `b` in after `before` (NULL: at the head). */
static void link_after(struct free_links *before, struct free_links *b) {
    struct free_links *after = before ? before->next : head;
    b->prev = before;
    b->next = after;
    if (before) before->next = b;
    else head = b;
    if (after) after->prev = b;
}

static void link_in_order(struct free_links *b) {
    struct free_links *before = finger && finger < b ? finger : NULL;
    struct free_links *after = before ? before->next : head;
    while (after && after < b) before = after, after = after->next;
    b->prev = before;
    b->next = after;
    if (before) before->next = b;
    else head = b;
    if (after) after->prev = b;
    finger = b;
}

/* Frees block bp (its tags not yet marked free) and merges it with its free neighbours. */
static void *release(void *bp) {
    size_t size = size_of(bp);
    void *prev = prev_block(bp), *next = next_block(bp);
    int prev_free = !is_allocated(prev), next_free = !is_allocated(next);
    if (prev_free && next_free) {
        struct free_links *n = next;
        unlink_block(n);
        if (rover == n) rover = prev;
        set_tags(prev, size_of(prev) + size + size_of(next), 0);
        return prev;
    }
    if (prev_free) {
        set_tags(prev, size_of(prev) + size, 0);
        return prev;
    }
    if (next_free) {
        struct free_links *n = next;
        set_tags(bp, size + size_of(next), 0);
        replace(n, bp);
        return bp;
    }
    set_tags(bp, size, 0);
    link_in_order(bp);
    return bp;
}

/* Takes `asize` bytes from the lower part of free block bp; the rest stays free in bp's place. */
static void *place(void *bp, size_t asize) {
    size_t size = size_of(bp);
    struct free_links *b = bp;
    if (size - asize >= MIN_BLOCK) {
        set_tags(bp, asize, ALLOCATED);
        void *rest = next_block(bp);
        set_tags(rest, size - asize, 0);
        replace(b, rest);
        rover = rest;
    } else {
        rover = b->next;
        unlink_block(b);
        set_tags(bp, size, ALLOCATED);
    }
    return bp;
}

static void *find_fit(size_t asize) {
    if (placement == MM_BEST_FIT) {
        struct free_links *best = NULL;
        for (struct free_links *b = head; b; b = b->next) {
            size_t size = size_of(b);
            if (size >= asize && (!best || size <= size_of(best))) {
                best = b;
                if (size == asize) break;
            }
        }
        return best;
    }
    if (placement == MM_NEXT_FIT) {
        for (struct free_links *b = rover; b; b = b->next)
            if (size_of(b) >= asize) return b;
        for (struct free_links *b = head; b && b != rover; b = b->next)
            if (size_of(b) >= asize) return b;
        return NULL;
    }
    for (struct free_links *b = head; b; b = b->next)
        if (size_of(b) >= asize) return b;
    return NULL;
}

/* Grows the heap so that a free block of at least `asize` bytes ends it; returns that block. */
static void *extend(size_t asize) {
    uint8_t *epilogue = (uint8_t *)mem_heap_hi() + 1;
    void *last = prev_block(epilogue);
    size_t have = is_allocated(last) ? 0 : size_of(last);
    uint8_t *bp = mem_sbrk((intptr_t)(asize - have));
    if (bp == (void *)-1) return NULL;
    /* The old epilogue's header becomes the new block's. */
    set_tags(bp, asize - have, ALLOCATED);
    *header(next_block(bp)) = ALLOCATED; /* the new epilogue */
    return release(bp);
}

static size_t adjusted(size_t size) {
    size_t asize = (size + TAGS + 15) & ~(size_t)15;
    return asize < MIN_BLOCK ? MIN_BLOCK : asize;
}

int mm_init(int policy) {
    placement = policy;
    head = rover = finger = NULL;
    /* Padding, the prologue's header and footer (an allocated block of 16), the epilogue's header. */
    size_t *start = mem_sbrk(4 * WORD);
    if (start == (void *)-1) return -1;
    start[0] = 0;
    start[1] = TAGS | ALLOCATED;
    start[2] = TAGS | ALLOCATED;
    start[3] = ALLOCATED;
    heap_start = (uint8_t *)(start + 4);
    return 0;
}

void *mm_malloc(size_t size) {
    if (size == 0 || size > MEM_MAX_HEAP) return NULL;
    size_t asize = adjusted(size);
    void *bp = find_fit(asize);
    if (!bp && !(bp = extend(asize))) return NULL;
    return place(bp, asize);
}

void mm_free(void *ptr) {
    if (ptr) release(ptr);
}

void *mm_realloc(void *ptr, size_t size) {
    if (!ptr) return mm_malloc(size);
    if (size == 0) {
        mm_free(ptr);
        return NULL;
    }
    if (size > MEM_MAX_HEAP) return NULL;
    size_t asize = adjusted(size), have = size_of(ptr);
    if (asize <= have) {
        if (have - asize >= MIN_BLOCK) {
            set_tags(ptr, asize, ALLOCATED);
            void *rest = next_block(ptr);
            set_tags(rest, have - asize, ALLOCATED);
            release(rest);
        }
        return ptr;
    }
    void *next = next_block(ptr);
    if (!is_allocated(next) && have + size_of(next) >= asize) {
        /* Grow into the free block above: it is split, its rest keeping its place in the list. It
         * leaves the list first: the rest's header may fall on its links. */
        struct free_links *n = next, *before = n->prev, *after = n->next;
        int had_rover = rover == n;
        size_t total = have + size_of(next);
        unlink_block(n);
        if (total - asize >= MIN_BLOCK) {
            set_tags(ptr, asize, ALLOCATED);
            struct free_links *rest = next_block(ptr);
            set_tags(rest, total - asize, 0);
            link_after(before, rest);
            if (had_rover) rover = rest;
        } else {
            set_tags(ptr, total, ALLOCATED);
            if (had_rover) rover = after;
        }
        return ptr;
    }
    if (size_of(next) == 0 || (!is_allocated(next) && size_of(next_block(next)) == 0)) {
        /* The block ends the heap (or only a free block follows it): grow the heap under it. */
        size_t tail = is_allocated(next) ? 0 : size_of(next);
        if (tail) {
            struct free_links *n = next;
            if (rover == n) rover = n->next;
            unlink_block(n);
        }
        uint8_t *bp = mem_sbrk((intptr_t)(asize - have - tail));
        if (bp == (void *)-1) {
            if (tail) {
                set_tags(next, tail, ALLOCATED);
                release(next);
            }
            return NULL;
        }
        set_tags(ptr, asize, ALLOCATED);
        *header(next_block(ptr)) = ALLOCATED;
        return ptr;
    }
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

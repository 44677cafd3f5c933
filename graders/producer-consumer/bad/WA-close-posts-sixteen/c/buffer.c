/* Wrong: two counting semaphores and a mutex, and close posts each semaphore 16 times, "enough for
 * every waiter"; a thread woken by close does not pass the post on. With more than 16 threads
 * waiting (32 consumers on an empty buffer), the rest sleep on past the close. */
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
    for (int i = 0; !was_closed && i < 16; i++) {
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

/* Wrong: everything is in the shared memory, but the mutex and the conditions get default
 * attributes (NULL), as in a threaded program. glibc then uses private futexes, keyed by the
 * process: a wakeup sent in one process never reaches a waiter in the other, so the first time a
 * process has to sleep (on the lock or on a condition) it sleeps for ever. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include "ring.h"

struct ring {
    pthread_mutex_t lock;
    pthread_cond_t not_full, not_empty;
    uint64_t head, tail;
    size_t capacity, message_size;
    int closed;
};

static size_t header_bytes(void) {
    return (sizeof(struct ring) + 63) / 64 * 64;
}

static unsigned char *slot(struct ring *r, uint64_t position) {
    return (unsigned char *)r + header_bytes() + (size_t)(position % r->capacity) * r->message_size;
}

size_t ring_bytes(size_t capacity, size_t message_size) {
    return header_bytes() + capacity * message_size;
}

int ring_init(void *memory, size_t capacity, size_t message_size) {
    struct ring *r = memory;
    if (pthread_mutex_init(&r->lock, NULL) || pthread_cond_init(&r->not_full, NULL) || pthread_cond_init(&r->not_empty, NULL)) return -1;
    r->head = r->tail = 0;
    r->capacity = capacity;
    r->message_size = message_size;
    r->closed = 0;
    return 0;
}

int ring_put(void *memory, const void *message) {
    struct ring *r = memory;
    pthread_mutex_lock(&r->lock);
    while (!r->closed && r->tail - r->head == r->capacity) pthread_cond_wait(&r->not_full, &r->lock);
    if (r->closed) {
        pthread_mutex_unlock(&r->lock);
        return -1;
    }
    memcpy(slot(r, r->tail), message, r->message_size);
    r->tail++;
    pthread_cond_signal(&r->not_empty);
    pthread_mutex_unlock(&r->lock);
    return 0;
}

int ring_get(void *memory, void *message) {
    struct ring *r = memory;
    pthread_mutex_lock(&r->lock);
    while (!r->closed && r->tail == r->head) pthread_cond_wait(&r->not_empty, &r->lock);
    if (r->tail == r->head) {
        pthread_mutex_unlock(&r->lock);
        return -1;
    }
    memcpy(message, slot(r, r->head), r->message_size);
    r->head++;
    pthread_cond_signal(&r->not_full);
    pthread_mutex_unlock(&r->lock);
    return 0;
}

void ring_close(void *memory) {
    struct ring *r = memory;
    pthread_mutex_lock(&r->lock);
    r->closed = 1;
    pthread_cond_broadcast(&r->not_full);
    pthread_cond_broadcast(&r->not_empty);
    pthread_mutex_unlock(&r->lock);
}

void ring_destroy(void *memory) {
    struct ring *r = memory;
    pthread_cond_destroy(&r->not_full);
    pthread_cond_destroy(&r->not_empty);
    pthread_mutex_destroy(&r->lock);
}

/* Wrong: the process-shared mutex and conditions and the slots are in the shared memory, but the
 * indices and the closed flag are in a control block ring_init mallocs, with its pointer kept in
 * the ring. After the fork each process has its own copy of the heap at the same address: the
 * pointer is valid in both, but the producer moves its own tail and the consumer never sees it. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ring.h"

struct control {
    uint64_t head, tail; /* messages taken out, put in */
    int closed;
};

struct ring {
    pthread_mutex_t lock;
    pthread_cond_t not_full, not_empty;
    struct control *control;
    size_t capacity, message_size;
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
    pthread_mutexattr_t ma;
    pthread_condattr_t ca;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
    pthread_condattr_init(&ca);
    pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
    int failed = pthread_mutex_init(&r->lock, &ma) || pthread_cond_init(&r->not_full, &ca) || pthread_cond_init(&r->not_empty, &ca);
    pthread_mutexattr_destroy(&ma);
    pthread_condattr_destroy(&ca);
    if (failed || !(r->control = calloc(1, sizeof *r->control))) return -1;
    r->capacity = capacity;
    r->message_size = message_size;
    return 0;
}

int ring_put(void *memory, const void *message) {
    struct ring *r = memory;
    struct control *c = r->control;
    pthread_mutex_lock(&r->lock);
    while (!c->closed && c->tail - c->head == r->capacity) pthread_cond_wait(&r->not_full, &r->lock);
    if (c->closed) {
        pthread_mutex_unlock(&r->lock);
        return -1;
    }
    memcpy(slot(r, c->tail), message, r->message_size);
    c->tail++;
    pthread_cond_signal(&r->not_empty);
    pthread_mutex_unlock(&r->lock);
    return 0;
}

int ring_get(void *memory, void *message) {
    struct ring *r = memory;
    struct control *c = r->control;
    pthread_mutex_lock(&r->lock);
    while (!c->closed && c->tail == c->head) pthread_cond_wait(&r->not_empty, &r->lock);
    if (c->tail == c->head) {
        pthread_mutex_unlock(&r->lock);
        return -1;
    }
    memcpy(message, slot(r, c->head), r->message_size);
    c->head++;
    pthread_cond_signal(&r->not_full);
    pthread_mutex_unlock(&r->lock);
    return 0;
}

void ring_close(void *memory) {
    struct ring *r = memory;
    pthread_mutex_lock(&r->lock);
    r->control->closed = 1;
    pthread_cond_broadcast(&r->not_full);
    pthread_cond_broadcast(&r->not_empty);
    pthread_mutex_unlock(&r->lock);
}

void ring_destroy(void *memory) {
    struct ring *r = memory;
    free(r->control);
    pthread_cond_destroy(&r->not_full);
    pthread_cond_destroy(&r->not_empty);
    pthread_mutex_destroy(&r->lock);
}

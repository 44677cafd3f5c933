/* Wrong: ring_init computes where the slots start and keeps that pointer in the header, to save an
 * addition on every call. It is an address in the parent's mapping: each process maps the ring at
 * an address of its own (and the parent's mapping is gone in the children), so the first put
 * writes through a stale pointer and the producer dies of SIGSEGV. Keep offsets, not pointers. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include "ring.h"

struct ring {
    pthread_mutex_t lock;
    pthread_cond_t not_full, not_empty;
    unsigned char *slots;
    uint64_t head, tail;
    size_t capacity, message_size;
    int closed;
};

static size_t header_bytes(void) {
    return (sizeof(struct ring) + 63) / 64 * 64;
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
    if (failed) return -1;
    r->slots = (unsigned char *)memory + header_bytes();
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
    memcpy(r->slots + (r->tail % r->capacity) * r->message_size, message, r->message_size);
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
    memcpy(message, r->slots + (r->head % r->capacity) * r->message_size, r->message_size);
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

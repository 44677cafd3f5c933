/* Wrong, and rarely seen to fail: ring_close sets the closed flag and broadcasts without taking the
 * ring's mutex ("a broadcast needs no lock"). A waiter that has checked the flag but not yet begun
 * to wait misses both, and waits for ever: the classic lost wakeup. The harness holds the waiter
 * the close must end at that very point (hold_before_waiting), so the window is always hit. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include "ring.h"

struct ring {
    pthread_mutex_t lock;
    pthread_cond_t not_full, not_empty;
    uint64_t head, tail; /* messages taken out, put in */
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
    pthread_mutexattr_t mutex_attributes;
    pthread_condattr_t cond_attributes;
    if (pthread_mutexattr_init(&mutex_attributes) || pthread_mutexattr_setpshared(&mutex_attributes, PTHREAD_PROCESS_SHARED)) return -1;
    if (pthread_condattr_init(&cond_attributes) || pthread_condattr_setpshared(&cond_attributes, PTHREAD_PROCESS_SHARED)) return -1;
    int failed = pthread_mutex_init(&r->lock, &mutex_attributes) || pthread_cond_init(&r->not_full, &cond_attributes) || pthread_cond_init(&r->not_empty, &cond_attributes);
    pthread_mutexattr_destroy(&mutex_attributes);
    pthread_condattr_destroy(&cond_attributes);
    if (failed) return -1;
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
    r->closed = 1;
    pthread_cond_broadcast(&r->not_full);
    pthread_cond_broadcast(&r->not_empty);
}

void ring_destroy(void *memory) {
    struct ring *r = memory;
    pthread_cond_destroy(&r->not_full);
    pthread_cond_destroy(&r->not_empty);
    pthread_mutex_destroy(&r->lock);
}

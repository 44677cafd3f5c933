/* Correct, but waits by spinning: lock, look at the ring, unlock, yield, look again. No condition
 * variable to get wrong, so it even survives the move between processes (the mutex is
 * process-shared), but a process waiting on an empty or a full ring burns a CPU the whole time. */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include "ring.h"

struct ring {
    pthread_mutex_t lock;
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
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
    int failed = pthread_mutex_init(&r->lock, &ma);
    pthread_mutexattr_destroy(&ma);
    if (failed) return -1;
    r->head = r->tail = 0;
    r->capacity = capacity;
    r->message_size = message_size;
    r->closed = 0;
    return 0;
}

int ring_put(void *memory, const void *message) {
    struct ring *r = memory;
    for (;;) {
        pthread_mutex_lock(&r->lock);
        if (r->closed) {
            pthread_mutex_unlock(&r->lock);
            return -1;
        }
        if (r->tail - r->head < r->capacity) break;
        pthread_mutex_unlock(&r->lock);
        sched_yield();
    }
    memcpy(slot(r, r->tail), message, r->message_size);
    r->tail++;
    pthread_mutex_unlock(&r->lock);
    return 0;
}

int ring_get(void *memory, void *message) {
    struct ring *r = memory;
    for (;;) {
        pthread_mutex_lock(&r->lock);
        if (r->tail != r->head) break;
        if (r->closed) {
            pthread_mutex_unlock(&r->lock);
            return -1;
        }
        pthread_mutex_unlock(&r->lock);
        sched_yield();
    }
    memcpy(message, slot(r, r->head), r->message_size);
    r->head++;
    pthread_mutex_unlock(&r->lock);
    return 0;
}

void ring_close(void *memory) {
    struct ring *r = memory;
    pthread_mutex_lock(&r->lock);
    r->closed = 1;
    pthread_mutex_unlock(&r->lock);
}

void ring_destroy(void *memory) {
    struct ring *r = memory;
    pthread_mutex_destroy(&r->lock);
}

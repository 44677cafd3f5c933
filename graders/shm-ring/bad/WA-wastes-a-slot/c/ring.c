/* Wrong: the textbook ring that keeps one slot empty to tell full from empty (head == tail is
 * empty, tail + 1 == head is full), but with only `capacity` slots: it holds capacity - 1
 * messages, so put waits one message early (and a ring of capacity 1 takes nothing at all). The
 * statement says so: a ring that keeps a slot free must allocate one more. */
#include <pthread.h>
#include <string.h>
#include "ring.h"

struct ring {
    pthread_mutex_t lock;
    pthread_cond_t not_full, not_empty;
    size_t head, tail, capacity, message_size;
    int closed;
};

#define HEADER ((sizeof(struct ring) + 63) / 64 * 64)

static unsigned char *slot(struct ring *r, size_t index) {
    return (unsigned char *)r + HEADER + index * r->message_size;
}

size_t ring_bytes(size_t capacity, size_t message_size) {
    return HEADER + capacity * message_size;
}

int ring_init(void *memory, size_t capacity, size_t message_size) {
    struct ring *r = memory;
    pthread_mutexattr_t ma;
    pthread_condattr_t ca;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
    pthread_condattr_init(&ca);
    pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
    if (pthread_mutex_init(&r->lock, &ma) || pthread_cond_init(&r->not_full, &ca) || pthread_cond_init(&r->not_empty, &ca)) return -1;
    pthread_mutexattr_destroy(&ma);
    pthread_condattr_destroy(&ca);
    r->head = r->tail = 0;
    r->capacity = capacity;
    r->message_size = message_size;
    r->closed = 0;
    return 0;
}

int ring_put(void *memory, const void *message) {
    struct ring *r = memory;
    pthread_mutex_lock(&r->lock);
    while (!r->closed && (r->tail + 1) % r->capacity == r->head) pthread_cond_wait(&r->not_full, &r->lock);
    if (r->closed) {
        pthread_mutex_unlock(&r->lock);
        return -1;
    }
    memcpy(slot(r, r->tail), message, r->message_size);
    r->tail = (r->tail + 1) % r->capacity;
    pthread_cond_signal(&r->not_empty);
    pthread_mutex_unlock(&r->lock);
    return 0;
}

int ring_get(void *memory, void *message) {
    struct ring *r = memory;
    pthread_mutex_lock(&r->lock);
    while (!r->closed && r->head == r->tail) pthread_cond_wait(&r->not_empty, &r->lock);
    if (r->head == r->tail) {
        pthread_mutex_unlock(&r->lock);
        return -1;
    }
    memcpy(message, slot(r, r->head), r->message_size);
    r->head = (r->head + 1) % r->capacity;
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

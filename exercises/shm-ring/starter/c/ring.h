/* The ring you implement in ring.c: a bounded FIFO of fixed-size messages in memory shared by two
 * processes. The harness maps the memory (MAP_SHARED), calls ring_init in the parent, then forks a
 * producer process that calls ring_put and a consumer process that calls ring_get; either may call
 * ring_close. Each process maps the memory at an address of its own: `memory` is not the same
 * pointer in the parent, the producer and the consumer, so keep offsets in the ring, never pointers.
 * The processes share nothing else: no heap, no globals, no descriptors. */
#ifndef RING_H
#define RING_H
#include <stddef.h>

/* How many bytes of shared memory a ring of `capacity` messages of `message_size` bytes needs, your
 * header included (capacity 1–4096, message_size 8–4096). */
size_t ring_bytes(size_t capacity, size_t message_size);

/* Sets up an empty, open ring in `memory`: ring_bytes(capacity, message_size) bytes, zeroed, aligned
 * to 64 bytes, shared between processes. Called once, in the parent, before the fork. Returns 0, or
 * -1 if it cannot (the harness then stops). */
int ring_init(void *memory, size_t capacity, size_t message_size);

/* Copies one message (message_size bytes) in at the back, waiting while the ring is full. Returns 0,
 * or -1 (nothing added) if the ring is closed, also when it is closed while this call waits. */
int ring_put(void *memory, const void *message);

/* Copies the message at the front into `message` (message_size bytes), waiting while the ring is
 * empty and open. Returns 0, or -1 once the ring is closed and empty. */
int ring_get(void *memory, void *message);

/* Closes the ring and wakes whoever waits, in either process: puts fail from now on; gets still
 * drain what is inside, then fail. Either process may close; closing twice is harmless. */
void ring_close(void *memory);

/* Releases what ring_init set up (process-shared mutexes, conditions, semaphores). Called once, in
 * the parent, after both processes have exited; the harness unmaps the memory itself. */
void ring_destroy(void *memory);

#endif

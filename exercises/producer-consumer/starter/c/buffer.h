/* The bounded blocking buffer you implement in buffer.c. Items are longs; the harness calls these
 * from many threads at once. */
#ifndef BUFFER_H
#define BUFFER_H
#include <stddef.h>

typedef struct bbuf bbuf; /* you define struct bbuf in buffer.c */

/* A new empty, open buffer holding at most `capacity` items (capacity >= 1). */
bbuf *bbuf_create(size_t capacity);

/* Adds `item` at the back, waiting while the buffer is full. Returns 0, or -1 (item not added) if
 * the buffer is closed, including when it is closed while this call waits. */
int bbuf_put(bbuf *b, long item);

/* Takes the item at the front into *item, waiting while the buffer is empty and open. Returns 0,
 * or -1 once the buffer is closed and empty. */
int bbuf_get(bbuf *b, long *item);

/* Closes the buffer and wakes every waiting thread: puts fail from now on; gets still drain what
 * is left, then fail. Closing twice is harmless. */
void bbuf_close(bbuf *b);

/* Frees the buffer; no thread uses it any more. */
void bbuf_destroy(bbuf *b);

#endif

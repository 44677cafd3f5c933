/* The key-value store you implement in kv.c, with snapshots taken the way Redis's BGSAVE takes them:
 * fork, and let the child write the store as it was at the fork while the parent goes on changing
 * it. The harness calls your functions from one thread.
 *
 * Keys are byte strings of 1 to KV_MAX_KEY bytes, values byte strings of 0 to KV_MAX_VALUE bytes;
 * either may hold any byte, zero included. kv_set and kv_del may be given keys and values in a
 * buffer the harness reuses at once: keep copies, not pointers.
 *
 * kv_snapshot(fd) forks. The child writes every pair the store held at the fork to fd, each once,
 * in any order, as
 *     u32 key length, u32 value length (both little-endian), the key's bytes, the value's bytes
 * and nothing else; then it ends with _exit(0), never exit() nor a return to the caller. fd may
 * accept fewer bytes than asked (write returns less): write the rest. The parent returns the
 * child's pid at once, without waiting for it: the harness reads fd only after kv_snapshot has
 * returned and it has changed the store further, and the harness reaps the child (do not wait for
 * it, and leave SIGCHLD as it is). A second kv_snapshot may come while an earlier child still
 * writes: each child writes the store as it was at its own fork. Neither process may rewrite the
 * store after the fork beyond what the changes need: the memory of the two together must grow with
 * the pages the parent changes, not with the store. */
#ifndef KV_H
#define KV_H

#include <stddef.h>
#include <sys/types.h>

#define KV_MAX_KEY 64
#define KV_MAX_VALUE (1 << 20)

/* Sets key to value (a copy of value_length bytes), replacing any value it had. */
void kv_set(const void *key, size_t key_length, const void *value, size_t value_length);

/* The key's value: its length, with *value pointing at its bytes (valid until the next kv_set,
 * kv_del or kv_snapshot); -1, and *value untouched, when the key is absent. */
long kv_get(const void *key, size_t key_length, const void **value);

/* Removes key: 1 if it was there, 0 if not. */
int kv_del(const void *key, size_t key_length);

/* Forks a child that writes the store to fd as above and ends with _exit(0); returns the child's
 * pid at once (-1 if fork failed). */
pid_t kv_snapshot(int fd);

#endif

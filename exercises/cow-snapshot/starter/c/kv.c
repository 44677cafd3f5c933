/* Your key-value store: see kv.h for the contract. Keep the pairs in a hash table of your own (keys
 * and values are byte strings: copy them, compare them with memcmp, never with strcmp). kv_snapshot
 * forks: the parent returns the child's pid at once; the child walks the table it inherited, writes
 * every pair to fd (u32 key length, u32 value length, little-endian, then the bytes), retrying short
 * writes, and ends with _exit(0). Copy-on-write keeps the child's view as it was at the fork while the
 * parent changes the store, so the child must not write to the table (no sorting, freeing or marking
 * in place). This starter compiles, but keeps nothing and snapshots nothing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kv.h"

void kv_set(const void *key, size_t key_length, const void *value, size_t value_length) {
    (void)key, (void)key_length, (void)value, (void)value_length; /* TODO: insert or replace a copy */
}

long kv_get(const void *key, size_t key_length, const void **value) {
    (void)key, (void)key_length, (void)value;
    return -1; /* TODO: the value's length, *value its bytes */
}

int kv_del(const void *key, size_t key_length) {
    (void)key, (void)key_length;
    return 0; /* TODO: 1 when the key was there */
}

pid_t kv_snapshot(int fd) {
    pid_t pid = fork();
    if (pid != 0) return pid; /* the parent, or -1 when fork failed */
    (void)fd;                 /* TODO: the child writes every pair to fd */
    _exit(0);
}

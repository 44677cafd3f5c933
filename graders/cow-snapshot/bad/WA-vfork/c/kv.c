/* Known-bad: vfork instead of fork, to save copying the page tables of a large store. The parent is
 * suspended until the child ends, and the child runs in the parent's memory: the harness's pipe fills
 * and kv_snapshot never returns. Otherwise the reference. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kv.h"

struct entry {
    struct entry *next;
    uint32_t hash, key_length, value_length;
    unsigned char bytes[]; /* the key, then the value */
};

static struct entry **buckets;
static size_t bucket_count, entry_count;

static uint32_t hash_of(const unsigned char *key, size_t length) {
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < length; i++) h = (h ^ key[i]) * 16777619u;
    return h;
}

static void grow(void) {
    size_t count = bucket_count ? bucket_count * 2 : 1024;
    struct entry **table = calloc(count, sizeof *table);
    if (!table) abort();
    for (size_t b = 0; b < bucket_count; b++)
        for (struct entry *e = buckets[b], *next; e; e = next) {
            next = e->next;
            e->next = table[e->hash & (count - 1)];
            table[e->hash & (count - 1)] = e;
        }
    free(buckets);
    buckets = table, bucket_count = count;
}

/* The link that points at key's entry (or the chain's last, null link when it is absent). */
static struct entry **find(const void *key, size_t length, uint32_t hash) {
    struct entry **link = &buckets[hash & (bucket_count - 1)];
    while (*link && ((*link)->hash != hash || (*link)->key_length != length || memcmp((*link)->bytes, key, length) != 0)) link = &(*link)->next;
    return link;
}

void kv_set(const void *key, size_t key_length, const void *value, size_t value_length) {
    if (entry_count >= bucket_count) grow();
    uint32_t hash = hash_of(key, key_length);
    struct entry **link = find(key, key_length, hash);
    struct entry *old = *link, *e = malloc(sizeof *e + key_length + value_length);
    if (!e) abort();
    e->hash = hash, e->key_length = (uint32_t)key_length, e->value_length = (uint32_t)value_length;
    memcpy(e->bytes, key, key_length);
    memcpy(e->bytes + key_length, value, value_length);
    e->next = old ? old->next : NULL;
    *link = e;
    if (old) free(old);
    else entry_count++;
}

long kv_get(const void *key, size_t key_length, const void **value) {
    if (!bucket_count) return -1;
    struct entry *e = *find(key, key_length, hash_of(key, key_length));
    if (!e) return -1;
    *value = e->bytes + e->key_length;
    return e->value_length;
}

int kv_del(const void *key, size_t key_length) {
    if (!bucket_count) return 0;
    struct entry **link = find(key, key_length, hash_of(key, key_length)), *e = *link;
    if (!e) return 0;
    *link = e->next;
    free(e);
    entry_count--;
    return 1;
}

/* In the child: every byte of data to fd, however few a write takes. */
static void write_all(int fd, const unsigned char *data, size_t length) {
    while (length) {
        ssize_t n = write(fd, data, length);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) _exit(1);
        data += n, length -= (size_t)n;
    }
}

static unsigned char out[64 * 1024];
static size_t used;

static void put(int fd, const void *data, size_t length) {
    if (used + length > sizeof out) {
        write_all(fd, out, used);
        used = 0;
    }
    if (length > sizeof out) write_all(fd, data, length);
    else memcpy(out + used, data, length), used += length;
}

pid_t kv_snapshot(int fd) {
    pid_t pid = vfork();
    if (pid != 0) return pid; /* the parent (or -1): back to work at once */
    for (size_t b = 0; b < bucket_count; b++)
        for (const struct entry *e = buckets[b]; e; e = e->next) {
            unsigned char header[8];
            for (int i = 0; i < 4; i++) header[i] = (unsigned char)(e->key_length >> (8 * i)), header[4 + i] = (unsigned char)(e->value_length >> (8 * i));
            put(fd, header, 8);
            put(fd, e->bytes, e->key_length + e->value_length);
        }
    write_all(fd, out, used);
    _exit(0);
}

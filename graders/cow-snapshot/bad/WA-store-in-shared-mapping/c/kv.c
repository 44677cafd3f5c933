/* Known-bad: the store lives in one large mapping made with MAP_SHARED, so that "the child can see the
 * store". It can: a shared mapping is not copied on write, so the child also sees every change the
 * parent makes after the fork, and its snapshot holds values set after kv_snapshot returned. A bump
 * arena with an open-addressing index, both in the shared mapping. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "kv.h"

#define ARENA_BYTES (1ull << 30)
#define SLOTS (1u << 20) /* a power of two above the most keys a scenario sets (600,000) */

struct record {
    uint32_t key_length, value_length;
    unsigned char bytes[]; /* key, then value */
};

static unsigned char *arena;
static size_t arena_used;
static uint64_t *slots; /* arena offset + 1 of each key's record; 0 empty; TOMBSTONE deleted */
#define TOMBSTONE UINT64_MAX

static void start(void) {
    arena = mmap(NULL, ARENA_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (arena == MAP_FAILED) _exit(3);
    slots = (uint64_t *)arena;
    arena_used = SLOTS * sizeof *slots;
}

static uint32_t hash_of(const unsigned char *key, size_t length) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < length; i++) h = (h ^ key[i]) * 16777619u;
    return h;
}

static struct record *at(uint64_t slot) {
    return (struct record *)(arena + slot - 1);
}

/* The slot holding key, or the first free one its probe met (deleted or empty) when it is absent. */
static uint32_t probe(const void *key, size_t length, int *found) {
    uint32_t i = hash_of(key, length) & (SLOTS - 1), free_slot = UINT32_MAX;
    for (;; i = (i + 1) & (SLOTS - 1)) {
        uint64_t s = slots[i];
        if (s == 0) break;
        if (s == TOMBSTONE) {
            if (free_slot == UINT32_MAX) free_slot = i;
            continue;
        }
        if (at(s)->key_length == length && memcmp(at(s)->bytes, key, length) == 0) {
            *found = 1;
            return i;
        }
    }
    *found = 0;
    return free_slot != UINT32_MAX ? free_slot : i;
}

void kv_set(const void *key, size_t key_length, const void *value, size_t value_length) {
    if (!arena) start();
    int found;
    uint32_t i = probe(key, key_length, &found);
    size_t need = (sizeof(struct record) + key_length + value_length + 7) & ~(size_t)7;
    struct record *r = (struct record *)(arena + arena_used);
    r->key_length = (uint32_t)key_length, r->value_length = (uint32_t)value_length;
    memcpy(r->bytes, key, key_length);
    memcpy(r->bytes + key_length, value, value_length);
    slots[i] = arena_used + 1;
    arena_used += need;
}

long kv_get(const void *key, size_t key_length, const void **value) {
    if (!arena) return -1;
    int found;
    uint32_t i = probe(key, key_length, &found);
    if (!found) return -1;
    *value = at(slots[i])->bytes + key_length;
    return at(slots[i])->value_length;
}

int kv_del(const void *key, size_t key_length) {
    if (!arena) return 0;
    int found;
    uint32_t i = probe(key, key_length, &found);
    if (!found) return 0;
    slots[i] = TOMBSTONE;
    return 1;
}

static void write_all(int fd, const void *data, size_t length) {
    const unsigned char *p = data;
    while (length) {
        ssize_t n = write(fd, p, length);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) _exit(1);
        p += n, length -= (size_t)n;
    }
}

pid_t kv_snapshot(int fd) {
    if (!arena) start();
    pid_t pid = fork();
    if (pid != 0) return pid;
    for (uint32_t i = 0; i < SLOTS; i++) {
        uint64_t s = slots[i];
        if (s == 0 || s == TOMBSTONE) continue;
        write_all(fd, at(s), sizeof(struct record) + at(s)->key_length + at(s)->value_length);
    }
    _exit(0);
}

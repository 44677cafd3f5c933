/* A reasonable solution written apart from the reference: open addressing with linear probing and
 * backward-shift deletion (no tombstones), keys and values in allocations of their own, and a child
 * that writes through stdio (fdopen, fwrite, fflush) before _exit(0). stdio retries short writes
 * itself; _exit skips the exit handlers, and the fflush is what gets the last buffer out. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kv.h"

struct slot {
    unsigned char *key, *value;
    uint32_t key_length, value_length;
    uint64_t hash; /* 0: empty */
};

static struct slot *slots;
static size_t capacity, used;

static uint64_t hash_key(const unsigned char *key, size_t length) {
    uint64_t h = 1469598103934665603ull ^ length;
    for (size_t i = 0; i < length; i++) h = (h ^ key[i]) * 1099511628211ull;
    h ^= h >> 29;
    return h ? h : 1;
}

static size_t lookup(const void *key, size_t length, uint64_t hash) {
    size_t i = hash & (capacity - 1);
    while (slots[i].hash && !(slots[i].hash == hash && slots[i].key_length == length && memcmp(slots[i].key, key, length) == 0)) i = (i + 1) & (capacity - 1);
    return i;
}

static void resize(size_t new_capacity) {
    struct slot *old = slots;
    size_t old_capacity = capacity;
    slots = calloc(new_capacity, sizeof *slots);
    if (!slots) abort();
    capacity = new_capacity;
    for (size_t i = 0; i < old_capacity; i++)
        if (old[i].hash) slots[lookup(old[i].key, old[i].key_length, old[i].hash)] = old[i];
    free(old);
}

static unsigned char *copy_of(const void *bytes, size_t length) {
    unsigned char *copy = malloc(length ? length : 1);
    if (!copy) abort();
    memcpy(copy, bytes, length);
    return copy;
}

void kv_set(const void *key, size_t key_length, const void *value, size_t value_length) {
    if ((used + 1) * 4 > capacity * 3) resize(capacity ? capacity * 2 : 256);
    uint64_t hash = hash_key(key, key_length);
    struct slot *s = &slots[lookup(key, key_length, hash)];
    if (s->hash) {
        free(s->value);
    } else {
        s->hash = hash, s->key = copy_of(key, key_length), s->key_length = (uint32_t)key_length;
        used++;
    }
    s->value = copy_of(value, value_length), s->value_length = (uint32_t)value_length;
}

long kv_get(const void *key, size_t key_length, const void **value) {
    if (!capacity) return -1;
    struct slot *s = &slots[lookup(key, key_length, hash_key(key, key_length))];
    if (!s->hash) return -1;
    *value = s->value;
    return s->value_length;
}

int kv_del(const void *key, size_t key_length) {
    if (!capacity) return 0;
    size_t hole = lookup(key, key_length, hash_key(key, key_length));
    if (!slots[hole].hash) return 0;
    free(slots[hole].key), free(slots[hole].value);
    used--;
    /* Shift back every later entry of the run that may move into the hole. */
    for (size_t next = (hole + 1) & (capacity - 1); slots[next].hash; next = (next + 1) & (capacity - 1)) {
        size_t home = slots[next].hash & (capacity - 1);
        if (((next - home) & (capacity - 1)) >= ((next - hole) & (capacity - 1))) {
            slots[hole] = slots[next];
            hole = next;
        }
    }
    slots[hole] = (struct slot){0};
    return 1;
}

pid_t kv_snapshot(int fd) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    FILE *out = fdopen(fd, "w");
    if (!out) _exit(1);
    setvbuf(out, NULL, _IOFBF, 1 << 16);
    for (size_t i = 0; i < capacity; i++) {
        const struct slot *s = &slots[i];
        if (!s->hash) continue;
        unsigned char lengths[8];
        for (int b = 0; b < 4; b++) lengths[b] = (unsigned char)(s->key_length >> (8 * b)), lengths[4 + b] = (unsigned char)(s->value_length >> (8 * b));
        fwrite(lengths, 1, 8, out);
        fwrite(s->key, 1, s->key_length, out);
        fwrite(s->value, 1, s->value_length, out);
    }
    _exit(fflush(out) == 0 ? 0 : 1);
}

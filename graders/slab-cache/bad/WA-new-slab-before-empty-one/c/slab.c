/* Known-bad: cache_alloc makes a new slab when no slab is partial, though an empty slab is cached:
 * the empty slabs only wait for cache_reclaim, and every refill takes new pages. Otherwise the
 * reference. */
#include <stdint.h>
#include <string.h>
#include "slab.h"

struct slab {
    struct slab *prev, *next;
    struct cache *cache;
    void *free;      /* the most recently freed object, or the next never handed out */
    unsigned in_use; /* objects handed out and not freed */
    unsigned list;   /* FULL, PARTIAL or EMPTY */
};

enum { FULL, PARTIAL, EMPTY };

struct cache {
    int alive;
    const char *name;
    size_t size, stride, link; /* link: where an object's free-list link is, from its start */
    unsigned per_slab;
    void (*ctor)(void *obj);
    struct slab *partial, *empty; /* the lists' fronts */
    size_t counts[3];
    size_t in_use;
};

_Static_assert(sizeof(struct slab) <= SLAB_HEADER, "a slab's header fits in SLAB_HEADER bytes");

static struct cache caches[SLAB_MAX_CACHES];

static size_t round_up(size_t n, size_t to) {
    return (n + to - 1) / to * to;
}

static void **link_of(const struct cache *cache, void *obj) {
    return (void **)((char *)obj + cache->link);
}

static struct slab *slab_of(void *obj) {
    return (struct slab *)((uintptr_t)obj & ~(uintptr_t)(PAGE_SIZE - 1));
}

static struct slab **list_front(struct cache *cache, unsigned list) {
    return list == PARTIAL ? &cache->partial : list == EMPTY ? &cache->empty : NULL;
}

static void unlink_slab(struct cache *cache, struct slab *slab) {
    cache->counts[slab->list]--;
    struct slab **front = list_front(cache, slab->list);
    if (!front) return; /* full slabs are in no list: nothing needs to find them */
    if (slab->prev) slab->prev->next = slab->next;
    else *front = slab->next;
    if (slab->next) slab->next->prev = slab->prev;
}

static void push_slab(struct cache *cache, struct slab *slab, unsigned list) {
    slab->list = list;
    cache->counts[list]++;
    struct slab **front = list_front(cache, list);
    slab->prev = slab->next = NULL;
    if (!front) return;
    slab->next = *front;
    if (*front) (*front)->prev = slab;
    *front = slab;
}

struct cache *cache_create(const char *name, size_t size, size_t align, void (*ctor)(void *obj)) {
    for (int i = 0; i < SLAB_MAX_CACHES; i++) {
        struct cache *cache = &caches[i];
        if (cache->alive) continue;
        memset(cache, 0, sizeof *cache);
        cache->alive = 1;
        cache->name = name;
        cache->size = size;
        cache->link = round_up(size, sizeof(void *));
        cache->stride = round_up(size + sizeof(void *), align);
        cache->per_slab = (unsigned)((PAGE_SIZE - SLAB_HEADER) / cache->stride);
        cache->ctor = ctor;
        return cache;
    }
    return NULL;
}

static struct slab *new_slab(struct cache *cache) {
    struct slab *slab = page_alloc();
    if (!slab) return NULL;
    slab->cache = cache;
    slab->in_use = 0;
    /* Objects start at SLAB_HEADER, which every alignment offered divides; the list runs in address order. */
    char *first = (char *)slab + SLAB_HEADER;
    slab->free = first;
    for (unsigned i = 0; i < cache->per_slab; i++) {
        char *obj = first + (size_t)i * cache->stride;
        if (cache->ctor) cache->ctor(obj);
        *link_of(cache, obj) = i + 1 < cache->per_slab ? obj + cache->stride : NULL;
    }
    push_slab(cache, slab, EMPTY);
    return slab;
}

void *cache_alloc(struct cache *cache) {
    struct slab *slab = cache->partial ? cache->partial : new_slab(cache);
    if (!slab) return NULL;
    void *obj = slab->free;
    slab->free = *link_of(cache, obj);
    slab->in_use++;
    cache->in_use++;
    unsigned list = slab->in_use == cache->per_slab ? FULL : PARTIAL;
    if (list != slab->list) {
        unlink_slab(cache, slab);
        push_slab(cache, slab, list);
    }
    return obj;
}

void cache_free(struct cache *cache, void *obj) {
    struct slab *slab = slab_of(obj);
    *link_of(cache, obj) = slab->free;
    slab->free = obj;
    slab->in_use--;
    cache->in_use--;
    unlink_slab(cache, slab);
    push_slab(cache, slab, slab->in_use == 0 ? EMPTY : PARTIAL);
}

size_t cache_reclaim(struct cache *cache) {
    size_t freed = 0;
    while (cache->empty) {
        struct slab *slab = cache->empty;
        unlink_slab(cache, slab);
        page_free(slab);
        freed++;
    }
    return freed;
}

void cache_stats(struct cache *cache, struct cache_stats *stats) {
    stats->full = cache->counts[FULL];
    stats->partial = cache->counts[PARTIAL];
    stats->empty = cache->counts[EMPTY];
    stats->objects_in_use = cache->in_use;
    stats->objects_per_slab = cache->per_slab;
}

void cache_destroy(struct cache *cache) {
    cache_reclaim(cache);
    cache->alive = 0;
}

/* Your slab allocator: see slab.h for the contract. A slab is a page from page_alloc: keep a small
 * header in it (its cache, its lists' links, how many objects are in use, its free list) and the
 * objects after it. From an object, its slab is the page it lies in: round the address down to a
 * multiple of PAGE_SIZE. Keep each cache's partial and empty slabs in lists (a slab that joins a
 * list goes to the front), so cache_alloc and cache_free take constant time. Your code runs only
 * when the harness calls it: memory comes from page_alloc alone (malloc, calloc, realloc, mmap and
 * sbrk are refused), and constructors, destructors and functions named like the C library's are
 * refused. This starter compiles, but hands out no object. */
#include <stdint.h>
#include <string.h>
#include "slab.h"

struct cache {
    int alive;
    size_t size, align;
    void (*ctor)(void *obj);
    /* TODO: objects per slab, the partial and empty lists, the counts cache_stats reports */
};

/* The descriptors: static storage, at most SLAB_MAX_CACHES caches alive at once. */
static struct cache caches[SLAB_MAX_CACHES];

struct cache *cache_create(const char *name, size_t size, size_t align, void (*ctor)(void *obj)) {
    (void)name;
    for (int i = 0; i < SLAB_MAX_CACHES; i++) {
        if (caches[i].alive) continue;
        memset(&caches[i], 0, sizeof caches[i]);
        caches[i].alive = 1;
        caches[i].size = size;
        caches[i].align = align;
        caches[i].ctor = ctor;
        return &caches[i];
    }
    return NULL;
}

void *cache_alloc(struct cache *cache) {
    (void)cache;
    return NULL; /* TODO: the first partial slab, else the first empty one, else a new slab */
}

void cache_free(struct cache *cache, void *obj) {
    (void)cache;
    (void)obj; /* TODO: back on its slab's free list; the slab to the front of the partial or empty list */
}

size_t cache_reclaim(struct cache *cache) {
    (void)cache;
    return 0; /* TODO: every empty slab's page back to page_free */
}

void cache_stats(struct cache *cache, struct cache_stats *stats) {
    (void)cache;
    memset(stats, 0, sizeof *stats); /* TODO */
}

void cache_destroy(struct cache *cache) {
    cache->alive = 0; /* TODO: give every page back first */
}

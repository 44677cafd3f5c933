/* The slab allocator you implement in slab.c: caches of objects of one size, carved out of whole
 * pages (Bonwick's slab allocator, as in Linux and Solaris). Memory comes only from the harness's
 * page allocator below; the harness calls your functions from one thread.
 *
 * Slabs. A slab is one page (PAGE_SIZE bytes, page-aligned) holding exactly
 *     slab_objects(size, align) = (PAGE_SIZE - SLAB_HEADER) / round_up(size + sizeof(void *), align)
 * objects of the cache, anywhere in the page, each aligned to `align`, none overlapping another or
 * your bookkeeping. (Each object is given room for a free-list link after it, where a constructor's
 * state cannot be overwritten, and the page keeps SLAB_HEADER bytes for the slab's own header; lay
 * it out as you like.) A slab is full (every object in use), partial, or empty (none in use).
 *
 * Constructor. A cache's ctor (NULL for none) runs on every object of a slab when the slab is
 * created, inside the cache_alloc that needed it, and never again on that object: a freed object is
 * back in its constructed state, so it is handed out again as it is. While an object of a cache with
 * a ctor is free, its `size` bytes must stay exactly as the caller left them; a cache without a
 * ctor may use a free object's bytes.
 *
 * Which object cache_alloc returns. Each cache keeps its partial slabs in one list and its empty
 * slabs in another; a slab that joins a list goes to its front.
 *   - From the first partial slab, if there is one; else from the first empty slab; else from a new
 *     slab (one page_alloc, and the ctor on all its objects; the slab joins the partial list).
 *   - Within a slab: the object freed into it most recently, while there is one; a slab's objects
 *     that were never handed out since the slab was created go out in any order, after those.
 *   - cache_free puts the object back into its slab, and the slab moves to the front of the partial
 *     list, or of the empty list if no object of it is in use now. So the next cache_alloc returns
 *     the object just freed, unless its slab became empty.
 *   - A slab that becomes full leaves the partial list.
 *
 * Pages go back to page_free only in cache_reclaim (every empty slab) and cache_destroy; never in
 * cache_free (an empty slab stays cached: that is the point), and never while an object in the page
 * is in use. */
#ifndef SLAB_H
#define SLAB_H

#include <stddef.h>

#define PAGE_SIZE 4096
/* Bytes of every page kept for the slab's header in the objects-per-slab rule above. */
#define SLAB_HEADER 64
/* Caches alive at once, at most: the cache descriptors live in your own static storage, not in pages. */
#define SLAB_MAX_CACHES 16

/* The harness's page allocator (in harness.c): a page-aligned PAGE_SIZE-byte page, or NULL when none
 * is left. Hand each page back exactly once, to page_free, whole. */
void *page_alloc(void);
void page_free(void *page);

struct cache;

struct cache_stats {
    size_t full, partial, empty; /* slabs in each state */
    size_t objects_in_use;       /* allocated and not freed */
    size_t objects_per_slab;     /* slab_objects(size, align) */
};

/* A cache of `size`-byte objects (8 to 1024) aligned to `align` (8, 16, 32 or 64), whose objects are
 * constructed by ctor (or NULL). `name` is for debugging (it stays valid). Takes no page: a cache
 * has no slab until its first cache_alloc. Returns NULL when SLAB_MAX_CACHES caches exist. */
struct cache *cache_create(const char *name, size_t size, size_t align, void (*ctor)(void *obj));

/* An object of the cache, as the rules above choose it; NULL when a new slab is needed and
 * page_alloc returns NULL. */
void *cache_alloc(struct cache *cache);

/* Gives back an object cache_alloc returned and that is not free already. */
void cache_free(struct cache *cache, void *obj);

/* Gives every empty slab's page back to page_free; returns how many. Full and partial slabs stay. */
size_t cache_reclaim(struct cache *cache);

/* The cache's slabs and objects, as they are now. */
void cache_stats(struct cache *cache, struct cache_stats *stats);

/* Called when no object of the cache is in use: gives every page back, and the cache's descriptor
 * may be used by a later cache_create. */
void cache_destroy(struct cache *cache);

#endif

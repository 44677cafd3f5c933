/* The test harness (read-only): creates caches on your slab allocator, replays a random mix of
 * cache_alloc, cache_free, cache_reclaim and cache_stats on them, and checks every call against its
 * own model of slab.h's rules: which slab and which object each cache_alloc must return, when a page
 * is taken and given back, what the constructor ran on, and what cache_stats says. It hands out the
 * pages itself (page_alloc and page_free below, the lowest free page of its pool first), so it knows
 * which cache holds every page. Every object in use is filled with a pattern of its own, checked when
 * it is freed; a free object of a cache with a constructor must keep the constructor's pattern. It
 * owns main and writes its report on its own descriptor (report.c): print to stderr if you want to
 * debug (stdout goes there too).
 *
 * Input: a nonce line, then "CACHES MAX_SIZE OPS LIVE PAGES SEED".
 * Cache i (0 to CACHES-1) holds objects of 8 to MAX_SIZE bytes aligned to 8, 16, 32 or 64 (drawn
 * from SEED); the even-numbered caches have a constructor, the odd-numbered ones none. Then OPS
 * operations, each on a random cache: in phases of 2 x LIVE operations, mostly allocations then
 * mostly frees (the most recently allocated object, the oldest, or a random one), never more than
 * LIVE objects in use in all; now and then a cache_reclaim or a cache_stats. The pool holds PAGES
 * pages. At the end every object is freed; the even-numbered caches are reclaimed, then every cache
 * is destroyed, and no page may be left held. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "report.h"
#include "slab.h"

#define MAX_CACHES 16
#define MIN_SIZE 8
#define MAX_SIZE 1024
#define MAX_OPS 10000000L
#define MAX_LIVE 1000000
#define MAX_PAGES 32768
#define SLOTS (PAGE_SIZE / 8) /* an object's place in its page, by its offset / 8 */
#define FRESH 0xFFFF
#define NO_PAGE UINT32_MAX
/* current_op before the operations and after them */
#define BEFORE_OPS -2
#define AFTER_OPS -1

struct scenario {
    int caches, max_size, pages;
    long ops, live;
    uint32_t seed;
};

static struct scenario scenario;

/* ---- the operations, drawn from the seed (the grader's model draws the same) ---- */
static uint32_t random_state;

static uint32_t next_random(void) {
    uint32_t z = (random_state += 0x9E3779B9u);
    z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
    z = (z ^ (z >> 13)) * 0xC2B2AE35u;
    return z ^ (z >> 16);
}

/* ---- the model: slab.h's rules, over the pages the harness hands out ---- */
struct model_slab {
    uint32_t prev, next; /* in its cache's partial or empty list, by page */
    int list;            /* FULL, PARTIAL, EMPTY, or NONE (the page is not a slab) */
    int cache;
    unsigned in_use, fresh_given;
    unsigned freed_top; /* how many objects freed_stack holds */
};
enum { FULL, PARTIAL, EMPTY, NONE };
static const char *const LIST_NAMES[] = {"full", "partial", "empty"};

struct live {
    void *obj;
    uint32_t page;
    uint16_t ordinal;
    uint64_t stamp;
};

struct test_cache {
    struct cache *cache;
    char name[32];
    size_t size, align, stride;
    unsigned per_slab;
    int has_ctor;
    uint32_t partial, empty; /* the lists' fronts */
    size_t counts[3], in_use, pages_held;
    struct live *live;
    size_t live_count, live_capacity;
};

static struct test_cache caches[MAX_CACHES];
static struct model_slab *slabs;
/* Per page: the ordinal of the object at each 8-byte slot (0 none, FRESH constructed and never handed out, else ordinal + 1). */
static uint16_t (*ordinal_at)[SLOTS];
/* Per page: the model's freed objects, by ordinal, the most recent on top. */
static uint16_t (*freed_stack)[SLOTS];
/* Per page: how many objects of it the harness holds as in use, and how many the constructor ran on. */
static uint32_t *page_live, *page_constructed;

/* ---- the page pool ---- */
static char *pool;
static uint64_t held_bits[MAX_PAGES / 64];
static int pages_held, peak_pages;

/* ---- the call in progress ---- */
enum call { NO_CALL, CALL_CREATE, CALL_ALLOC, CALL_FREE, CALL_RECLAIM, CALL_STATS, CALL_DESTROY };
static const char *const CALL_NAMES[] = {"", "cache_create", "cache_alloc", "cache_free", "cache_reclaim", "cache_stats", "cache_destroy"};
static enum call current_call;
static int current_cache;
static long current_op;
static uint32_t taken_pages[4];
static int taken_count, given_count;
static long ctor_calls, reclaimed;

/* The figures the grader recomputes. */
static long allocs, nulls, frees;
static uint32_t checksum = 2166136261u;

static void mix(uint32_t value) {
    checksum = (checksum ^ value) * 16777619u;
}

static char *where(void) {
    static char text[200];
    const struct test_cache *c = &caches[current_cache];
    if (current_op < 0)
        snprintf(text, sizeof text, "At the %s, %s on cache %d (%zu-byte objects aligned to %zu)", current_op == BEFORE_OPS ? "start" : "end", CALL_NAMES[current_call], current_cache, c->size,
                 c->align);
    else
        snprintf(text, sizeof text, "Operation %ld, %s on cache %d (%zu-byte objects aligned to %zu, %s constructor)", current_op + 1, CALL_NAMES[current_call], current_cache, c->size,
                 c->align, c->has_ctor ? "a" : "no");
    return text;
}

__attribute__((format(printf, 1, 2), noreturn)) static void fail(const char *format, ...) {
    char message[900];
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(message, sizeof message, format, arguments);
    va_end(arguments);
    report_fail("%s: %s", where(), message);
    report_end();
    _exit(0);
}

static const char *ordinal_suffix(unsigned n) {
    return n % 100 / 10 == 1 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

static void die(const char *why) {
    fprintf(stderr, "harness: %s\n", why);
    exit(2);
}

/* A page of the pool, by address; NO_PAGE for an address outside it. */
static uint32_t page_index(const void *address) {
    uintptr_t a = (uintptr_t)address, base = (uintptr_t)pool;
    if (a < base || a >= base + (uintptr_t)scenario.pages * PAGE_SIZE) return NO_PAGE;
    return (uint32_t)((a - base) / PAGE_SIZE);
}

static int page_held(uint32_t page) {
    return (int)(held_bits[page / 64] >> (page % 64) & 1);
}

void *page_alloc(void) {
    if (current_call != CALL_ALLOC) fail("page_alloc was called: pages are taken only in cache_alloc, when the cache has no partial or empty slab.");
    uint32_t page = NO_PAGE;
    for (int word = 0; word < (scenario.pages + 63) / 64 && page == NO_PAGE; word++)
        if (~held_bits[word]) page = (uint32_t)(word * 64 + __builtin_ctzll(~held_bits[word]));
    if (page == NO_PAGE || page >= (uint32_t)scenario.pages) return NULL;
    if (taken_count == 4) fail("cache_alloc called page_alloc more than 4 times: a new slab takes one page.");
    held_bits[page / 64] |= 1ull << (page % 64);
    taken_pages[taken_count++] = page;
    if (++pages_held > peak_pages) peak_pages = pages_held;
    caches[current_cache].pages_held++;
    slabs[page].cache = current_cache;
    memset(ordinal_at[page], 0, sizeof ordinal_at[page]);
    page_live[page] = page_constructed[page] = 0;
    return pool + (size_t)page * PAGE_SIZE;
}

void page_free(void *address) {
    uint32_t page = page_index(address);
    if (current_call != CALL_RECLAIM && current_call != CALL_DESTROY)
        fail("page_free was called: pages go back only in cache_reclaim and cache_destroy (an empty slab stays in its cache until then).");
    if (page == NO_PAGE || (uintptr_t)address % PAGE_SIZE) fail("page_free(%p) was given an address that is not a page from page_alloc.", address);
    if (!page_held(page)) fail("page_free was given page %u twice, without page_alloc handing it out in between.", page);
    if (slabs[page].cache != current_cache) fail("page_free was given page %u, a slab of cache %d, not of this cache.", page, slabs[page].cache);
    if (page_live[page]) fail("page_free was given page %u while %u of its objects were in use: only an empty slab's page goes back.", page, page_live[page]);
    held_bits[page / 64] &= ~(1ull << (page % 64));
    pages_held--;
    caches[current_cache].pages_held--;
    given_count++;
}

/* ---- patterns ---- */
static uint64_t pattern_word(uint64_t seed, size_t i) {
    uint64_t z = seed + (i + 1) * 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 31)) * 0xBF58476D1CE4E5B9ull;
    return z ^ (z >> 29);
}

static void fill(void *obj, size_t size, uint64_t seed) {
    size_t words = size / 8, i;
    for (i = 0; i < words; i++) {
        uint64_t w = pattern_word(seed, i);
        memcpy((char *)obj + i * 8, &w, 8);
    }
    if (size % 8) {
        uint64_t w = pattern_word(seed, i);
        memcpy((char *)obj + i * 8, &w, size % 8);
    }
}

/* The first byte of `obj` that differs from the pattern, or -1. */
static long differs(const void *obj, size_t size, uint64_t seed) {
    size_t words = size / 8, i;
    for (i = 0; i < words; i++) {
        uint64_t w = pattern_word(seed, i), have;
        memcpy(&have, (const char *)obj + i * 8, 8);
        if (have != w)
            for (size_t b = 0; b < 8; b++)
                if (((const char *)obj)[i * 8 + b] != ((const char *)&w)[b]) return (long)(i * 8 + b);
    }
    uint64_t w = pattern_word(seed, i);
    for (size_t b = 0; b < size % 8; b++)
        if (((const char *)obj)[i * 8 + b] != ((const char *)&w)[b]) return (long)(i * 8 + b);
    return -1;
}

static uint64_t constructed_seed(const void *obj) {
    return (uint64_t)(uintptr_t)obj ^ 0xC0C0A5A5C0C0A5A5ull;
}

/* The harness's constructor, for every even-numbered cache: marks the object constructed and fills it. */
static void constructor(void *obj) {
    ctor_calls++;
    if (current_call != CALL_ALLOC) fail("the constructor ran outside cache_alloc: it runs on a slab's objects when cache_alloc creates the slab.");
    struct test_cache *c = &caches[current_cache];
    uint32_t page = page_index(obj);
    int new_page = 0;
    for (int i = 0; i < taken_count; i++) new_page |= taken_pages[i] == page;
    if (page != NO_PAGE && page_held(page) && !new_page && slabs[page].cache == current_cache)
        fail("the constructor ran on an object of a slab the cache already had: it runs once per object, when its slab is created, never when an object is handed out again (a freed object is still constructed).");
    if (!new_page) fail("the constructor ran on %p, which is not in a page this cache_alloc took from page_alloc.", obj);
    size_t offset = (size_t)((char *)obj - pool) % PAGE_SIZE;
    if (offset % c->align) fail("the constructor ran on an object at offset %zu of its page, not aligned to %zu bytes.", offset, c->align);
    if (offset + c->size > PAGE_SIZE) fail("the constructor ran on an object at offset %zu of its page, whose %zu bytes run past the page's end.", offset, c->size);
    if (ordinal_at[page][offset / 8]) fail("the constructor ran twice on the object at offset %zu of the new slab: once per object.", offset);
    ordinal_at[page][offset / 8] = FRESH;
    page_constructed[page]++;
    fill(obj, c->size, constructed_seed(obj));
}

/* ---- the model's lists ---- */
static uint32_t *front_of(struct test_cache *c, int list) {
    return list == PARTIAL ? &c->partial : list == EMPTY ? &c->empty : NULL;
}

static void model_unlink(struct test_cache *c, uint32_t page) {
    struct model_slab *s = &slabs[page];
    c->counts[s->list]--;
    uint32_t *front = front_of(c, s->list);
    s->list = NONE;
    if (!front) return;
    if (s->prev != NO_PAGE) slabs[s->prev].next = s->next;
    else *front = s->next;
    if (s->next != NO_PAGE) slabs[s->next].prev = s->prev;
}

static void model_push(struct test_cache *c, uint32_t page, int list) {
    struct model_slab *s = &slabs[page];
    s->list = list;
    c->counts[list]++;
    s->prev = s->next = NO_PAGE;
    uint32_t *front = front_of(c, list);
    if (!front) return;
    s->next = *front;
    if (*front != NO_PAGE) slabs[*front].prev = page;
    *front = page;
}

/* The lowest page the pool would hand out now (the model's new slab), or NO_PAGE. */
static uint32_t lowest_free_page(void) {
    for (int word = 0; word < (scenario.pages + 63) / 64; word++)
        if (~held_bits[word]) {
            uint32_t page = (uint32_t)(word * 64 + __builtin_ctzll(~held_bits[word]));
            return page < (uint32_t)scenario.pages ? page : NO_PAGE;
        }
    return NO_PAGE;
}

static void begin_call(enum call call, int cache) {
    current_call = call;
    current_cache = cache;
    taken_count = given_count = 0;
}

/* ---- the operations ---- */
static void do_alloc(int ci) {
    struct test_cache *c = &caches[ci];
    uint32_t expected_page = c->partial != NO_PAGE ? c->partial : c->empty;
    int new_slab = expected_page == NO_PAGE;
    if (new_slab) expected_page = lowest_free_page();
    begin_call(CALL_ALLOC, ci);
    void *obj = cache_alloc(c->cache);
    if (new_slab && expected_page == NO_PAGE) {
        if (obj) fail("every page of the pool (%d) is held, so a new slab cannot be made and cache_alloc must return NULL; it returned %p.", scenario.pages, obj);
        nulls++;
        mix(0xFFFFFFFFu);
        current_call = NO_CALL;
        return;
    }
    if (!obj) {
        if (new_slab) fail("cache_alloc returned NULL; page_alloc had pages to give (%d of %d held before the call).", pages_held - taken_count, scenario.pages);
        fail("cache_alloc returned NULL while the cache had a %s slab.", c->partial != NO_PAGE ? "partial" : "empty");
    }
    if (!new_slab && taken_count)
        fail("cache_alloc took a new page while the cache had %s slab (%zu partial, %zu empty): a new slab is made only when there is neither.", c->partial != NO_PAGE ? "a partial" : "an empty",
             c->counts[PARTIAL], c->counts[EMPTY]);
    if (new_slab && taken_count != 1) fail("cache_alloc had to make a new slab and took %d pages: a slab is one page.", taken_count);
    uint32_t page = page_index(obj);
    if (page == NO_PAGE || !page_held(page)) fail("cache_alloc returned %p, which is not in a page page_alloc handed out and that is still held.", obj);
    if (slabs[page].cache != ci) fail("cache_alloc returned an object in page %u, a slab of cache %d: caches do not share slabs.", page, slabs[page].cache);
    size_t offset = (size_t)((char *)obj - pool) % PAGE_SIZE;
    if (offset % c->align) fail("cache_alloc returned an object at offset %zu of its page, not aligned to %zu bytes.", offset, c->align);
    if (offset + c->size > PAGE_SIZE) fail("cache_alloc returned an object at offset %zu of its page, whose %zu bytes run past the page's end.", offset, c->size);
    if (new_slab) {
        if (c->has_ctor && page_constructed[page] != c->per_slab)
            fail("cache_alloc made a new slab and the constructor ran on %u of its objects; a slab holds %u of them (slab_objects), and the constructor runs on each when the slab is made.",
                 page_constructed[page], c->per_slab);
        struct model_slab *s = &slabs[page];
        s->in_use = s->fresh_given = s->freed_top = 0;
        model_push(c, page, EMPTY);
    }
    if (page != expected_page) {
        struct model_slab *got = &slabs[page];
        fail("cache_alloc returned an object of the slab in page %u (%s, %u of %u objects in use); the rules give it from the slab in page %u, the first %s slab.", page,
             got->list < NONE ? LIST_NAMES[got->list] : "new", got->in_use, c->per_slab, expected_page, new_slab ? "new" : c->partial != NO_PAGE ? "partial" : "empty");
    }
    struct model_slab *s = &slabs[page];
    uint16_t mark = ordinal_at[page][offset / 8];
    uint16_t ordinal;
    if (s->freed_top) {
        uint16_t want = freed_stack[page][s->freed_top - 1];
        if (mark == FRESH || mark == 0)
            fail("cache_alloc returned an object of its slab never handed out before; the slab's most recently freed object (the %u%s handed out from it) comes first.", want + 1u,
                 ordinal_suffix(want + 1u));
        if (mark - 1u != want) {
            int in_use = 1;
            for (unsigned i = 0; i < s->freed_top; i++) in_use &= freed_stack[page][i] != mark - 1u;
            if (in_use) fail("cache_alloc returned an object that is in use (handed out and not freed).");
            fail("cache_alloc returned an object freed earlier than another of its slab; the most recently freed one comes first (LIFO: it is still hot in the CPU's cache).");
        }
        ordinal = want;
        s->freed_top--;
    } else {
        if (mark != 0 && mark != FRESH) fail("cache_alloc returned an object that is in use (handed out and not freed).");
        if (s->fresh_given == c->per_slab) fail("cache_alloc returned a %u%s object from a slab of %u objects.", c->per_slab + 1, "th", c->per_slab);
        if (c->has_ctor && mark != FRESH) fail("cache_alloc returned an object the constructor never ran on.");
        ordinal = (uint16_t)s->fresh_given++;
        ordinal_at[page][offset / 8] = (uint16_t)(ordinal + 1);
    }
    if (c->has_ctor) {
        long at = differs(obj, c->size, constructed_seed(obj));
        if (at >= 0)
            fail("cache_alloc returned an object whose byte %ld is not as the constructor (or the last cache_free's caller) left it: a free object of a cache with a constructor must stay constructed, so keep your free-list link outside its %zu bytes.",
                 at, c->size);
    }
    s->in_use++;
    c->in_use++;
    int list = s->in_use == c->per_slab ? FULL : PARTIAL;
    if (list != s->list) {
        model_unlink(c, page);
        model_push(c, page, list);
    }
    page_live[page]++;
    uint64_t stamp = ((uint64_t)allocs << 8) ^ scenario.seed;
    fill(obj, c->size, stamp);
    if (c->live_count == c->live_capacity) {
        c->live_capacity = c->live_capacity ? c->live_capacity * 2 : 64;
        if (!(c->live = realloc(c->live, c->live_capacity * sizeof *c->live))) die("out of memory");
    }
    c->live[c->live_count++] = (struct live){obj, page, ordinal, stamp};
    allocs++;
    mix(page << 16 | ordinal);
    current_call = NO_CALL;
}

static void do_free(int ci, size_t index) {
    struct test_cache *c = &caches[ci];
    struct live item = c->live[index];
    c->live[index] = c->live[--c->live_count];
    begin_call(CALL_FREE, ci);
    long at = differs(item.obj, c->size, item.stamp);
    if (at >= 0)
        fail("the object about to be freed (the %u%s handed out from the slab in page %u) changed while it was in use, at byte %ld of its %zu: another object overlaps it, or the allocator wrote into it.",
             item.ordinal + 1u, ordinal_suffix(item.ordinal + 1u), item.page, at, c->size);
    if (c->has_ctor) fill(item.obj, c->size, constructed_seed(item.obj));
    page_live[item.page]--;
    cache_free(c->cache, item.obj);
    struct model_slab *s = &slabs[item.page];
    freed_stack[item.page][s->freed_top++] = item.ordinal;
    s->in_use--;
    c->in_use--;
    model_unlink(c, item.page);
    model_push(c, item.page, s->in_use ? PARTIAL : EMPTY);
    frees++;
    current_call = NO_CALL;
}

static void check_stats(int ci) {
    struct test_cache *c = &caches[ci];
    struct cache_stats stats;
    memset(&stats, 0xA5, sizeof stats);
    begin_call(CALL_STATS, ci);
    cache_stats(c->cache, &stats);
    if (stats.full != c->counts[FULL] || stats.partial != c->counts[PARTIAL] || stats.empty != c->counts[EMPTY] || stats.objects_in_use != c->in_use || stats.objects_per_slab != c->per_slab)
        fail("cache_stats says %zu full, %zu partial and %zu empty slabs, %zu objects in use, %zu per slab; the cache has %zu full, %zu partial, %zu empty, %zu in use, %u per slab.", stats.full,
             stats.partial, stats.empty, stats.objects_in_use, stats.objects_per_slab, c->counts[FULL], c->counts[PARTIAL], c->counts[EMPTY], c->in_use, c->per_slab);
    current_call = NO_CALL;
}

static void check_pages_of(struct test_cache *c, const char *after) {
    size_t slabs_kept = c->counts[FULL] + c->counts[PARTIAL] + c->counts[EMPTY];
    if (c->pages_held != slabs_kept)
        fail("after %s the cache holds %zu pages; it has %zu full and %zu partial slabs%s, one page each.", after, c->pages_held, c->counts[FULL], c->counts[PARTIAL],
             c->counts[EMPTY] ? " and empty ones" : "");
}

static void do_reclaim(int ci) {
    struct test_cache *c = &caches[ci];
    size_t empty = c->counts[EMPTY];
    begin_call(CALL_RECLAIM, ci);
    size_t returned = cache_reclaim(c->cache);
    if ((size_t)given_count != empty)
        fail("cache_reclaim gave back %d pages; the cache had %zu empty slab%s, and every empty slab's page goes back to page_free (full and partial ones stay).", given_count, empty,
             empty == 1 ? "" : "s");
    if (returned != empty) fail("cache_reclaim gave back %zu pages and returned %zu: it returns how many it gave back.", empty, returned);
    while (c->empty != NO_PAGE) model_unlink(c, c->empty);
    check_pages_of(c, "cache_reclaim");
    reclaimed += (long)returned;
    current_call = NO_CALL;
}

static void create_cache(int ci) {
    struct test_cache *c = &caches[ci];
    c->size = MIN_SIZE + next_random() % (uint32_t)(scenario.max_size - MIN_SIZE + 1);
    c->align = (size_t)8 << (next_random() % 4);
    c->has_ctor = ci % 2 == 0;
    c->stride = (c->size + sizeof(void *) + c->align - 1) / c->align * c->align;
    c->per_slab = (unsigned)((PAGE_SIZE - SLAB_HEADER) / c->stride);
    c->partial = c->empty = NO_PAGE;
    snprintf(c->name, sizeof c->name, "cache-%d", ci);
    begin_call(CALL_CREATE, ci);
    c->cache = cache_create(c->name, c->size, c->align, c->has_ctor ? constructor : NULL);
    if (!c->cache) fail("cache_create returned NULL with %d caches alive (at most %d may be).", ci, SLAB_MAX_CACHES);
    for (int other = 0; other < ci; other++)
        if (caches[other].cache == c->cache) fail("cache_create returned the same cache as for cache %d, which is alive.", other);
    current_call = NO_CALL;
    check_stats(ci);
}

static void destroy_cache(int ci) {
    struct test_cache *c = &caches[ci];
    begin_call(CALL_DESTROY, ci);
    size_t empty = c->counts[EMPTY];
    cache_destroy(c->cache);
    if (c->pages_held)
        fail("after cache_destroy the cache still holds %zu of its pages (it had %zu empty slabs and no object in use): destroy gives every page back.", c->pages_held, empty);
    while (c->empty != NO_PAGE) model_unlink(c, c->empty);
    current_call = NO_CALL;
}

/* A crash in your code: say where on standard error, then die of the same signal. */
static void on_crash(int signal_number) {
    char text[300];
    int n = snprintf(text, sizeof text, "harness: the process was killed by signal %d (%s) in %s\n", signal_number, strsignal(signal_number),
                     current_call == NO_CALL ? "the harness" : where());
    if (n > 0) (void)!write(2, text, (size_t)n < sizeof text ? (size_t)n : sizeof text - 1);
    signal(signal_number, SIG_DFL);
}

static void *table(size_t count, size_t size) {
    void *p = mmap(NULL, count * size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) die("cannot map its tables");
    return p;
}

int main(void) {
    report_begin();
    if (scanf("%d %d %ld %ld %d %u", &scenario.caches, &scenario.max_size, &scenario.ops, &scenario.live, &scenario.pages, &scenario.seed) != 6 || scenario.caches < 1 ||
        scenario.caches > MAX_CACHES || scenario.max_size < MIN_SIZE || scenario.max_size > MAX_SIZE || scenario.ops < 0 || scenario.ops > MAX_OPS || scenario.live < 1 ||
        scenario.live > MAX_LIVE || scenario.pages < 1 || scenario.pages > MAX_PAGES)
        die("bad scenario");
    random_state = scenario.seed;
    pool = table((size_t)scenario.pages, PAGE_SIZE);
    slabs = table((size_t)scenario.pages, sizeof *slabs);
    ordinal_at = table((size_t)scenario.pages, sizeof *ordinal_at);
    freed_stack = table((size_t)scenario.pages, sizeof *freed_stack);
    page_live = table((size_t)scenario.pages, sizeof *page_live);
    page_constructed = table((size_t)scenario.pages, sizeof *page_constructed);
    for (int page = 0; page < scenario.pages; page++) slabs[page].list = NONE;
    struct sigaction crash = {.sa_handler = on_crash, .sa_flags = SA_RESETHAND};
    sigaction(SIGSEGV, &crash, NULL);
    sigaction(SIGBUS, &crash, NULL);
    sigaction(SIGABRT, &crash, NULL);

    current_op = BEFORE_OPS;
    for (int ci = 0; ci < scenario.caches; ci++) create_cache(ci);
    long period = scenario.live * 2 > 16 ? scenario.live * 2 : 16, in_use = 0;
    for (current_op = 0; current_op < scenario.ops; current_op++) {
        int ci = (int)(next_random() % (uint32_t)scenario.caches);
        struct test_cache *c = &caches[ci];
        uint32_t r = next_random() % 1000;
        if (r < 2) {
            do_reclaim(ci);
            check_stats(ci);
        } else if (r < 5) {
            check_stats(ci);
        } else {
            int growing = current_op / period % 2 == 0;
            int alloc = next_random() % 4 < (growing ? 3u : 1u);
            if (c->live_count == 0) alloc = 1;
            if (alloc && in_use >= scenario.live) continue;
            if (alloc) {
                long before = allocs;
                do_alloc(ci);
                in_use += allocs - before;
            } else {
                uint32_t how = next_random() % 4;
                size_t index = how < 2 ? c->live_count - 1 : how == 2 ? 0 : next_random() % c->live_count;
                do_free(ci, index);
                in_use--;
            }
        }
    }
    current_op = AFTER_OPS;
    for (int ci = 0; ci < scenario.caches; ci++) {
        struct test_cache *c = &caches[ci];
        while (c->live_count) do_free(ci, c->live_count - 1);
        check_stats(ci);
        if (ci % 2 == 0) {
            do_reclaim(ci);
            check_stats(ci);
        }
        destroy_cache(ci);
    }
    if (pages_held) fail("%d pages are still held after every cache was destroyed.", pages_held);
    /* A destroyed cache's descriptor is free for a later cache_create: all of them, once more. */
    for (int ci = 0; ci < SLAB_MAX_CACHES; ci++) {
        caches[ci] = (struct test_cache){.size = 64, .align = 8};
        begin_call(CALL_CREATE, ci);
        struct cache *again = cache_create("again", 64, 8, NULL);
        if (!again) fail("cache_create returned NULL for cache %d of %d, after every earlier cache was destroyed: a destroyed cache's descriptor can be used again.", ci + 1, SLAB_MAX_CACHES);
        caches[ci].cache = again;
    }
    for (int ci = 0; ci < SLAB_MAX_CACHES; ci++) {
        begin_call(CALL_DESTROY, ci);
        cache_destroy(caches[ci].cache);
    }
    report_number("allocs", allocs);
    report_number("nulls", nulls);
    report_number("frees", frees);
    report_number("reclaimed", reclaimed);
    report_number("constructed", ctor_calls);
    report_number("peak_pages", peak_pages);
    report_number("checksum", checksum);
    report_end();
    return 0;
}

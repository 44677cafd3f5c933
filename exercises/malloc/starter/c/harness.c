/* The test harness (read-only): replays an allocation trace on your allocator and checks every block
 * it returns: 16-byte aligned, inside the heap, overlapping no allocated block (it keeps its own map
 * of the heap, outside it), and holding its bytes. It writes a pattern into every byte of each block
 * and checks it when the block is freed or reallocated, and at the end; after every call it checks the
 * edges of the blocks next to the one that changed, so a header written into a neighbour is caught
 * where it happens. Freed bytes and new heap bytes are filled with junk, so calloc must zero them. It
 * measures the heap's peak size against the peak of the bytes allocated (utilisation), and checks
 * where the policy puts blocks when the trace asks (w, j) and that the heap did not grow (m, n). It
 * owns main and writes its report on its own descriptor (report.c): print to stderr if you want to
 * debug (stdout goes there too).
 *
 * Input: a nonce line, then the trace: the policy (first, best or next), then one operation a line:
 *   a ID SIZE       block ID = mm_malloc(SIZE)
 *   c ID N SIZE     block ID = mm_calloc(N, SIZE)
 *   r ID SIZE       block ID = mm_realloc(block ID, SIZE) (mm_realloc(NULL, SIZE) if ID is not allocated)
 *   f ID            mm_free(block ID) (mm_free(NULL) if ID is not allocated)
 *   w ID FROM TO    block ID lies where blocks FROM to TO were (when freed; or are, if allocated)
 *   j ID PREV       block ID starts right after block PREV ends
 *   m               note the heap's size
 *   n               the heap has not grown since the last m
 * IDs are 0 to 999,999; an ID may be allocated again once freed. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "memlib.h"
#include "mm.h"
#include "report.h"

#define MAX_IDS 1000000
#define MAX_OPS 2000000
/* w: a block may start or end this many bytes beyond the old blocks' bytes (their headers). j: a block
 * starts at most this many bytes after the previous one ends. */
#define SLACK 32
#define ADJACENT 64
/* After each call, the live blocks within this many bytes of the changed one have their edges checked. */
#define NEIGHBOURHOOD 64
#define EDGE 64
#define JUNK 0xA5
#define GRANULE 16
/* The heap is made accessible in steps of this much as it grows; above, a stray write faults. */
#define MAP_STEP (64 * 1024)

/* ---- the trace ---- */
struct op {
    char kind;
    uint32_t id, from, to;
    uint64_t n, size;
};

static struct op *ops;
static long op_count;
static int policy;
static const char *const POLICY_NAMES[] = {"first fit", "best fit", "next fit"};
static const char *const POLICY_RULES[] = {"the lowest-addressed free block large enough", "the smallest free block large enough (of equal ones, the lowest)",
                                           "the first large-enough free block from the rover on"};

/* ---- the heap (memlib.h) ---- */
static uint8_t *heap_lo, *heap_brk, *heap_mapped;
static uint8_t *peak_brk;
static int sbrk_refused;
static long grew_at = -1; /* the operation during which the heap first grew since the last m */
static long current = -1; /* the operation being replayed */

void *mem_sbrk(intptr_t incr) {
    if (incr < 0 || (size_t)incr > MEM_MAX_HEAP - (size_t)(heap_brk - heap_lo)) {
        sbrk_refused = 1;
        return (void *)-1;
    }
    uint8_t *old = heap_brk, *top = heap_brk + incr;
    if (top > heap_mapped) {
        size_t want = ((size_t)(top - heap_lo) + MAP_STEP - 1) / MAP_STEP * MAP_STEP;
        if (want > MEM_MAX_HEAP) want = MEM_MAX_HEAP;
        if (mprotect(heap_mapped, (size_t)(heap_lo + want - heap_mapped), PROT_READ | PROT_WRITE) != 0) {
            fprintf(stderr, "harness: mprotect failed (%s)\n", strerror(errno));
            _exit(2);
        }
        heap_mapped = heap_lo + want;
    }
    memset(old, JUNK, (size_t)incr);
    heap_brk = top;
    if (incr > 0 && grew_at < 0) grew_at = current;
    if (heap_brk > peak_brk) peak_brk = heap_brk;
    return old;
}

void *mem_heap_lo(void) {
    return heap_lo;
}

void *mem_heap_hi(void) {
    return heap_brk - 1;
}

size_t mem_heapsize(void) {
    return (size_t)(heap_brk - heap_lo);
}

/* ---- the blocks, as the harness knows them ---- */
struct block {
    uint8_t *p;        /* NULL when not allocated */
    uint64_t size;     /* bytes asked for */
    uint64_t seed;     /* of the pattern in its bytes */
    long made_at;      /* the operation that allocated it */
    uint8_t *was, *was_end; /* where it was when last freed (NULL if never) */
};

static struct block *blocks;
/* Per 16-byte granule of the heap: 1 + the ID of the allocated block holding it, or 0. */
static uint32_t *owner;
static uint64_t live_bytes, peak_live, checked_bytes;
static long mark_brk_op = -1;
static uint8_t *mark_brk;

static long offset(const void *p) {
    return (long)((const uint8_t *)p - heap_lo);
}

/* "operation 12 (a 7 900)" */
static const char *where(long i) {
    static char text[2][160];
    static int turn;
    char *out = text[turn ^= 1];
    const struct op *o = &ops[i];
    switch (o->kind) {
    case 'a':
    case 'r':
        snprintf(out, 160, "operation %ld (%c %u %llu)", i + 1, o->kind, o->id, (unsigned long long)o->size);
        break;
    case 'c':
        snprintf(out, 160, "operation %ld (c %u %llu %llu)", i + 1, o->id, (unsigned long long)o->n, (unsigned long long)o->size);
        break;
    case 'f':
        snprintf(out, 160, "operation %ld (f %u)", i + 1, o->id);
        break;
    case 'w':
        snprintf(out, 160, "operation %ld (w %u %u %u)", i + 1, o->id, o->from, o->to);
        break;
    case 'j':
        snprintf(out, 160, "operation %ld (j %u %u)", i + 1, o->id, o->from);
        break;
    default:
        snprintf(out, 160, "operation %ld (%c)", i + 1, o->kind);
    }
    return out;
}

/* A failure ends the replay: the heap may be in any state. */
__attribute__((noreturn)) static void stop(void) {
    report_number("ops", current + 1);
    report_end();
    _exit(0);
}

#define FAIL(...)                \
    do {                         \
        report_fail(__VA_ARGS__); \
        stop();                  \
    } while (0)

/* ---- the pattern in every allocated byte ---- */
static inline uint64_t word_of(uint64_t seed, uint64_t k) {
    return seed ^ ((k + 1) * 0x9E3779B97F4A7C15ull);
}

static void fill(uint8_t *p, uint64_t size, uint64_t seed) {
    uint64_t words = size / 8, k = 0;
    for (; k < words; k++) ((uint64_t *)p)[k] = word_of(seed, k);
    if (size % 8) {
        uint64_t last = word_of(seed, k);
        memcpy(p + k * 8, &last, size % 8);
    }
}

/* The first byte in [from, to) of a block at p that differs from its pattern, or -1. */
static int64_t first_wrong(const uint8_t *p, uint64_t size, uint64_t seed, uint64_t from, uint64_t to) {
    if (to > size) to = size;
    uint64_t k = from / 8;
    for (; (k + 1) * 8 <= to; k++) {
        uint64_t got;
        memcpy(&got, p + k * 8, 8);
        if (got != word_of(seed, k)) break;
    }
    for (uint64_t i = k * 8 > from ? k * 8 : from; i < to; i++) {
        uint64_t w = word_of(seed, i / 8);
        if (p[i] != (uint8_t)(w >> (8 * (i % 8)))) return (int64_t)i;
    }
    return -1;
}

/* Checks the bytes [from, to) of block `id`; `when` says what the harness was doing. */
static void check_pattern(uint32_t id, uint64_t from, uint64_t to, const char *when) {
    struct block *b = &blocks[id];
    int64_t wrong = first_wrong(b->p, b->size, b->seed, from, to);
    if (wrong < 0) return;
    FAIL("Block %u (%llu bytes at heap offset %ld, allocated by %s) changed while it was allocated: its byte %lld was overwritten, found %s. Something wrote into an allocated block: a header or free-list link placed inside it, a split or a merge that reached into it, or a copy past the end of another block.",
         id, (unsigned long long)b->size, offset(b->p), where(b->made_at), (long long)wrong, when);
}

/* ---- the map of allocated granules ---- */
static void claim(uint32_t id, const char *call) {
    struct block *b = &blocks[id];
    uintptr_t address = (uintptr_t)b->p;
    uint64_t span = b->size ? b->size : 1;
    if (address % MM_ALIGNMENT)
        FAIL("%s returned %p, which is not a multiple of %d: every block must be %d-byte aligned (round block sizes and the heap's start to 16, and mind the header's size).",
             call, (void *)b->p, MM_ALIGNMENT, MM_ALIGNMENT);
    if (b->p < heap_lo || b->p > heap_brk || span > (uint64_t)(heap_brk - b->p))
        FAIL("%s returned a block (%p, %llu bytes) that is not inside the heap (offsets 0 to %ld): every block must come from memory mem_sbrk gave.",
             call, (void *)b->p, (unsigned long long)b->size, offset(heap_brk) - 1);
    size_t first = (size_t)offset(b->p) / GRANULE, last = ((size_t)offset(b->p) + span - 1) / GRANULE;
    for (size_t g = first; g <= last; g++) {
        if (owner[g]) {
            struct block *other = &blocks[owner[g] - 1];
            FAIL("%s returned a block (heap offsets %ld to %ld) that overlaps block %u (offsets %ld to %ld, allocated by %s and not freed): a block still allocated was handed out again, or a free block's size is wrong.",
                 call, offset(b->p), offset(b->p) + (long)b->size - 1, owner[g] - 1, offset(other->p), offset(other->p) + (long)other->size - 1,
                 where(other->made_at));
        }
    }
    for (size_t g = first; g <= last; g++) owner[g] = id + 1;
}

static void unclaim(uint32_t id) {
    struct block *b = &blocks[id];
    uint64_t span = b->size ? b->size : 1;
    size_t first = (size_t)offset(b->p) / GRANULE, last = ((size_t)offset(b->p) + span - 1) / GRANULE;
    for (size_t g = first; g <= last; g++) owner[g] = 0;
}

/* Checks the edges of the allocated blocks within NEIGHBOURHOOD bytes of [start, end). */
static void check_neighbours(const uint8_t *start, const uint8_t *end) {
    const uint8_t *lo = start - NEIGHBOURHOOD < heap_lo ? heap_lo : start - NEIGHBOURHOOD;
    const uint8_t *hi = end + NEIGHBOURHOOD > heap_brk ? heap_brk : end + NEIGHBOURHOOD;
    uint32_t seen = 0;
    for (const uint8_t *q = lo; q < hi; q += GRANULE) {
        if (q >= start && q < end) q = end;
        if (q >= hi) break;
        uint32_t o = owner[(size_t)offset(q) / GRANULE];
        if (!o || o == seen) continue;
        seen = o;
        struct block *b = &blocks[o - 1];
        char when[200];
        snprintf(when, sizeof when, "just after %s, which changed the block next to it", where(current));
        check_pattern(o - 1, 0, EDGE, when);
        if (b->size > EDGE) check_pattern(o - 1, b->size > 2 * EDGE ? b->size - EDGE : EDGE, b->size, when);
    }
}

/* ---- the operations ---- */
static const char *call_in_progress = "no call";

/* Block `id`, claimed at its new place, gets a new pattern and counts as allocated. */
static void settle(uint32_t id) {
    struct block *b = &blocks[id];
    b->seed = 0x5EED000000000000ull ^ ((uint64_t)id << 24) ^ (uint64_t)current * 0x2545F4914F6CDD1Dull;
    b->made_at = current;
    fill(b->p, b->size, b->seed);
    live_bytes += b->size;
    if (live_bytes > peak_live) peak_live = live_bytes;
}

static void allocated(uint32_t id, uint8_t *p, uint64_t size, const char *call) {
    blocks[id].p = p;
    blocks[id].size = size;
    claim(id, call);
    settle(id);
}

/* A NULL for a request the heap could hold is a failure: the traces fit in a fraction of it. */
static void refused(const char *call, uint64_t size) {
    if (sbrk_refused)
        FAIL("%s returned NULL: the heap is full (mem_sbrk refused to grow it past %zu MiB), yet only %llu bytes are allocated. Are freed blocks reused, and merged with their free neighbours?",
             call, MEM_MAX_HEAP >> 20, (unsigned long long)live_bytes);
    FAIL("%s returned NULL for %llu bytes, though the heap could still grow (mem_sbrk never refused).", call, (unsigned long long)size);
}

static void do_malloc(const struct op *o) {
    char call[96];
    snprintf(call, sizeof call, "mm_malloc(%llu) at %s", (unsigned long long)o->size, where(current));
    call_in_progress = "mm_malloc";
    uint8_t *p = mm_malloc(o->size);
    call_in_progress = "no call";
    if (!p) {
        if (o->size == 0 || o->size > MEM_MAX_HEAP) return;
        refused(call, o->size);
    }
    if (o->size > MEM_MAX_HEAP)
        FAIL("%s returned a block, but %llu bytes is more than the heap can ever hold (%zu MiB): it must return NULL. Does the size plus your header overflow?", call,
             (unsigned long long)o->size, MEM_MAX_HEAP >> 20);
    allocated(o->id, p, o->size, call);
    check_neighbours(p, p + (o->size ? o->size : 1));
}

static void do_calloc(const struct op *o) {
    char call[128];
    snprintf(call, sizeof call, "mm_calloc(%llu, %llu) at %s", (unsigned long long)o->n, (unsigned long long)o->size, where(current));
    uint64_t total;
    int overflows = __builtin_mul_overflow(o->n, o->size, &total);
    call_in_progress = "mm_calloc";
    uint8_t *p = mm_calloc(o->n, o->size);
    call_in_progress = "no call";
    if (overflows) {
        if (p) FAIL("%s returned a block, but %llu × %llu overflows size_t: it must return NULL. Check the product before you multiply.", call, (unsigned long long)o->n, (unsigned long long)o->size);
        return;
    }
    if (!p) {
        if (total == 0 || total > MEM_MAX_HEAP) return;
        refused(call, total);
    }
    if (total > MEM_MAX_HEAP)
        FAIL("%s returned a block, but %llu bytes is more than the heap can ever hold (%zu MiB): it must return NULL.", call, (unsigned long long)total, MEM_MAX_HEAP >> 20);
    for (uint64_t i = 0; i < total; i++) {
        if (p[i] == 0) continue;
        FAIL("%s returned memory that is not all zero: its byte %llu is 0x%02x. Memory from a freed block, or new heap from mem_sbrk, holds old bytes: calloc must zero the block.", call,
             (unsigned long long)i, p[i]);
    }
    allocated(o->id, p, total, call);
    check_neighbours(p, p + (total ? total : 1));
}

static void freed(uint32_t id) {
    struct block *b = &blocks[id];
    b->was = b->p;
    b->was_end = b->p + b->size;
    live_bytes -= b->size;
    b->p = NULL;
}

static void do_free(const struct op *o) {
    struct block *b = &blocks[o->id];
    if (!b->p) {
        call_in_progress = "mm_free";
        mm_free(NULL);
        call_in_progress = "no call";
        return;
    }
    char when[200];
    snprintf(when, sizeof when, "when it was freed (%s)", where(current));
    check_pattern(o->id, 0, b->size, when);
    checked_bytes += b->size;
    unclaim(o->id);
    uint8_t *p = b->p;
    uint64_t span = b->size ? b->size : 1;
    memset(p, JUNK, b->size);
    freed(o->id);
    call_in_progress = "mm_free";
    mm_free(p);
    call_in_progress = "no call";
    check_neighbours(p, p + span);
}

static void do_realloc(const struct op *o) {
    struct block *b = &blocks[o->id];
    char call[128];
    snprintf(call, sizeof call, "mm_realloc(%s, %llu) at %s", b->p ? "block" : "NULL", (unsigned long long)o->size, where(current));
    if (!b->p) {
        call_in_progress = "mm_realloc";
        uint8_t *p = mm_realloc(NULL, o->size);
        call_in_progress = "no call";
        if (o->size == 0) {
            /* mm_realloc(NULL, 0) is mm_malloc(0); the trace counts the block freed (r ID 0). */
            if (p) mm_free(p);
            return;
        }
        if (!p) {
            if (o->size > MEM_MAX_HEAP) return;
            refused(call, o->size);
        }
        if (o->size > MEM_MAX_HEAP) FAIL("%s returned a block, but %llu bytes is more than the heap can ever hold: it must return NULL.", call, (unsigned long long)o->size);
        allocated(o->id, p, o->size, call);
        check_neighbours(p, p + o->size);
        return;
    }
    char when[200];
    snprintf(when, sizeof when, "when it was reallocated (%s)", where(current));
    check_pattern(o->id, 0, b->size, when);
    checked_bytes += b->size;
    uint8_t *old = b->p;
    uint64_t old_size = b->size, old_seed = b->seed, old_span = old_size ? old_size : 1;
    unclaim(o->id);
    call_in_progress = "mm_realloc";
    uint8_t *p = mm_realloc(old, o->size);
    call_in_progress = "no call";
    if (o->size == 0) {
        if (p) FAIL("%s returned a block: mm_realloc(ptr, 0) must free the block and return NULL.", call);
        freed(o->id);
        check_neighbours(old, old + old_span);
        return;
    }
    if (!p) {
        if (o->size <= MEM_MAX_HEAP) refused(call, o->size);
        /* No room: the old block must be as it was. */
        claim(o->id, call);
        snprintf(when, sizeof when, "after %s returned NULL, which must leave the block as it was", call);
        check_pattern(o->id, 0, old_size, when);
        return;
    }
    if (o->size > MEM_MAX_HEAP)
        FAIL("%s returned a block, but %llu bytes is more than the heap can ever hold (%zu MiB): it must return NULL and leave the block as it was.", call, (unsigned long long)o->size,
             MEM_MAX_HEAP >> 20);
    uint64_t kept = old_size < o->size ? old_size : o->size;
    b->p = p;
    b->size = o->size;
    claim(o->id, call);
    int64_t wrong = first_wrong(p, kept, old_seed, 0, kept);
    if (wrong >= 0)
        FAIL("%s (block %u, %llu bytes, moved from heap offset %ld to %ld) did not keep the block's first %llu bytes: byte %lld differs. Copy min(old size, new size) bytes from the old block before freeing it.",
             call, o->id, (unsigned long long)old_size, offset(old), offset(p), (unsigned long long)kept, (long long)wrong);
    live_bytes -= old_size;
    settle(o->id);
    if (p != old) check_neighbours(old, old + old_span);
    check_neighbours(p, p + o->size);
}

/* The range block `id` covers now (allocated) or covered when last freed; 0 if neither. */
static int range_of(uint32_t id, uint8_t **start, uint8_t **end) {
    struct block *b = &blocks[id];
    if (b->p) *start = b->p, *end = b->p + b->size;
    else if (b->was) *start = b->was, *end = b->was_end;
    else return 0;
    return 1;
}

static void do_within(const struct op *o) {
    struct block *b = &blocks[o->id];
    uint8_t *from, *from_end, *to_start, *to;
    if (!b->p) FAIL("At %s, block %u is not allocated (its allocation returned NULL?), so where it lies cannot be checked.", where(current), o->id);
    if (!range_of(o->from, &from, &from_end) || !range_of(o->to, &to_start, &to))
        FAIL("At %s, block %u or %u was never allocated, so the trace cannot say where they were.", where(current), o->from, o->to);
    if (b->p + SLACK >= from && b->p + b->size <= to + SLACK) return;
    char blocks_text[64];
    if (o->from == o->to) snprintf(blocks_text, sizeof blocks_text, "block %u was", o->from);
    else snprintf(blocks_text, sizeof blocks_text, "blocks %u to %u were", o->from, o->to);
    FAIL("Block %u (%llu bytes, allocated by %s) is at heap offsets %ld to %ld, but it belongs where %s (offsets %ld to %ld, free by then and large enough): %s takes %s, and a free block is split, the block taking its lower part; freed neighbours are merged.",
         o->id, (unsigned long long)b->size, where(b->made_at), offset(b->p), offset(b->p) + (long)b->size - 1, blocks_text, offset(from), offset(to) - 1, POLICY_NAMES[policy],
         POLICY_RULES[policy]);
}

static void do_adjacent(const struct op *o) {
    struct block *b = &blocks[o->id], *prev = &blocks[o->from];
    if (!b->p || !prev->p) FAIL("At %s, block %u or %u is not allocated, so where it lies cannot be checked.", where(current), o->id, o->from);
    uint8_t *end = prev->p + prev->size;
    if (b->p >= end && b->p <= end + ADJACENT) return;
    FAIL("Block %u (%llu bytes, allocated by %s) is at heap offset %ld, but %s puts it right after block %u (which ends at offset %ld): the rover stays in the free rest of the block the last allocation split, and the search starts there.",
         o->id, (unsigned long long)b->size, where(b->made_at), offset(b->p), POLICY_NAMES[policy], o->from, offset(end) - 1);
}

/* ---- reading the trace ---- */
static char *input;
static size_t input_length, at;

static void bad_trace(const char *why) {
    fprintf(stderr, "harness: bad trace: %s (near byte %zu)\n", why, at);
    exit(2);
}

static void skip_blanks(void) {
    while (at < input_length && (input[at] == ' ' || input[at] == '\t' || input[at] == '\r')) at++;
}

static uint64_t number(void) {
    skip_blanks();
    if (at >= input_length || input[at] < '0' || input[at] > '9') bad_trace("a number expected");
    uint64_t value = 0;
    while (at < input_length && input[at] >= '0' && input[at] <= '9') {
        uint64_t digit = (uint64_t)(input[at++] - '0');
        if (value > (UINT64_MAX - digit) / 10) bad_trace("a number larger than 2^64 - 1");
        value = value * 10 + digit;
    }
    return value;
}

static uint32_t id_number(void) {
    uint64_t id = number();
    if (id >= MAX_IDS) bad_trace("an ID over 999,999");
    return (uint32_t)id;
}

static void read_trace(void) {
    size_t room = 1 << 20;
    input = malloc(room);
    for (size_t got; input && (got = fread(input + input_length, 1, room - input_length, stdin)) > 0;) {
        input_length += got;
        if (input_length == room) input = realloc(input, room *= 2);
    }
    if (!input) bad_trace("out of memory");
    while (at < input_length && (input[at] == ' ' || input[at] == '\n' || input[at] == '\r' || input[at] == '\t')) at++;
    if (input_length - at >= 5 && !strncmp(input + at, "first", 5)) policy = MM_FIRST_FIT, at += 5;
    else if (input_length - at >= 4 && !strncmp(input + at, "best", 4)) policy = MM_BEST_FIT, at += 4;
    else if (input_length - at >= 4 && !strncmp(input + at, "next", 4)) policy = MM_NEXT_FIT, at += 4;
    else bad_trace("the trace must start with the policy: first, best or next");
    ops = malloc(sizeof *ops * 1024);
    long room_ops = 1024;
    /* Which IDs the trace has allocated and not freed: an ID is allocated again only once freed. */
    uint8_t *allocated = calloc(MAX_IDS, 1);
    if (!allocated) bad_trace("out of memory");
    for (;;) {
        skip_blanks();
        while (at < input_length && input[at] == '\n') at++, skip_blanks();
        if (at >= input_length) break;
        if (op_count == MAX_OPS) bad_trace("more than 2,000,000 operations");
        if (op_count == room_ops) ops = realloc(ops, sizeof *ops * (size_t)(room_ops *= 2));
        if (!ops) bad_trace("out of memory");
        struct op *o = &ops[op_count];
        memset(o, 0, sizeof *o);
        o->kind = input[at++];
        switch (o->kind) {
        case 'a':
        case 'r':
            o->id = id_number(), o->size = number();
            break;
        case 'c':
            o->id = id_number(), o->n = number(), o->size = number();
            break;
        case 'f':
            o->id = id_number();
            break;
        case 'w':
            o->id = id_number(), o->from = id_number(), o->to = id_number();
            break;
        case 'j':
            o->id = id_number(), o->from = id_number();
            break;
        case 'm':
        case 'n':
            break;
        default:
            bad_trace("an operation is a, c, r, f, w, j, m or n");
        }
        skip_blanks();
        if (at < input_length && input[at] != '\n') bad_trace("more on a line than its operation takes");
        if ((o->kind == 'a' || o->kind == 'c') && allocated[o->id]) bad_trace("an ID allocated again before it was freed");
        if (o->kind == 'r' && o->size == 0 && !allocated[o->id]) bad_trace("r ID 0 on an ID not allocated (write a ID 0 for mm_malloc(0))");
        if (o->kind == 'a' || o->kind == 'c' || (o->kind == 'r' && o->size > 0)) allocated[o->id] = 1;
        if (o->kind == 'f' || (o->kind == 'r' && o->size == 0)) allocated[o->id] = 0;
        op_count++;
    }
    free(allocated);
    free(input);
}

/* ---- a crash in the allocator names the operation ---- */
static void crashed(int signal_number) {
    char text[400];
    int length = snprintf(text, sizeof text, "harness: the process was killed by signal %d (%s) at %s, in %s\n", signal_number, strsignal(signal_number),
                          current >= 0 ? where(current) : "mm_init", current >= 0 ? call_in_progress : "mm_init");
    if (write(2, text, (size_t)length) < 0) {
    }
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static void catch_crashes(void) {
    static uint8_t alternate[64 * 1024];
    stack_t stack = {.ss_sp = alternate, .ss_size = sizeof alternate};
    sigaltstack(&stack, NULL);
    struct sigaction action = {.sa_handler = crashed, .sa_flags = SA_ONSTACK | SA_RESETHAND};
    sigaction(SIGSEGV, &action, NULL);
    sigaction(SIGBUS, &action, NULL);
    sigaction(SIGABRT, &action, NULL);
}

int main(void) {
    report_begin();
    read_trace();
    /* The heap's reserved range, with an unmapped page above it; made accessible as it grows. */
    heap_lo = mmap(NULL, MEM_MAX_HEAP + 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    owner = calloc(MEM_MAX_HEAP / GRANULE, sizeof *owner);
    blocks = calloc(MAX_IDS, sizeof *blocks);
    if (heap_lo == MAP_FAILED || !owner || !blocks) {
        fprintf(stderr, "harness: cannot set up the heap (%s)\n", strerror(errno));
        return 2;
    }
    heap_brk = heap_mapped = peak_brk = heap_lo;
    catch_crashes();
    if (mm_init(policy) != 0) FAIL("mm_init(%d) returned -1.", policy);
    for (current = 0; current < op_count; current++) {
        const struct op *o = &ops[current];
        sbrk_refused = 0;
        switch (o->kind) {
        case 'a':
            do_malloc(o);
            break;
        case 'c':
            do_calloc(o);
            break;
        case 'r':
            do_realloc(o);
            break;
        case 'f':
            do_free(o);
            break;
        case 'w':
            do_within(o);
            break;
        case 'j':
            do_adjacent(o);
            break;
        case 'm':
            mark_brk = heap_brk, mark_brk_op = current, grew_at = -1;
            break;
        case 'n':
            if (heap_brk != mark_brk)
                FAIL("The heap grew by %ld bytes at %s, after %s, though the blocks freed before it left free memory enough for every request since: are freed neighbours merged, with the block below and the one above, and a large free block split?",
                     (long)(heap_brk - mark_brk), where(grew_at), where(mark_brk_op));
            break;
        }
    }
    current = op_count - 1;
    for (uint32_t id = 0; id < MAX_IDS; id++) {
        if (!blocks[id].p) continue;
        check_pattern(id, 0, blocks[id].size, "at the end of the trace");
        checked_bytes += blocks[id].size;
    }
    report_number("ops", op_count);
    report_number("peak_live", (long long)peak_live);
    report_number("peak_heap", (long long)(peak_brk - heap_lo));
    report_number("checked", (long long)checked_bytes);
    report_end();
    _exit(0);
}

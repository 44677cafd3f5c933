/* Expected AC: LRU with a min-heap of (last use, page) entries and lazy deletion: every access pushes
 * a fresh entry and stamps the page with its time; an eviction pops entries until the top is a
 * resident page whose stamp matches (older entries of pages used since are stale). O(log accesses)
 * per access, amortized; the heap holds up to one entry per access. Slower than the reference by a
 * constant and a log factor the performance and growth checks must allow. */
#include <stdlib.h>
#include "pager.h"

struct entry {
    int stamp, page;
};

struct pager {
    int frames, used, clock;
    int *last_use;          /* per page: the time of its latest access while resident, or 0 */
    unsigned char *dirty;   /* per page */
    struct entry *heap;
    int size, capacity;
};

pager *pager_create(int frames) {
    pager *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->last_use = calloc(PAGE_LIMIT, sizeof *p->last_use);
    p->dirty = calloc(PAGE_LIMIT, 1);
    p->capacity = 1024;
    p->heap = malloc((size_t)p->capacity * sizeof *p->heap);
    if (!p->last_use || !p->dirty || !p->heap) return NULL;
    p->frames = frames;
    return p;
}

static void push(pager *p, struct entry e) {
    if (p->size == p->capacity) {
        p->capacity *= 2;
        p->heap = realloc(p->heap, (size_t)p->capacity * sizeof *p->heap);
    }
    int i = p->size++;
    while (i > 0 && p->heap[(i - 1) / 2].stamp > e.stamp) {
        p->heap[i] = p->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    p->heap[i] = e;
}

static struct entry pop(pager *p) {
    struct entry top = p->heap[0], last = p->heap[--p->size];
    int i = 0;
    for (;;) {
        int child = 2 * i + 1;
        if (child >= p->size) break;
        if (child + 1 < p->size && p->heap[child + 1].stamp < p->heap[child].stamp) child++;
        if (p->heap[child].stamp >= last.stamp) break;
        p->heap[i] = p->heap[child];
        i = child;
    }
    if (p->size > 0) p->heap[i] = last;
    return top;
}

access_result pager_access(pager *p, int page, int is_write) {
    access_result result = {0, NO_PAGE, 0};
    if (p->last_use[page]) {
        result.hit = 1;
    } else {
        if (p->used == p->frames) {
            struct entry e;
            do e = pop(p); while (p->last_use[e.page] != e.stamp);
            result.evicted = e.page;
            result.dirty = p->dirty[e.page];
            p->last_use[e.page] = 0;
        } else {
            p->used++;
        }
        p->dirty[page] = 0;
    }
    if (is_write) p->dirty[page] = 1;
    p->last_use[page] = ++p->clock;
    push(p, (struct entry){p->clock, page});
    return result;
}

void pager_destroy(pager *p) {
    free(p->last_use);
    free(p->dirty);
    free(p->heap);
    free(p);
}

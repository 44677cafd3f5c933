/* Known bad: FIFO, not LRU: a hit does not make the page the most recently used. */
#include <stdlib.h>
#include "pager.h"

struct slot {
    int older, newer; /* neighbours in the recency list, NO_PAGE at its ends */
    unsigned char resident, dirty;
};

struct pager {
    int frames, used;
    int oldest, newest; /* the least and the most recently used resident pages */
    struct slot *slots; /* PAGE_LIMIT of them, indexed by page */
};

pager *pager_create(int frames) {
    pager *p = malloc(sizeof *p);
    if (!p) return NULL;
    p->slots = calloc(PAGE_LIMIT, sizeof *p->slots);
    if (!p->slots) {
        free(p);
        return NULL;
    }
    p->frames = frames;
    p->used = 0;
    p->oldest = p->newest = NO_PAGE;
    return p;
}

static void unlink_page(pager *p, int page) {
    struct slot *s = &p->slots[page];
    if (s->older == NO_PAGE) p->oldest = s->newer;
    else p->slots[s->older].newer = s->newer;
    if (s->newer == NO_PAGE) p->newest = s->older;
    else p->slots[s->newer].older = s->older;
}

static void push_newest(pager *p, int page) {
    struct slot *s = &p->slots[page];
    s->older = p->newest;
    s->newer = NO_PAGE;
    if (p->newest == NO_PAGE) p->oldest = page;
    else p->slots[p->newest].newer = page;
    p->newest = page;
}

access_result pager_access(pager *p, int page, int is_write) {
    access_result result = {0, NO_PAGE, 0};
    struct slot *s = &p->slots[page];
    if (s->resident) {
        result.hit = 1;
        if (is_write) s->dirty = 1;
        return result; /* a hit leaves the page where it was loaded */
    } else if (p->used == p->frames) {
        int victim = p->oldest;
        result.evicted = victim;
        result.dirty = p->slots[victim].dirty;
        unlink_page(p, victim);
        p->slots[victim].resident = 0;
        s->resident = 1;
        s->dirty = 0;
    } else {
        p->used++;
        s->resident = 1;
        s->dirty = 0;
    }
    if (is_write) s->dirty = 1;
    push_newest(p, page);
    return result;
}

void pager_destroy(pager *p) {
    free(p->slots);
    free(p);
}

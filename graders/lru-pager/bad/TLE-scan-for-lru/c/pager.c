/* Known bad: right answers, but O(frames) per access: it scans the frames to find the page, and
 * again for the smallest last-use time on every eviction. */
#include <stdlib.h>
#include "pager.h"

struct pager {
    int frames, used;
    long clock;
    int *page;       /* page held by each used frame */
    long *last_use;  /* when each frame's page was last used */
    char *dirty;
};

pager *pager_create(int frames) {
    pager *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->frames = frames;
    p->page = malloc(sizeof *p->page * (size_t)frames);
    p->last_use = malloc(sizeof *p->last_use * (size_t)frames);
    p->dirty = malloc((size_t)frames);
    return p;
}

access_result pager_access(pager *p, int page, int is_write) {
    access_result result = {0, NO_PAGE, 0};
    long now = ++p->clock;
    for (int f = 0; f < p->used; f++) {
        if (p->page[f] == page) {
            result.hit = 1;
            p->last_use[f] = now;
            if (is_write) p->dirty[f] = 1;
            return result;
        }
    }
    int f;
    if (p->used < p->frames) {
        f = p->used++;
    } else {
        f = 0;
        for (int g = 1; g < p->frames; g++)
            if (p->last_use[g] < p->last_use[f]) f = g;
        result.evicted = p->page[f];
        result.dirty = p->dirty[f];
    }
    p->page[f] = page;
    p->last_use[f] = now;
    p->dirty[f] = (char)is_write;
    return result;
}

void pager_destroy(pager *p) {
    free(p->page);
    free(p->last_use);
    free(p->dirty);
    free(p);
}

/* Known bad: bad/AC-hash-map-malloc-nodes with a fixed 4,096 buckets whatever the frame count: its
 * chains are about 6 nodes long with 25,000 frames and about 24 with 100,000, so an access costs more
 * as the frames grow. Right answers; quadrupling the input multiplies its CPU time by about 11 (the
 * limit is 7), and on the performance workloads (70,000 and 100,000 frames) it costs 4.5-5.5 times the
 * reference's (the limit is 4): the growth check is the one with a margin. */
#include <stdlib.h>
#include "pager.h"

#define BUCKETS 4096

struct node {
    int page, dirty;
    struct node *older, *newer; /* the recency list */
    struct node *next_in_bucket;
};

struct pager {
    int frames, used;
    struct node *oldest, *newest;
    struct node **buckets;
    unsigned mask;
};

pager *pager_create(int frames) {
    pager *p = malloc(sizeof *p);
    if (!p) return NULL;
    unsigned size = BUCKETS;
    p->buckets = calloc(size, sizeof *p->buckets);
    if (!p->buckets) {
        free(p);
        return NULL;
    }
    p->mask = size - 1;
    p->frames = frames;
    p->used = 0;
    p->oldest = p->newest = NULL;
    return p;
}

static unsigned bucket_of(const pager *p, int page) {
    return ((unsigned)page * 2654435761u) & p->mask;
}

static struct node *find(const pager *p, int page) {
    for (struct node *n = p->buckets[bucket_of(p, page)]; n; n = n->next_in_bucket)
        if (n->page == page) return n;
    return NULL;
}

static void forget(pager *p, struct node *node) {
    struct node **link = &p->buckets[bucket_of(p, node->page)];
    while (*link != node) link = &(*link)->next_in_bucket;
    *link = node->next_in_bucket;
}

static void unlink_node(pager *p, struct node *n) {
    if (n->older) n->older->newer = n->newer;
    else p->oldest = n->newer;
    if (n->newer) n->newer->older = n->older;
    else p->newest = n->older;
}

static void push_newest(pager *p, struct node *n) {
    n->older = p->newest;
    n->newer = NULL;
    if (p->newest) p->newest->newer = n;
    else p->oldest = n;
    p->newest = n;
}

access_result pager_access(pager *p, int page, int is_write) {
    access_result result = {0, NO_PAGE, 0};
    struct node *n = find(p, page);
    if (n) {
        result.hit = 1;
        unlink_node(p, n);
    } else {
        if (p->used == p->frames) {
            struct node *victim = p->oldest;
            result.evicted = victim->page;
            result.dirty = victim->dirty;
            unlink_node(p, victim);
            forget(p, victim);
            free(victim);
        } else {
            p->used++;
        }
        n = malloc(sizeof *n);
        n->page = page;
        n->dirty = 0;
        unsigned b = bucket_of(p, page);
        n->next_in_bucket = p->buckets[b];
        p->buckets[b] = n;
    }
    if (is_write) n->dirty = 1;
    push_newest(p, n);
    return result;
}

void pager_destroy(pager *p) {
    for (struct node *n = p->oldest; n;) {
        struct node *newer = n->newer;
        free(n);
        n = newer;
    }
    free(p->buckets);
    free(p);
}

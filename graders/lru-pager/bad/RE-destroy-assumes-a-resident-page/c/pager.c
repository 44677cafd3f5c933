/* Known bad: frees its nodes with a do-while loop that assumes at least one page is resident, so
 * pager_destroy dereferences NULL when there was no access at all (SIGSEGV). Otherwise the same as
 * the expected-AC bad/AC-hash-map-malloc-nodes. Caught only by the hidden test "no accesses". */
#include <stdlib.h>
#include "pager.h"

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
    unsigned size = 1;
    while (size < 2u * (unsigned)frames) size *= 2;
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
    struct node *n = p->oldest;
    do {
        struct node *newer = n->newer;
        free(n);
        n = newer;
    } while (n);
    free(p->buckets);
    free(p);
}

#ifndef PAGER_H
#define PAGER_H

/* Page numbers are 0 .. PAGE_LIMIT - 1; a pager has 1 .. MAX_FRAMES frames. */
#define PAGE_LIMIT 1000000
#define MAX_FRAMES 100000
/* The `evicted` of a hit, or of a fault that found a free frame. */
#define NO_PAGE (-1)

/* Your pager's state: define struct pager in pager.c. */
typedef struct pager pager;

typedef struct {
    int hit;     /* 1 if the page was resident, 0 on a page fault */
    int evicted; /* on a fault: the page evicted to make room, or NO_PAGE if a frame was free */
    int dirty;   /* 1 if the evicted page was written since it was loaded: it needs a write-back */
} access_result;

/* A pager with `frames` frames, all free; NULL if out of memory. */
pager *pager_create(int frames);

/* One access to `page` (a write if is_write is 1, else a read). Afterwards the page is resident
 * and the most recently used; on a fault with every frame in use, the least recently used page
 * is evicted. */
access_result pager_access(pager *p, int page, int is_write);

void pager_destroy(pager *p);

#endif

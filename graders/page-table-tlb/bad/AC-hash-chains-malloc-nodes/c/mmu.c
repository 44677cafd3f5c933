/* The TLB as a chained hash table of malloc'd nodes, the nodes also on a doubly linked recency list
 * (most recent at the head): O(1) per access, with an allocation per fill and a pointer chase per
 * lookup. The page table: a directory of 1024 pointers to tables of 1024 entries. */
#include <stdlib.h>
#include "mmu.h"

#define BUCKETS 8192

typedef struct {
    uint32_t frame;
    int perms, present;
} pte;

typedef struct node {
    uint32_t vpn, frame;
    int perms;
    struct node *chain;       /* the next node in the same bucket */
    struct node *prev, *next; /* recency: prev is more recent */
} node;

struct mmu {
    pte *directory[1024];
    int mapped[1024];
    int tables;
    node *buckets[BUCKETS];
    node *head, *tail;
    int capacity, size;
};

mmu *mmu_create(int tlb_entries) {
    mmu *m = calloc(1, sizeof *m);
    if (m) m->capacity = tlb_entries;
    return m;
}

static unsigned bucket_of(uint32_t vpn) {
    return (vpn * 2654435761u) >> 19; /* the top 13 bits of a multiplicative hash */
}

static node *find(mmu *m, uint32_t vpn) {
    for (node *n = m->buckets[bucket_of(vpn)]; n; n = n->chain)
        if (n->vpn == vpn) return n;
    return NULL;
}

static void unlink_recency(mmu *m, node *n) {
    if (n->prev) n->prev->next = n->next;
    else m->head = n->next;
    if (n->next) n->next->prev = n->prev;
    else m->tail = n->prev;
}

static void push_head(mmu *m, node *n) {
    n->prev = NULL;
    n->next = m->head;
    if (m->head) m->head->prev = n;
    else m->tail = n;
    m->head = n;
}

static void remove_node(mmu *m, node *n) {
    node **link = &m->buckets[bucket_of(n->vpn)];
    while (*link != n) link = &(*link)->chain;
    *link = n->chain;
    unlink_recency(m, n);
    free(n);
    m->size--;
}

static void shoot_down(mmu *m, uint32_t vpn) {
    node *n = find(m, vpn);
    if (n) remove_node(m, n);
}

static pte *lookup(mmu *m, uint32_t vpn) {
    pte *table = m->directory[vpn >> 10];
    return table && table[vpn & 1023].present ? &table[vpn & 1023] : NULL;
}

int mmu_map(mmu *m, uint32_t vpn, uint32_t frame, int perms) {
    if (!m->directory[vpn >> 10]) {
        m->directory[vpn >> 10] = calloc(1024, sizeof(pte));
        m->tables++;
    }
    pte *e = &m->directory[vpn >> 10][vpn & 1023];
    int replaced = e->present;
    if (replaced) shoot_down(m, vpn);
    else m->mapped[vpn >> 10]++;
    *e = (pte){frame, perms, 1};
    return replaced;
}

int mmu_unmap(mmu *m, uint32_t vpn) {
    pte *e = lookup(m, vpn);
    if (!e) return 0;
    e->present = 0;
    shoot_down(m, vpn);
    if (--m->mapped[vpn >> 10] == 0) {
        free(m->directory[vpn >> 10]);
        m->directory[vpn >> 10] = NULL;
        m->tables--;
    }
    return 1;
}

int mmu_protect(mmu *m, uint32_t vpn, int perms) {
    pte *e = lookup(m, vpn);
    if (!e) return 0;
    e->perms = perms;
    shoot_down(m, vpn);
    return 1;
}

access_result mmu_access(mmu *m, uint32_t address, int need) {
    uint32_t vpn = address >> 12;
    access_result r = {0, TRANSLATED, 0};
    node *n = find(m, vpn);
    if (n) {
        r.tlb_hit = 1;
        unlink_recency(m, n);
        push_head(m, n);
    } else {
        pte *e = lookup(m, vpn);
        if (!e) {
            r.outcome = NOT_PRESENT;
            return r;
        }
        if (m->size == m->capacity) remove_node(m, m->tail);
        n = malloc(sizeof *n);
        if (!n) abort();
        *n = (node){vpn, e->frame, e->perms, m->buckets[bucket_of(vpn)], NULL, NULL};
        m->buckets[bucket_of(vpn)] = n;
        push_head(m, n);
        m->size++;
    }
    if (!(n->perms & need)) r.outcome = PROTECTION;
    else r.physical = n->frame << 12 | (address & 0xfff);
    return r;
}

int mmu_tables(const mmu *m) {
    return m->tables;
}

void mmu_destroy(mmu *m) {
    while (m->head) remove_node(m, m->head);
    for (int i = 0; i < 1024; i++) free(m->directory[i]);
    free(m);
}

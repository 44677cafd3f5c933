/* A TLB as an array of entries stamped with the time of their last use: a lookup scans it for the
 * page, and a fill into a full TLB scans it again for the oldest stamp. O(TLB size) per access. */
#include <stdlib.h>
#include "mmu.h"

typedef struct {
    uint32_t frame;
    int perms, present;
} pte;

typedef struct {
    uint32_t vpn, frame;
    int perms;
    long last_used;
} tlb_entry;

struct mmu {
    pte *directory[1024];
    int mapped[1024];
    int tables;
    tlb_entry *tlb;
    int capacity, size;
    long clock;
};

mmu *mmu_create(int tlb_entries) {
    mmu *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->tlb = malloc((size_t)tlb_entries * sizeof *m->tlb);
    m->capacity = tlb_entries;
    return m;
}

static int find(mmu *m, uint32_t vpn) {
    for (int i = 0; i < m->size; i++)
        if (m->tlb[i].vpn == vpn) return i;
    return -1;
}

static void invalidate(mmu *m, uint32_t vpn) {
    int i = find(m, vpn);
    if (i >= 0) m->tlb[i] = m->tlb[--m->size];
}

static pte *lookup(mmu *m, uint32_t vpn) {
    pte *table = m->directory[vpn >> 10];
    if (!table || !table[vpn & 1023].present) return NULL;
    return &table[vpn & 1023];
}

int mmu_map(mmu *m, uint32_t vpn, uint32_t frame, int perms) {
    if (!m->directory[vpn >> 10]) {
        m->directory[vpn >> 10] = calloc(1024, sizeof(pte));
        m->tables++;
    }
    pte *e = &m->directory[vpn >> 10][vpn & 1023];
    int replaced = e->present;
    if (replaced) invalidate(m, vpn);
    else m->mapped[vpn >> 10]++;
    e->present = 1;
    e->frame = frame;
    e->perms = perms;
    return replaced;
}

int mmu_unmap(mmu *m, uint32_t vpn) {
    pte *e = lookup(m, vpn);
    if (!e) return 0;
    e->present = 0;
    invalidate(m, vpn);
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
    invalidate(m, vpn);
    return 1;
}

access_result mmu_access(mmu *m, uint32_t address, int need) {
    uint32_t vpn = address >> 12;
    access_result r = {0, TRANSLATED, 0};
    int i = find(m, vpn);
    if (i >= 0) {
        r.tlb_hit = 1;
    } else {
        pte *e = lookup(m, vpn);
        if (!e) {
            r.outcome = NOT_PRESENT;
            return r;
        }
        if (m->size < m->capacity) {
            i = m->size++;
        } else {
            i = 0;
            for (int j = 1; j < m->size; j++)
                if (m->tlb[j].last_used < m->tlb[i].last_used) i = j;
        }
        m->tlb[i].vpn = vpn;
        m->tlb[i].frame = e->frame;
        m->tlb[i].perms = e->perms;
    }
    m->tlb[i].last_used = ++m->clock;
    if (!(m->tlb[i].perms & need)) r.outcome = PROTECTION;
    else r.physical = m->tlb[i].frame << 12 | (address & 0xfff);
    return r;
}

int mmu_tables(const mmu *m) {
    return m->tables;
}

void mmu_destroy(mmu *m) {
    for (int i = 0; i < 1024; i++) free(m->directory[i]);
    free(m->tlb);
    free(m);
}

#include <stdlib.h>
#include "mmu.h"

/* A page-table entry: the frame in bits 12-31, present in bit 3, the permissions in bits 0-2. */
#define PRESENT 8u
#define NO_SLOT (-1)

typedef struct {
    uint32_t vpn, frame;
    int perms;
    int newer, older; /* the recency list: slots, NO_SLOT at the ends */
} tlb_entry;

struct mmu {
    uint32_t *directory[1024]; /* second-level tables, NULL where no page of the region is mapped */
    int present[1024];         /* mapped pages per table: the table is freed when this drops to 0 */
    int tables;
    tlb_entry *tlb;
    int capacity, size;
    int newest, oldest;
    int *slot_of; /* page -> TLB slot, or NO_SLOT: 2^20 of them, so a lookup is one load */
};

mmu *mmu_create(int tlb_entries) {
    mmu *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->tlb = malloc((size_t)tlb_entries * sizeof *m->tlb);
    m->slot_of = malloc((MAX_PAGE + 1) * sizeof *m->slot_of);
    if (!m->tlb || !m->slot_of) {
        mmu_destroy(m);
        return NULL;
    }
    for (int i = 0; i <= MAX_PAGE; i++) m->slot_of[i] = NO_SLOT;
    m->capacity = tlb_entries;
    m->newest = m->oldest = NO_SLOT;
    return m;
}

static void unlink_slot(mmu *m, int slot) {
    tlb_entry *e = &m->tlb[slot];
    if (e->newer == NO_SLOT) m->newest = e->older;
    else m->tlb[e->newer].older = e->older;
    if (e->older == NO_SLOT) m->oldest = e->newer;
    else m->tlb[e->older].newer = e->newer;
}

static void push_newest(mmu *m, int slot) {
    tlb_entry *e = &m->tlb[slot];
    e->newer = NO_SLOT;
    e->older = m->newest;
    if (m->newest == NO_SLOT) m->oldest = slot;
    else m->tlb[m->newest].newer = slot;
    m->newest = slot;
}

/* Invalidates the page's TLB entry, if it has one. Freed slots are refilled from the end: the
 * last slot in use moves into the hole. */
static void shoot_down(mmu *m, uint32_t vpn) {
    int slot = m->slot_of[vpn];
    if (slot == NO_SLOT) return;
    unlink_slot(m, slot);
    m->slot_of[vpn] = NO_SLOT;
    int last = --m->size;
    if (slot != last) {
        m->tlb[slot] = m->tlb[last];
        tlb_entry *e = &m->tlb[slot];
        m->slot_of[e->vpn] = slot;
        if (e->newer == NO_SLOT) m->newest = slot;
        else m->tlb[e->newer].older = slot;
        if (e->older == NO_SLOT) m->oldest = slot;
        else m->tlb[e->older].newer = slot;
    }
}

static uint32_t *entry_of(const mmu *m, uint32_t vpn) {
    uint32_t *table = m->directory[vpn >> 10];
    return table ? &table[vpn & 0x3ff] : NULL;
}

int mmu_map(mmu *m, uint32_t vpn, uint32_t frame, int perms) {
    uint32_t **table = &m->directory[vpn >> 10];
    if (!*table) {
        *table = calloc(1024, sizeof **table);
        if (!*table) abort();
        m->tables++;
    }
    uint32_t *pte = &(*table)[vpn & 0x3ff];
    int replaced = (*pte & PRESENT) != 0;
    if (replaced) shoot_down(m, vpn);
    else m->present[vpn >> 10]++;
    *pte = frame << 12 | PRESENT | (uint32_t)perms;
    return replaced;
}

int mmu_unmap(mmu *m, uint32_t vpn) {
    uint32_t *pte = entry_of(m, vpn);
    if (!pte || !(*pte & PRESENT)) return 0;
    *pte = 0;
    shoot_down(m, vpn);
    if (--m->present[vpn >> 10] == 0) {
        free(m->directory[vpn >> 10]);
        m->directory[vpn >> 10] = NULL;
        m->tables--;
    }
    return 1;
}

int mmu_protect(mmu *m, uint32_t vpn, int perms) {
    uint32_t *pte = entry_of(m, vpn);
    if (!pte || !(*pte & PRESENT)) return 0;
    *pte = (*pte & ~7u) | (uint32_t)perms;
    shoot_down(m, vpn);
    return 1;
}

access_result mmu_access(mmu *m, uint32_t address, int need) {
    uint32_t vpn = address >> 12;
    access_result result = {0, TRANSLATED, 0};
    int slot = m->slot_of[vpn];
    if (slot != NO_SLOT) {
        /* Every hit makes the entry the most recently used, a protection fault included. */
        result.tlb_hit = 1;
        if (slot != m->newest) {
            unlink_slot(m, slot);
            push_newest(m, slot);
        }
    } else {
        /* A miss: make room for the translation, then walk. */
        if (m->size == m->capacity) shoot_down(m, m->tlb[m->oldest].vpn);
        uint32_t *pte = entry_of(m, vpn);
        if (!pte || !(*pte & PRESENT)) {
            result.outcome = NOT_PRESENT;
            return result;
        }
        slot = m->size++;
        m->tlb[slot] = (tlb_entry){vpn, *pte >> 12, (int)(*pte & 7u), NO_SLOT, NO_SLOT};
        m->slot_of[vpn] = slot;
        push_newest(m, slot);
    }
    const tlb_entry *e = &m->tlb[slot];
    if (!(e->perms & need)) result.outcome = PROTECTION;
    else result.physical = e->frame << 12 | (address & 0xfff);
    return result;
}

int mmu_tables(const mmu *m) {
    return m->tables;
}

void mmu_destroy(mmu *m) {
    if (!m) return;
    for (int i = 0; i < 1024; i++) free(m->directory[i]);
    free(m->tlb);
    free(m->slot_of);
    free(m);
}

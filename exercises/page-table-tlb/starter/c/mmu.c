#include <stdlib.h>
#include "mmu.h"

/* A page-table entry for now: present, the frame and the permissions. */
typedef struct {
    int present, perms;
    uint32_t frame;
} entry;

struct mmu {
    int tlb_entries;
    /* TODO: a two-level page table (a directory of 1024 entries, second-level tables of 1024
     * allocated on the first map in their region and freed when their last page is unmapped), and
     * a TLB of tlb_entries entries with LRU replacement in O(1) per access. For now: one flat
     * table of every page, and no TLB. */
    entry *pages;
};

mmu *mmu_create(int tlb_entries) {
    mmu *m = malloc(sizeof *m);
    if (!m) return NULL;
    m->tlb_entries = tlb_entries;
    m->pages = calloc(MAX_PAGE + 1, sizeof *m->pages);
    if (!m->pages) {
        free(m);
        return NULL;
    }
    return m;
}

int mmu_map(mmu *m, uint32_t vpn, uint32_t frame, int perms) {
    int replaced = m->pages[vpn].present;
    m->pages[vpn] = (entry){1, perms, frame};
    return replaced;
}

int mmu_unmap(mmu *m, uint32_t vpn) {
    int mapped = m->pages[vpn].present;
    m->pages[vpn].present = 0;
    return mapped;
}

int mmu_protect(mmu *m, uint32_t vpn, int perms) {
    if (!m->pages[vpn].present) return 0;
    m->pages[vpn].perms = perms;
    return 1;
}

access_result mmu_access(mmu *m, uint32_t address, int need) {
    /* TODO: look in the TLB first. For now every access misses and walks the table. */
    const entry *e = &m->pages[address >> 12];
    access_result result = {0, TRANSLATED, 0};
    if (!e->present) result.outcome = NOT_PRESENT;
    else if (!(e->perms & need)) result.outcome = PROTECTION;
    else result.physical = e->frame << 12 | (address & 0xfff);
    return result;
}

int mmu_tables(const mmu *m) {
    (void)m;
    return 0; /* TODO: the second-level tables in use */
}

void mmu_destroy(mmu *m) {
    free(m->pages);
    free(m);
}

#ifndef MMU_H
#define MMU_H

#include <stdint.h>

/* Permission bits, in a mapping's perms and in what an access needs. */
#define PERM_R 4
#define PERM_W 2
#define PERM_X 1

/* Page and frame numbers are 0 .. MAX_PAGE (20 bits); the TLB holds 1 .. MAX_TLB_ENTRIES entries. */
#define MAX_PAGE 0xfffff
#define MAX_TLB_ENTRIES 4096

typedef enum { TRANSLATED, NOT_PRESENT, PROTECTION } access_outcome;

typedef struct {
    int tlb_hit;              /* 1 if the TLB held the page's translation */
    access_outcome outcome;   /* TRANSLATED, or the fault */
    uint32_t physical;        /* the physical address, when TRANSLATED */
} access_result;

/* Your MMU's state: define struct mmu in mmu.c. */
typedef struct mmu mmu;

/* An MMU with an empty page table and an empty TLB of `tlb_entries` entries; NULL if out of memory. */
mmu *mmu_create(int tlb_entries);

/* Maps page `vpn` to frame `frame` with `perms` (PERM_R | PERM_W | PERM_X, any of them, or 0).
 * Returns 1 if the page was mapped already (the mapping is replaced), 0 if not. */
int mmu_map(mmu *m, uint32_t vpn, uint32_t frame, int perms);

/* Unmaps page `vpn`. Returns 1 if it was mapped, 0 if not (nothing changes). */
int mmu_unmap(mmu *m, uint32_t vpn);

/* Sets the permissions of page `vpn`. Returns 1 if it is mapped, 0 if not (nothing changes). */
int mmu_protect(mmu *m, uint32_t vpn, int perms);

/* One access to virtual address `address` that needs permission `need` (PERM_R for a read,
 * PERM_W for a write, PERM_X for an exec). */
access_result mmu_access(mmu *m, uint32_t address, int need);

/* The second-level page tables in use (the page directory is not counted). */
int mmu_tables(const mmu *m);

void mmu_destroy(mmu *m);

#endif

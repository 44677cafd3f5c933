// The drivers' promises, in the real sandbox and in every language: the lines printed from the MMU's
// answers (remapped or not, not-mapped, hit or miss, the physical address in eight hex digits), the
// totals and the peak computed from what tables() said after each map and unmap, an outcome that is
// none of the three named after what came before, and malformed input refused before the MMU runs.
// One stand-in MMU per language: a flat map of pages, no TLB (a hit every other access, to see both
// words), tables() the number of pages mapped; with a TLB of 2 entries its second access returns an
// outcome that does not exist.
import { describe, it } from "vitest";
import type { Language } from "@/contracts/languages";
import { type DriverCases, expectDriverOutputs } from "@/graders/core/test/driver-outputs";

const STAND_IN: Record<Language, string> = {
  c: `#include <stdlib.h>
#include "mmu.h"
struct mmu { int tlb, accesses, mapped; int present[MAX_PAGE + 1]; uint32_t frame[MAX_PAGE + 1]; int perms[MAX_PAGE + 1]; };
mmu *mmu_create(int tlb_entries) { mmu *m = calloc(1, sizeof *m); m->tlb = tlb_entries; return m; }
int mmu_map(mmu *m, uint32_t vpn, uint32_t frame, int perms) {
    int was = m->present[vpn];
    if (!was) m->mapped++;
    m->present[vpn] = 1; m->frame[vpn] = frame; m->perms[vpn] = perms;
    return was;
}
int mmu_unmap(mmu *m, uint32_t vpn) { if (!m->present[vpn]) return 0; m->present[vpn] = 0; m->mapped--; return 1; }
int mmu_protect(mmu *m, uint32_t vpn, int perms) { if (!m->present[vpn]) return 0; m->perms[vpn] = perms; return 1; }
access_result mmu_access(mmu *m, uint32_t address, int need) {
    uint32_t vpn = address >> 12;
    access_result r = {++m->accesses % 2 == 0, TRANSLATED, 0};
    if (m->tlb == 2 && m->accesses == 2) r.outcome = (access_outcome)7;
    else if (!m->present[vpn]) r.outcome = NOT_PRESENT;
    else if (!(m->perms[vpn] & need)) r.outcome = PROTECTION;
    else r.physical = m->frame[vpn] << 12 | (address & 0xfff);
    return r;
}
int mmu_tables(const mmu *m) { return m->mapped; }
void mmu_destroy(mmu *m) { free(m); }
`,
  cpp: "",
  go: `package main

type page struct {
	frame uint32
	perms int
}

type MMU struct {
	tlb, accesses int
	pages         map[uint32]page
}

func NewMMU(tlbEntries int) *MMU { return &MMU{tlb: tlbEntries, pages: map[uint32]page{}} }

func (m *MMU) Map(vpn, frame uint32, perms int) bool {
	_, was := m.pages[vpn]
	m.pages[vpn] = page{frame, perms}
	return was
}

func (m *MMU) Unmap(vpn uint32) bool {
	_, was := m.pages[vpn]
	delete(m.pages, vpn)
	return was
}

func (m *MMU) Protect(vpn uint32, perms int) bool {
	p, was := m.pages[vpn]
	if was {
		m.pages[vpn] = page{p.frame, perms}
	}
	return was
}

func (m *MMU) Access(address uint32, need int) (bool, int, uint32) {
	m.accesses++
	hit := m.accesses%2 == 0
	p, ok := m.pages[address>>12]
	switch {
	case m.tlb == 2 && m.accesses == 2:
		return hit, 7, 0
	case !ok:
		return hit, NotPresent, 0
	case p.perms&need == 0:
		return hit, Protection, 0
	}
	return hit, Translated, p.frame<<12 | address&0xfff
}

func (m *MMU) Tables() int { return len(m.pages) }
`,
  python: `class MMU:
    def __init__(self, tlb_entries):
        self.tlb, self.accesses, self.pages = tlb_entries, 0, {}

    def map(self, vpn, frame, perms):
        was = vpn in self.pages
        self.pages[vpn] = (frame, perms)
        return was

    def unmap(self, vpn):
        return self.pages.pop(vpn, None) is not None

    def protect(self, vpn, perms):
        if vpn not in self.pages:
            return False
        self.pages[vpn] = (self.pages[vpn][0], perms)
        return True

    def access(self, address, need):
        self.accesses += 1
        hit = self.accesses % 2 == 0
        if self.tlb == 2 and self.accesses == 2:
            return hit, "segfault", 0
        page = self.pages.get(address >> 12)
        if page is None:
            return hit, "not-present", 0
        if not page[1] & need:
            return hit, "protection", 0
        return hit, "translated", page[0] << 12 | address & 0xFFF

    def tables(self):
        return len(self.pages)
`,
};

const OPERATIONS = [
  "map 0x00403 0xfffff rw-",
  "read 0x00403fff",
  "map 0x00404 0x00001 --x",
  "map 0x00403 0x00002 rw-",
  "write 0x00403004",
  "exec 0x00404000",
  "read 0x00404000",
  "protect 0x00404 r--",
  "protect 0x00999 r--",
  "unmap 0x00403",
  "unmap 0x00403",
  "read 0xffffffff",
];
const run = (tlb: number) => `${tlb} ${OPERATIONS.length}\n${OPERATIONS.join("\n")}\n`;
const RIGHT = [
  "mapped tables=1",
  "miss 0xffffffff",
  "mapped tables=2",
  "remapped tables=2",
  "hit 0x00002004",
  "miss 0x00001000",
  "hit protection",
  "protected",
  "not-mapped",
  "unmapped tables=1",
  "not-mapped",
  "miss not-present",
  "TOTAL accesses=5 hits=2 misses=3 not-present=1 protection=1 tables=1 peak=2",
];
const SHAPES = "map <page> <frame> <perms>, unmap <page>, protect <page> <perms>, read <address>, write <address> or exec <address>";

/** Each input, and the whole output the driver must print for it. */
const CASES: DriverCases = [
  [run(4), RIGHT],
  // The lines before the bad answer, then the message, and nothing after it.
  [run(2), [...RIGHT.slice(0, 4), "invalid result: operation 5: the outcome is none of translated, not-present and protection"]],
  ["3 0\n", ["TOTAL accesses=0 hits=0 misses=0 not-present=0 protection=0 tables=0 peak=0"]],
  // Malformed input: refused before the MMU runs (the valid operations before it print nothing).
  ["0 1\nread 0x00000000\n", ["invalid input: the first line must be the TLB size (1 to 4096) and the number of operations (0 to 1000000)"]],
  ["4097 0\n", ["invalid input: the first line must be the TLB size (1 to 4096) and the number of operations (0 to 1000000)"]],
  ["4 1000001\n", ["invalid input: the first line must be the TLB size (1 to 4096) and the number of operations (0 to 1000000)"]],
  ["4 2\nmap 0x00001 0x00002 rw-\nfetch 0x00001000\n", [`invalid input: operation 2 must be ${SHAPES}`]],
  ["4 1\nmap 0x00001 0x0002 rw-\n", ["invalid input: operation 1: a page or frame number is 0x and five lowercase hex digits (0x00000 to 0xfffff)"]],
  ["4 1\nunmap 0x0000A\n", ["invalid input: operation 1: a page or frame number is 0x and five lowercase hex digits (0x00000 to 0xfffff)"]],
  ["4 1\nprotect 0x00001 rwz\n", ["invalid input: operation 1: permissions are three characters: r or -, w or -, x or - (like rw- or r-x)"]],
  ["4 1\nmap 0x00001 0x00002\n", ["invalid input: operation 1: permissions are three characters: r or -, w or -, x or - (like rw- or r-x)"]],
  ["4 2\nread 0x00001000\nwrite 1000\n", ["invalid input: operation 2: an address is 0x and eight lowercase hex digits (0x00000000 to 0xffffffff)"]],
  ["4 1\nexec 0x1000000000\n", ["invalid input: operation 1: an address is 0x and eight lowercase hex digits (0x00000000 to 0xffffffff)"]],
  ["4 2\nread 0x00001000\n", [`invalid input: operation 2 must be ${SHAPES}`]],
  ["4 1\nread 0x00001000\nread 0x00001000\n", ["invalid input: there are more operations than the first line says (1)"]],
];

describe("the page-table-tlb drivers", () => {
  it.each(["c", "go", "python"] as const)(
    "in %s print the MMU's answers and the totals, name an outcome that does not exist, and refuse malformed input",
    async (language) => {
      const edit = { c: "mmu.c", go: "mmu.go", python: "mmu.py" }[language];
      await expectDriverOutputs("page-table-tlb", language, { name: edit, content: STAND_IN[language] }, CASES);
    },
  );
});

// The drivers' promises, in the real sandbox and in every language: results that are not blocks of
// the memory are named (each way, in the same words) after the lines printed up to them, free blocks
// that do not add up are caught, what earlier scenarios printed comes first, the allocation table
// answers frees of nothing without calling the allocator, a summary leaves out the per-operation
// lines and the dumps, and malformed input is refused before anything runs. One misbehaving
// allocator per language, told by the memory's order which mistake to make; on 4 and 5 it is right
// for one-page requests (pages 0 and 1, the rest of memory reported free as the blocks a split leaves).
import { describe, it } from "vitest";
import type { Language } from "@/contracts/languages";
import { type DriverCases, expectDriverOutputs } from "@/graders/core/test/driver-outputs";

/**
 * Memory order M picks the mistake: 1 alloc returns page 1, then 3, off a memory of two; 2 a start off the memory,
 * 3 free returns a block that does not hold the freed one; 6 free_blocks reports a misaligned
 * block; 7 loses a block. Otherwise a right allocator for one-page requests: page 0, then page 1.
 */
const MISBEHAVING: Record<Language, string> = {
  c: `#include "buddy.h"
static int m, used[2];
void buddy_init(int max_order) { m = max_order; used[0] = used[1] = 0; }
int buddy_alloc(int order) {
    (void)order;
    if (m == 1) return 1 + 2 * used[0]++;
    if (m == 2) return 1 << m;
    for (int i = 0; i < 2; i++) if (!used[i]) { used[i] = 1; return i; }
    return -1;
}
void buddy_free(int start, int order, int *merged_start, int *merged_order) {
    used[start] = 0;
    *merged_start = m == 3 ? 2 : start;
    *merged_order = order;
    if (!used[0] && !used[1]) { *merged_start = 0; *merged_order = m; }
    else if (m == 3) *merged_start = 2;
}
void buddy_free_blocks(block_fn report, void *ctx) {
    if (m == 6) { report(ctx, 1, 1); return; }
    if (!used[0] && !used[1]) { if (m != 7) report(ctx, m, 0); return; }
    for (int i = 0; i < 2; i++) if (!used[i]) report(ctx, 0, i);
    for (int k = 1; k < m; k++) report(ctx, k, 1 << k);
}
`,
  cpp: "",
  go: `package main

type twoPages struct {
	m     int
	used  [2]bool
	calls int
}

func NewAllocator(maxOrder int) Allocator { return &twoPages{m: maxOrder} }

func (a *twoPages) Alloc(order int) int {
	switch a.m {
	case 1:
		a.calls++
		return 2*a.calls - 1
	case 2:
		return 1 << a.m
	}
	for i := range a.used {
		if !a.used[i] {
			a.used[i] = true
			return i
		}
	}
	return -1
}

func (a *twoPages) Free(start, order int) (int, int) {
	a.used[start] = false
	if !a.used[0] && !a.used[1] {
		return 0, a.m
	}
	if a.m == 3 {
		return 2, order
	}
	return start, order
}

func (a *twoPages) FreeBlocks(report func(order, start int)) {
	if a.m == 6 {
		report(1, 1)
		return
	}
	if !a.used[0] && !a.used[1] {
		if a.m != 7 {
			report(a.m, 0)
		}
		return
	}
	for i := range a.used {
		if !a.used[i] {
			report(0, i)
		}
	}
	for k := 1; k < a.m; k++ {
		report(k, 1<<k)
	}
}
`,
  python: `class Buddy:
    def __init__(self, max_order):
        self.m = max_order
        self.used = [False, False]
        self.calls = 0

    def alloc(self, order):
        if self.m == 1:
            self.calls += 1
            return 2 * self.calls - 1
        if self.m == 2:
            return 1 << self.m
        for i in range(2):
            if not self.used[i]:
                self.used[i] = True
                return i
        return -1

    def free(self, start, order):
        self.used[start] = False
        if not any(self.used):
            return 0, self.m
        if self.m == 3:
            return 2, order
        return start, order

    def free_blocks(self):
        if self.m == 6:
            return [(1, 1)]
        if not any(self.used):
            return [] if self.m == 7 else [(self.m, 0)]
        return [(0, i) for i in range(2) if not self.used[i]] + [(k, 1 << k) for k in range(1, self.m)]
`,
};

const scenario = (m: number, report = "full") => `${m} 6 ${report}\nalloc 1\nalloc 1\nfree 1\ndump\nfree 2\nfree 2\n`;
/** On 2^4 pages: pages 0 and 1, freed one after the other. */
const RIGHT = ["A1 0 0", "A2 1 0", "F1 0 0", "D 0:0 1:2 2:4 3:8", "F2 0 4", "F2 not allocated", "ALLOCS 2 0 1", "FREES 2 1 4", "END 16 16 0"];

/** Each input, and the whole output the driver must print for it. */
const CASES: DriverCases = [
  [`1\n${scenario(4)}`, RIGHT],
  [`1\n${scenario(4, "summary")}`, RIGHT.slice(-3)],
  [`1\n${scenario(1)}`, ["A1 1 0", "invalid allocator: alloc(order 0) returned 3: a block of order 0 starts at a multiple of 1, within pages 0 to 1"]],
  [`1\n${scenario(2)}`, ["invalid allocator: alloc(order 0) returned 4: a block of order 0 starts at a multiple of 1, within pages 0 to 3"]],
  [
    `1\n${scenario(3)}`,
    ["A1 0 0", "A2 1 0", "invalid allocator: free(0, order 0) gave the block of order 0 at 2, which is not a block of the memory holding the freed one"],
  ],
  [
    `1\n${scenario(6)}`,
    [
      "A1 0 0",
      "A2 1 0",
      "F1 0 0",
      "invalid allocator: a free block of order 1 at 1 is not a block of the memory (pages 0 to 63, starts a multiple of 2^order)",
    ],
  ],
  [
    `1\n${scenario(7)}`,
    [
      "A1 0 0",
      "A2 1 0",
      "F1 0 0",
      "D 0:0 1:2 2:4 3:8 4:16 5:32 6:64",
      "F2 0 7",
      "F2 not allocated",
      "invalid allocator: the free blocks add up to 0 pages, but 128 pages are not allocated",
    ],
  ],
  // The first scenario's report, then the second's lines and mistake, and nothing after it.
  [
    `3\n${scenario(4)}${scenario(3)}${scenario(5)}`,
    [
      ...RIGHT,
      "A1 0 0",
      "A2 1 0",
      "invalid allocator: free(0, order 0) gave the block of order 0 at 2, which is not a block of the memory holding the freed one",
    ],
  ],
  // Malformed input: refused before anything runs (the valid first scenario prints nothing).
  [`2\n${scenario(4)}25 1 full\ndump\n`, ["invalid input: scenario 2: M must be 0 to 24"]],
  ["1\n4 0 full\n", ["invalid input: scenario 1: the number of operations must be 1 to 1000000"]],
  ["1\n4 1 brief\ndump\n", ["invalid input: scenario 1: the report must be full or summary"]],
  ["1\n4 2 full\nalloc 0\ndump\n", ["invalid input: scenario 1, operation 1: pages must be 1 to 16777216"]],
  ["1\n4 2 full\ndump\nalloc 16777217\n", ["invalid input: scenario 1, operation 2: pages must be 1 to 16777216"]],
  ["1\n4 2 full\nfree 0\ndump\n", ["invalid input: scenario 1, operation 1: k must be 1 to 1000000"]],
  ["1\n4 2 full\nmalloc 3\ndump\n", ["invalid input: scenario 1, operation 1: must be alloc <pages>, free <k> or dump"]],
  ["1\n4 2 full\ndump\n", ["invalid input: scenario 1, operation 2: must be alloc <pages>, free <k> or dump"]],
  ["1\n4 1 full\ndump\nextra\n", ["invalid input: there is more input after the last scenario (the first line says 1)"]],
  ["21\n", ["invalid input: the first line must be the number of scenarios (1 to 20)"]],
];

describe("the buddy-allocator drivers", () => {
  it.each(["c", "go", "python"] as const)(
    "in %s name every result that is not a block of the memory, keep the allocation table, and refuse malformed input",
    async (language) => {
      const edit = { c: "buddy.c", go: "buddy.go", python: "buddy.py" }[language];
      await expectDriverOutputs("buddy-allocator", language, { name: edit, content: MISBEHAVING[language] }, CASES);
    },
  );
});

describe("the Python driver", () => {
  it("names results of the wrong type", async () => {
    const content = `class Buddy:
    def __init__(self, max_order):
        self.m = max_order

    def alloc(self, order):
        return "0" if self.m == 1 else 0

    def free(self, start, order):
        return None

    def free_blocks(self):
        return [(0, "1")] if self.m == 3 else 5
`;
    await expectDriverOutputs("buddy-allocator", "python", { name: "buddy.py", content }, [
      [
        "1\n1 1 full\nalloc 1\n",
        ["invalid allocator: alloc(order 0) returned '0': the start of a block must be an int, or -1 when no free block is large enough"],
      ],
      [
        "1\n2 2 full\nalloc 1\nfree 1\n",
        ["A1 0 0", "invalid allocator: free(0, order 0) returned None: it must return a pair of ints, the merged block's start and order"],
      ],
      [
        "1\n3 2 full\nalloc 1\ndump\n",
        ["A1 0 0", "invalid allocator: free_blocks() gave (0, '1'): each free block must be a pair of ints, its order and start"],
      ],
      ["1\n4 2 full\nalloc 1\ndump\n", ["A1 0 0", "invalid allocator: free_blocks() returned 5: it must return or yield (order, start) pairs"]],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { Buddy, expectedOutput, formatInput, type Operation, orderFor, parseInput, runScenario, type Scenario } from "@/graders/buddy-allocator/buddy";
import { naiveRun } from "@/graders/buddy-allocator/test/naive-buddy";
import { SeededRandom } from "@/graders/core/random";

const alloc = (pages: number): Operation => ({ kind: "alloc", pages });
const free = (k: number): Operation => ({ kind: "free", alloc: k });
const dump: Operation = { kind: "dump" };

describe("the buddy allocator's oracle", () => {
  // Silberschatz et al., Operating System Concepts (10th ed.), §10.8.1: a 256 KB segment and a
  // 21 KB request. It is split into 128 KB halves A_L and A_R, A_L into 64 KB B_L and B_R, B_L
  // into 32 KB C_L and C_R; C_L is allocated. In 1 KB pages: order 8, a request of 21 pages.
  it("matches Silberschatz et al.'s worked example", () => {
    expect(orderFor(21)).toBe(5);
    expect(runScenario({ maxOrder: 8, report: "full", operations: [alloc(21), dump] })).toEqual([
      "A1 0 5",
      "D 5:32 6:64 7:128",
      "ALLOCS 1 0 0",
      "FREES 0 0 0",
      "END 224 128 11",
    ]);
  });

  // The classic sequence (Knuth, TAOCP vol. 1 §2.5; drawn step by step in Wikipedia's "Buddy memory
  // allocation"): 1 MB in 64 KB blocks, A asks for 34 KB, B 66 KB, C 35 KB, D 67 KB; then C, A, B
  // and D are released, and memory comes back together as one 1 MB block.
  it("matches the textbook sequence, step by step", () => {
    const s: Scenario = {
      maxOrder: 4,
      report: "full",
      operations: [alloc(1), alloc(2), alloc(1), alloc(2), dump, free(3), free(1), dump, free(2), free(4), dump],
    };
    expect(runScenario(s)).toEqual([
      "A1 0 0", // A: one block
      "A2 2 1", // B: 128 KB, the lower half of the lower 256 KB
      "A3 1 0", // C: A's buddy
      "A4 4 1", // D: 256 KB at 256 KB split, the lower half
      "D 1:6 3:8",
      "F3 1 0", // C's buddy A is in use: no merge
      "F1 0 1", // A merges with C's block
      "D 1:0,6 3:8",
      "F2 0 2", // B merges with A-and-C; D's 256 KB is split, so no further
      "F4 0 4", // D merges all the way up
      "D 4:0",
      "ALLOCS 4 0 7", // starts 0 + 2 + 1 + 4
      "FREES 4 0 7", // ending as orders 0 + 1 + 2 + 4
      "END 16 16 0",
    ]);
  });

  it("pins the rules the statement pins", () => {
    const buddy = new Buddy(4);
    // The smallest order that has a free block, lowest address first; then split keeping the lower half.
    expect(buddy.alloc(0)).toBe(0);
    expect(buddy.alloc(2)).toBe(4);
    expect(buddy.alloc(0)).toBe(1);
    expect(buddy.freeBlocks()).toEqual([
      [1, 2],
      [3, 8],
    ]);
    // A free block merges only with a buddy that is free and whole: 1's buddy 0 is allocated.
    expect(buddy.free(1, 0)).toEqual({ start: 1, order: 0 });
    expect(buddy.free(0, 0)).toEqual({ start: 0, order: 2 });
    // An allocation too large, and one that fits only after merges.
    expect(runScenario({ maxOrder: 2, report: "full", operations: [alloc(5), alloc(3), alloc(1), free(2), alloc(4)] })).toEqual([
      "A1 fail",
      "A2 0 2",
      "A3 fail",
      "F2 0 2",
      "A4 0 2",
      "ALLOCS 2 2 0",
      "FREES 1 0 2",
      "END 0 0 0",
    ]);
    // Frees that name nothing: never allocated, failed, already freed, or later.
    expect(runScenario({ maxOrder: 1, report: "full", operations: [free(1), alloc(4), free(1), alloc(1), free(2), free(2), free(9)] })).toEqual([
      "F1 not allocated",
      "A1 fail",
      "F1 not allocated",
      "A2 0 0",
      "F2 0 1",
      "F2 not allocated",
      "F9 not allocated",
      "ALLOCS 1 1 0",
      "FREES 1 4 1",
      "END 2 2 0",
    ]);
    // A memory of one page.
    expect(runScenario({ maxOrder: 0, report: "full", operations: [alloc(1), dump, alloc(1), free(1), dump] })).toEqual([
      "A1 0 0",
      "D -",
      "A2 fail",
      "F1 0 0",
      "D 0:0",
      "ALLOCS 1 1 0",
      "FREES 1 0 0",
      "END 1 1 0",
    ]);
  });

  it("agrees with the whole-list allocator on random scenarios", () => {
    const random = new SeededRandom(23);
    for (let trial = 0; trial < 2_000; trial++) {
      const maxOrder = random.int(0, 6);
      const operations: Operation[] = [];
      let allocs = 0;
      for (let i = random.int(1, 60); i > 0; i--) {
        const roll = random.int(0, 9);
        if (roll < 5) {
          allocs++;
          operations.push(alloc(random.int(1, 2 ** random.int(0, maxOrder + 1))));
        } else if (roll < 9) operations.push(free(random.int(1, allocs + 2)));
        else operations.push(dump);
      }
      const s: Scenario = { maxOrder, report: trial % 4 === 0 ? "summary" : "full", operations };
      expect(runScenario(s), JSON.stringify(s)).toEqual(naiveRun(s));
    }
  });

  it("reads back what it writes, and refuses what the statement does not allow", () => {
    const scenarios: Scenario[] = [
      { maxOrder: 3, report: "full", operations: [alloc(3), dump, free(1)] },
      { maxOrder: 0, report: "summary", operations: [alloc(1)] },
    ];
    expect(parseInput(formatInput(scenarios))).toEqual(scenarios);
    expect(expectedOutput(scenarios)).toBe("A1 0 2\nD 2:4\nF1 0 3\nALLOCS 1 0 0\nFREES 1 0 3\nEND 8 8 0\nALLOCS 1 0 0\nFREES 0 0 0\nEND 0 0 0\n");
    for (const bad of [
      "",
      "1\n25 1 full\ndump",
      "1\n3 1 full\nalloc 0",
      "1\n3 1 full\nfree 0",
      "1\n3 2 full\ndump",
      "1\n3 1 full\nmalloc 2",
      "1\n3 1 full\nalloc 16777217",
      "1\n3 1\ndump",
      "1\n3 1 brief\ndump",
    ])
      expect(parseInput(bad), bad).toBeNull();
  });
});

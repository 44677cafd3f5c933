// buddy-allocator: the kernel's page allocator, over scenarios of up to a million allocations and
// frees. The checker (checker.ts) compares each line with the oracle's (buddy.ts) and explains the
// first difference; hidden tests probe every rule the statement pins (the smallest order first and
// its lowest block, the upper halves freed by a split, merging only with a buddy free and whole,
// frees of nothing, memories of one page and of 2^24); performance is CPU time against the
// reference and growth from n to 4n operations on the fragmenting workload, where a scan of a free
// list is quadratic.
import type { Language } from "@/contracts/languages";
import { expectedOutput, formatInput, type Scenario } from "@/graders/buddy-allocator/buddy";
import { checkBuddy } from "@/graders/buddy-allocator/checker";
import { alloc, dump, fragmenting, randomOperations, type Shape, scenario, scripted } from "@/graders/buddy-allocator/generate";
import { memoized, memoizedBySpeed } from "@/graders/core/memo";
import { SeededRandom } from "@/graders/core/random";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";

const count = (value: number) => value.toLocaleString("en-US");

function test(name: string, scenarios: Scenario[], note?: string, withExpected = true): IoTestCase {
  const operations = scenarios.reduce((sum, s) => sum + s.operations.length, 0);
  const size = `${scenarios.length} scenario${scenarios.length === 1 ? "" : "s"}, ${count(operations)} operation${operations === 1 ? "" : "s"}`;
  return {
    name,
    visibility: "hidden",
    description: note ? `${note}: ${size}` : size,
    input: formatInput(scenarios),
    expected: withExpected ? expectedOutput(scenarios) : undefined,
  };
}

const small = (maxOrder: number, operations: number, dumpEach = false): Shape => ({ maxOrder, operations, allocShare: 0.55, dumpEach });

const sharedTests = memoized((seed: number): IoTestCase[] => {
  const random = new SeededRandom(seed);
  const fork = (label: string) => random.fork(label);
  return [
    test("a memory of one page", [scenario(0, scripted("a1 d a1 f1 d f1 a1 a2 d")), scenario(0, scripted("a2 a1 f2 f1 f9"))], "M = 0: one block, no buddy"),
    test(
      "a memory of 2^24 pages",
      [
        scenario(24, scripted("a1 d a16777216 f1 d a16777216 a1 f2 a8388609 d")),
        scenario(24, [...Array.from({ length: 30 }, (_, i) => alloc(2 ** (i % 25))), dump]),
      ],
      "splits 24 levels deep, and the whole memory at once",
    ),
    test(
      "as large as the memory and larger",
      [scenario(5, scripted("a32 a1 f1 a33 a1 a31 d f2 a64")), scenario(3, scripted("a5 a4 a9 d f2 a8 d"))],
      "requests of exactly the memory's size, and beyond it",
    ),
    test(
      "splits all the way down, merges all the way up",
      [scenario(10, scripted("a1 d f1 d")), scenario(10, scripted("a1 a1 a1 a1 d f1 f2 d f4 f3 d"))],
      "one page out of 1,024, and back",
    ),
    test(
      "merges stopped by an allocated or a split buddy",
      [
        scenario(4, scripted("a1 a1 a2 f1 d f3 d f2 d")),
        scenario(4, scripted("a4 a1 a1 f2 d f1 d f3 d")),
        scenario(5, scripted("a8 a1 a1 a2 f2 d f1 d f4 f3 d")),
        scenario(6, scripted("a16 a4 a4 a8 a1 f3 f1 d f2 d f5 f4 d")),
      ],
      "a buddy that is allocated, or split into free pieces, does not merge",
    ),
    test(
      "the lowest of many free blocks",
      [
        scenario(5, [...Array.from({ length: 32 }, () => alloc(1)), ...scripted("f30 f7 f21 f3 f12 f26 d a1 a1 a1 d")]),
        scenario(6, [...Array.from({ length: 16 }, () => alloc(4)), ...scripted("f9 f2 f14 f5 d a3 a4 a2 d")]),
      ],
      "freed out of order: the lowest is taken first, not the last freed",
    ),
    test(
      "the smallest order first",
      [scenario(5, scripted("a16 a2 f1 d a2 d a1 d")), scenario(6, scripted("a16 a4 a2 f1 d a4 a8 d"))],
      "a higher order has a lower block: the smaller order wins",
    ),
    test(
      "frees that name nothing",
      [scenario(3, scripted("f1 a9 f1 a1 f2 f2 f3 a1 f7 f1000000 d"))],
      "never asked for, failed, freed twice, not yet asked for",
    ),
    test(
      "sizes that are not powers of two",
      [scenario(12, scripted("a3 a5 a17 a100 a1000 a513 a2049 d f3 f6 d")), scenario(12, scripted("a1025 a1025 a1025 a1025 d"))],
      "rounded up to the next power of two; the waste counted",
    ),
    test(
      "the free lists after every operation",
      Array.from({ length: 6 }, (_, i) => scenario(3 + i, randomOperations(fork(`dump each ${i}`), small(3 + i, 60, true)))),
      "a dump after each operation",
    ),
    test(
      "random, 100 operations",
      Array.from({ length: 5 }, (_, i) => scenario(6 + i, randomOperations(fork(`100 ${i}`), small(6 + i, 100)))),
    ),
    test(
      "summaries",
      Array.from({ length: 4 }, (_, i) => scenario(8 + i, randomOperations(fork(`summary ${i}`), small(8 + i, 300)), "summary")),
      "summary reports",
    ),
    test(
      "random, 1,000 operations",
      Array.from({ length: 5 }, (_, i) => scenario(10 + i, randomOperations(fork(`1000 ${i}`), small(10 + i, 1_000)))),
    ),
    test("random, 10,000 operations", [
      scenario(16, randomOperations(fork("10000"), small(16, 10_000))),
      scenario(20, randomOperations(fork("10000 b"), small(20, 10_000))),
    ]),
    test("fragmented, small", [scenario(8, fragmenting(fork("fragmented small"), 8, 600))], "every other page free, then churn"),
  ];
});

/**
 * The large tests, per language: 500,000 random operations on 2^20 pages, and the fragmenting
 * workload on 2^18 pages (200,000 and 2^16 in Python, whose reference needs about half a second for
 * them): a scan of a free list for its lowest block or for a buddy runs out of time (C's took 4.5 s
 * on 2^17 pages, 18 s on 4 × 2^17).
 */
const largeTests = memoizedBySpeed((seed: number, language: Language): IoTestCase[] => {
  const python = language === "python";
  const n = python ? 200_000 : 500_000;
  const order = python ? 16 : 18;
  const random = new SeededRandom(seed);
  return [
    test(`large: random, ${count(n)} operations`, [scenario(20, randomOperations(random.fork("large"), { maxOrder: 20, operations: n, allocShare: 0.52 }))]),
    test(
      `large: fragmented, 2^${order} pages`,
      [scenario(order, fragmenting(random.fork("large fragmented"), order, 2 ** order))],
      "every other page free, then churn",
    ),
  ];
});

/** Shared by every language, then the language's large tests. */
function hiddenTests(seed: number, language: Language): IoTestCase[] {
  return [...sharedTests(seed, language), ...largeTests(seed, language)];
}

/** `count` fragmenting scenarios on 2^order pages: the same workload at any size (4× the pages, 4× the operations). */
function growthTest(seed: number, order: number, count: number): IoTestCase {
  const random = new SeededRandom(seed).fork(`growth ${order}`);
  const scenarios = Array.from({ length: count }, (_, i) => scenario(order, fragmenting(random.fork(String(i)), order, 2 ** order), "summary"));
  return test(`growth: 2^${order} pages per scenario`, scenarios, "fragmented", false);
}

/**
 * Sizes per language, so that the reference spends at least ~150 ms of CPU on each workload
 * (measured with `npm run graders:sizes`).
 */
const growthOrder = (language: Language) => (language === "python" ? 13 : 16);
/** Scenarios per growth workload: two of 2^18 pages are 1.8 million operations, near the input's limit. */
const growthScenarios = (language: Language) => (language === "python" ? 4 : 2);
const mixedOperations = (language: Language) => (language === "python" ? 100_000 : 400_000);
const growthSmall = memoizedBySpeed((seed: number, language: Language) => growthTest(seed, growthOrder(language), growthScenarios(language)));
const growthLarge = memoizedBySpeed((seed: number, language: Language) => growthTest(seed, growthOrder(language) + 2, growthScenarios(language)));

const performanceWorkloads = memoizedBySpeed((seed: number, language: Language): IoTestCase[] => {
  const n = mixedOperations(language);
  const random = new SeededRandom(seed).fork("performance");
  const mixed = [
    scenario(20, randomOperations(random.fork("a"), { maxOrder: 20, operations: n, allocShare: 0.52 }), "summary"),
    scenario(12, randomOperations(random.fork("b"), { maxOrder: 12, operations: n, allocShare: 0.5 }), "summary"),
  ];
  return [growthLarge(seed, language), test(`performance: random, ${count(2 * n)} operations`, mixed, "two memories", false)];
});

export default defineIoGrader({
  check: checkBuddy,
  hiddenTests,
  performance: {
    workloads: performanceWorkloads,
    tolerance: 4,
    growth: { small: growthSmall, large: growthLarge, maxRatio: 7 },
  },
});

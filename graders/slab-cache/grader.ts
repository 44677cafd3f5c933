// slab-cache: the harness (exercises/slab-cache/starter/c) replays the scenario's cache_alloc,
// cache_free, cache_reclaim and cache_stats calls on the user's slab allocator, checks each against
// its own model of slab.h's rules (which slab and object every alloc returns, when pages are taken
// and given back, what the constructor ran on), and reports the figures of the run. This grader
// recomputes all of them with an independent model (model.ts); the alloc/free workload is judged
// against the reference.
import { scenarioNumbers } from "@/graders/core/scenario-numbers";
import { defineLinkGrader, type LinkTestCase } from "@/graders/core/types";
import { type Run, runSlabs, type Scenario } from "@/graders/slab-cache/model";

const FIELDS = "CACHES MAX_SIZE OPS LIVE PAGES SEED";
const MAX_CACHES = 16;
const MAX_OPS = 10_000_000;
const MAX_LIVE = 1_000_000;
const MAX_PAGES = 32_768;

function scenarioLine(s: Scenario): string {
  return [s.caches, s.maxSize, s.ops, s.live, s.pages, s.seed].join(" ");
}

function parse(line: string): Scenario {
  const [caches, maxSize, ops, live, pages, seed] = line.trim().split(/\s+/).map(Number) as number[];
  return { caches: caches!, maxSize: maxSize!, ops: ops!, live: live!, pages: pages!, seed: seed! };
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * A scenario the user wrote for Run, as the statement's Input section describes it: six numbers in
 * the statement's ranges, after an optional line with one word. Refused here, a scenario the harness
 * would reject is not blamed on the user's code.
 */
export function customScenario(input: string): { ok: true; scenario: string } | { ok: false; message: string } {
  const read = scenarioNumbers(input, FIELDS);
  if (!read.ok) return read;
  const [caches, maxSize, ops, live, pages, seed] = read.numbers as [number, number, number, number, number, number];
  const problem =
    caches < 1 || caches > MAX_CACHES
      ? `CACHES is ${caches}; it must be 1 to ${MAX_CACHES}.`
      : maxSize < 8 || maxSize > 1024
        ? `MAX_SIZE is ${maxSize}; it must be 8 to 1024.`
        : ops > MAX_OPS
          ? `OPS is ${count(ops)}; it must be 0 to ${count(MAX_OPS)}.`
          : live < 1 || live > MAX_LIVE
            ? `LIVE is ${count(live)}; it must be 1 to ${count(MAX_LIVE)}.`
            : pages < 1 || pages > MAX_PAGES
              ? `PAGES is ${count(pages)}; it must be 1 to ${count(MAX_PAGES)}.`
              : undefined;
  if (problem) return { ok: false, message: problem };
  return { ok: true, scenario: scenarioLine({ caches, maxSize, ops, live, pages, seed }) };
}

function describe(s: Scenario): string {
  return `${s.caches === 1 ? "one cache" : `${s.caches} caches`} of objects up to ${s.maxSize} bytes, ${count(s.ops)} operations, up to ${count(s.live)} objects in use, ${count(s.pages)} ${s.pages === 1 ? "page" : "pages"}`;
}

function test(name: string, visibility: "public" | "hidden", scenario: Scenario): LinkTestCase {
  return { name, visibility, scenario: scenarioLine(scenario), description: describe(scenario) };
}

// The model takes ~1 s on the performance workload: once per scenario, not once per check.
const runs = new Map<string, Run>();
function modelled(scenario: string): Run {
  let run = runs.get(scenario);
  if (!run) {
    run = runSlabs(parse(scenario));
    runs.set(scenario, run);
  }
  return run;
}

/** The report's figures, as the harness names them, and how a difference in each reads. */
const FIGURES: Array<[keyof Run, string, string]> = [
  ["allocs", "allocs", "objects should have been handed out"],
  ["nulls", "nulls", "cache_alloc calls should have returned NULL (the pool ran out)"],
  ["frees", "frees", "objects should have been freed"],
  ["reclaimed", "reclaimed", "pages should have been given back by cache_reclaim"],
  ["constructed", "constructed", "constructor calls were due (one per object of every slab made in a cache with a constructor)"],
  ["peakPages", "peak_pages", "pages should have been held at the most"],
];

export default defineLinkGrader({
  sourceRules: {
    c: [
      {
        // Every page must come from the harness's page_alloc, which counts and checks them.
        names: [
          "malloc",
          "calloc",
          "realloc",
          "reallocarray",
          "aligned_alloc",
          "posix_memalign",
          "memalign",
          "valloc",
          "pvalloc",
          "mmap",
          "mremap",
          "sbrk",
          "brk",
        ],
        codeOnly: true,
        why: "a slab allocator takes its memory a page at a time from the page allocator below it (page_alloc), and keeps its cache descriptors in static storage; the C library's allocators are what it replaces.",
      },
    ],
  },
  tests: () => [
    test("one cache", "public", { caches: 1, maxSize: 64, ops: 200, live: 50, pages: 100, seed: 1 }),
    test("three caches", "public", { caches: 3, maxSize: 256, ops: 5000, live: 300, pages: 1000, seed: 7 }),
    test("the pool runs out", "public", { caches: 2, maxSize: 512, ops: 20_000, live: 2000, pages: 30, seed: 5 }),
    test("8-byte objects", "hidden", { caches: 1, maxSize: 8, ops: 20_000, live: 3000, pages: 2000, seed: 11 }),
    test("one page in all", "hidden", { caches: 1, maxSize: 1024, ops: 1000, live: 200, pages: 1, seed: 4 }),
    test("objects up to 1 KiB", "hidden", { caches: 4, maxSize: 1024, ops: 50_000, live: 3000, pages: 4000, seed: 3 }),
    test("sixteen caches at once", "hidden", { caches: 16, maxSize: 512, ops: 100_000, live: 5000, pages: 8000, seed: 21 }),
    test("a long churn", "hidden", { caches: 2, maxSize: 128, ops: 300_000, live: 2000, pages: 2000, seed: 5 }),
    test("a small pool, large objects", "hidden", { caches: 3, maxSize: 1024, ops: 30_000, live: 5000, pages: 60, seed: 9 }),
    test("thousands of slabs", "hidden", { caches: 4, maxSize: 256, ops: 500_000, live: 50_000, pages: 32_768, seed: 13 }),
  ],
  customScenario,
  check: (test, report) => {
    const expected = modelled(test.scenario);
    for (const [figure, name, what] of FIGURES)
      if (report[name] !== expected[figure]) return { ok: false, message: `${count(expected[figure])} ${what}; the harness counted ${String(report[name])}.` };
    return report.checksum === expected.checksum
      ? { ok: true }
      : {
          ok: false,
          message: "The counts are right, but not every cache_alloc returned the object the rules choose (the checksum of which object came out when differs).",
        };
  },
  performance: {
    // Two million operations on four caches with up to 100,000 objects in use (thousands of slabs):
    // the reference spends ~300 ms, most of it in the harness's checks. Finding an object's slab by
    // searching the cache's slabs costs thousands of steps per free.
    workloads: () => [test("alloc and free", "hidden", { caches: 4, maxSize: 256, ops: 2_000_000, live: 100_000, pages: 32_768, seed: 1 })],
    tolerance: 4,
  },
});

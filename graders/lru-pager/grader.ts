// lru-pager: a demand-paging simulator with LRU replacement. Edge cases first (one frame, cold start,
// dirty bits, recency on hits), then random and large streams; the expected answers come from the
// TypeScript oracle. Performance: CPU against the reference, and growth from 25,000 to 100,000 frames
// with 4× the accesses, where a scan over the frames per access costs 16× instead of 4×.
import { memoized, memoizedBySpeed } from "@/graders/core/memo";
import { SeededRandom } from "@/graders/core/random";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";
import type { Language } from "@/contracts/languages";
import { checkPager } from "@/graders/lru-pager/checker";
import { expectedOutput, formatInput, PAGE_LIMIT, type Workload } from "@/graders/lru-pager/lru";
import { concat, hotAndNew, hotSetWithScan, loop, range, scripted, skewed, uniform, workingSet } from "@/graders/lru-pager/workloads";

const count = (value: number) => value.toLocaleString("en-US");

function describe(workload: Workload, what: string): string {
  const frames = workload.frames === 1 ? "1 frame" : `${count(workload.frames)} frames`;
  return `${frames}, ${count(workload.pages.length)} accesses: ${what}`;
}

function test(name: string, what: string, workload: Workload): IoTestCase {
  return { name, description: describe(workload, what), visibility: "hidden", input: formatInput(workload), expected: expectedOutput(workload) };
}

/** The same stream at any size: `frames` frames, 10 accesses per frame, three in ten of them to new pages. */
function growthTest(seed: number, frames: number): IoTestCase {
  const workload = hotAndNew(new SeededRandom(seed).fork(`growth ${frames}`), frames, 10 * frames, { hotPages: 2_000, newShare: 0.3, writeShare: 0.3 });
  return test(`growth: ${count(frames)} frames`, "a hot set and a stream of new pages", workload);
}

const hiddenTests = memoized((seed: number): IoTestCase[] => {
  const random = new SeededRandom(seed);
  const spread = [0, 1, 2, 255, 256, 65_535, 65_536, 131_071, 500_000, 999_998, PAGE_LIMIT - 1];
  return [
    test("no accesses", "nothing to do: only the totals", { frames: 5, pages: [], writes: [] }),
    test("one frame", "every new page evicts the previous one", uniform(random.fork("one frame"), 1, [3, 0, 7, 42, 999_999], 300, 0.4)),
    test(
      "cold start",
      "free frames fill before anything is evicted, and recency counts from the first access",
      concat(scripted(4, "0R 0W 1R 2R 3W 4R 5R 1R 6W 0R"), skewed(random.fork("cold start"), 4, range(0, 10), 500, 0.3)),
    ),
    test("as many frames as pages", "nothing is ever evicted", uniform(random.fork("as many"), 50, range(999_950, 50), 5_000, 0.3)),
    test("more frames than pages", "nothing is ever evicted", skewed(random.fork("more"), 1_000, range(0, 300), 20_000, 0.3)),
    test("one page over and over", "a single page read and written", uniform(random.fork("one page"), 3, [424_242], 1_000, 0.5)),
    test(
      "writes on hits",
      "a page written after it was loaded is dirty, and reading it again does not clean it",
      concat(scripted(3, "1R 1W 2R 3R 4R 5W 5R 5R 6R 7R 8R"), uniform(random.fork("writes on hits"), 3, range(1, 6), 2_000, 0.5)),
    ),
    test(
      "writes that load a page",
      "a page loaded by a write is dirty from its first access, even if never written again",
      concat(scripted(3, "1W 2R 3W 4R 5R 6R 1W 2W 3R 4R 5W 6R 7R 8R 9R"), uniform(random.fork("loading writes"), 3, range(1, 7), 2_000, 0.5)),
    ),
    test(
      "reloaded pages start clean",
      "a page written back and loaded again is clean until written again",
      concat(scripted(2, "1W 2R 3R 1R 3R 2R 1R 2W 3R 1W 2R 3R"), uniform(random.fork("reloaded"), 2, range(1, 4), 2_000, 0.2)),
    ),
    test(
      "hits refresh recency",
      "a page used again is the most recently used, whether read or written",
      concat(scripted(3, "1R 2R 3R 1R 4R 2W 5R 3R 1R 6R"), skewed(random.fork("refresh"), 3, range(1, 8), 3_000, 0.3)),
    ),
    test("page numbers up to 999,999", "pages at the edges of 8, 16 and 17 bits", uniform(random.fork("large pages"), 5, spread, 3_000, 0.3)),
    test("loop over one page more than fits", "LRU's worst case: every access faults", loop(100, 101, 50)),
    test("random, 3 frames", "random accesses to 8 pages", uniform(random.fork("random 3"), 3, range(0, 8), 3_000, 0.3)),
    test("random, 16 frames", "a few hot pages and many cold ones", skewed(random.fork("random 16"), 16, range(100, 100), 20_000, 0.3)),
    test(
      "random, 1,000 frames",
      "a drifting working set",
      workingSet(random.fork("random 1000"), 1_000, 100_000, { sizeFactor: 1.3, drift: 0.01, writeShare: 0.3 }),
    ),
    test(
      "large: working set (needs O(1) per access)",
      "a working set a little larger than memory, hits anywhere in the recency order",
      workingSet(random.fork("large working set"), 100_000, 1_000_000, { sizeFactor: 1.25, drift: 0.002, writeShare: 0.3 }),
    ),
    LARGE_SCAN,
    // Every access evicts, at the limits: finding the least recently used page by walking a map from
    // its oldest entry (Python's next(iter(dict)), which steps over the holes left by every eviction
    // until the dict is rebuilt) costs a scan per access here, where the working set above hides it.
    test("every access evicts, 100,000 frames", "a loop over 100,001 pages: LRU's worst case at the limits", loop(100_000, 100_001, 9)),
  ];
});

/** Stands for the test whose size depends on the language (see languageTests). */
const LARGE_SCAN: IoTestCase = { name: "large: hot pages and a scan (needs O(1) per access)", visibility: "hidden", input: "" };

/**
 * The second large test: at the limits (100,000 frames, a million accesses) for C and Go; a third
 * of that for Python, whose reference needs 1.3 s at the limits (the working-set test stays there),
 * still far beyond what a scan over the frames per access finishes.
 */
const largeScan = memoizedBySpeed((seed: number, language: Language) => {
  const part = (value: number) => (language === "python" ? Math.round(value / 3) : value);
  return test(
    LARGE_SCAN.name,
    "a hot set and a long sequential scan that pushes it out",
    hotSetWithScan(new SeededRandom(seed).fork("large scan"), part(100_000), part(1_000_000), {
      hotPages: part(60_000),
      scanPages: part(400_000),
      scanShare: 0.3,
      writeShare: 0.3,
    }),
  );
});

/** Found by name, not identity: tests built in the worker's warm-up thread arrive here as structured clones. */
function languageTests(seed: number, language: Language): IoTestCase[] {
  return hiddenTests(seed, language).map((test) => (test.name === LARGE_SCAN.name ? largeScan(seed, language) : test));
}

/** Growth from n to 4n frames: the largest the limits allow for C and Go, and for Python from 10,000 frames (~150 ms). */
const growthFrames = (language: Language) => (language === "python" ? 10_000 : 25_000);
const growthSmall = memoizedBySpeed((seed: number, language: Language) => growthTest(seed, growthFrames(language)));
const growthLarge = memoizedBySpeed((seed: number, language: Language) => growthTest(seed, 4 * growthFrames(language)));

/**
 * Performance workloads per language, so that the reference spends at least ~150 ms of CPU on them
 * (measured with `npm run graders:sizes`). The growth check's large stream is one of them (measured
 * once for both): enough for Python (~375 ms); C and Go add a stream of hot pages and a scan at the
 * limits.
 */
const performanceWorkloads = memoizedBySpeed((seed: number, language: Language): IoTestCase[] => {
  if (language === "python") return [growthLarge(seed, language)];
  const scan = hotSetWithScan(new SeededRandom(seed).fork("performance"), 70_000, 1_000_000, {
    hotPages: 42_000,
    scanPages: 400_000,
    scanShare: 0.3,
    writeShare: 0.3,
  });
  return [test("performance: hot pages and a scan", "a hot set and a long sequential scan", scan), growthLarge(seed, language)];
});

export default defineIoGrader({
  check: checkPager,
  hiddenTests: languageTests,
  performance: {
    workloads: performanceWorkloads,
    // Go's container/list with a map (an allocation per page) measures 1.7-2.9×; the known slow pagers fail on growth.
    tolerance: 4,
    growth: { small: growthSmall, large: growthLarge, maxRatio: 7 },
  },
});

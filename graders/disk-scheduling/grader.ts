// disk-scheduling: FCFS, SSTF, SCAN, C-SCAN, LOOK and C-LOOK over queues of up to a million
// requests. The checker (checker.ts) compares the report with the oracle's (schedule.ts) and
// explains the first difference; hidden tests probe every convention the statement pins (SSTF's
// ties, where SCAN and C-SCAN travel to the edges and where they do not, requests sharing a
// cylinder, the head on an edge, 64-bit sums); performance is CPU time against the reference and
// growth from n to 4n SSTF requests, where searching the pending requests at each step is quadratic.
import { memoized, memoizedBySpeed } from "@/graders/core/memo";
import { SeededRandom } from "@/graders/core/random";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";
import type { Language } from "@/contracts/languages";
import { checkDisk } from "@/graders/disk-scheduling/checker";
import { bothWays, cylinders, direction, everyAlgorithm, randomRequests, scenario } from "@/graders/disk-scheduling/generate";
import { ALGORITHMS, type Algorithm, expectedOutput, formatInput, type Scenario } from "@/graders/disk-scheduling/schedule";

const count = (value: number) => value.toLocaleString("en-US");

function test(name: string, scenarios: Scenario[], note?: string, withExpected = true): IoTestCase {
  const requests = scenarios.reduce((sum, s) => sum + s.requests.length, 0);
  const algorithms = [...new Set(scenarios.map((s) => s.algorithm))];
  const size = `${scenarios.length} scenario${scenarios.length === 1 ? "" : "s"} (${algorithms.length === ALGORITHMS.length ? "every algorithm" : algorithms.join(", ")}), ${count(requests)} request${requests === 1 ? "" : "s"}`;
  return {
    name,
    visibility: "hidden",
    description: note ? `${note}: ${size}` : size,
    input: formatInput(scenarios),
    expected: withExpected ? expectedOutput(scenarios) : undefined,
  };
}

const summary = (s: Scenario): Scenario => ({ ...s, report: "summary" });

const sharedTests = memoized((seed: number): IoTestCase[] => {
  const random = new SeededRandom(seed);
  const fork = (label: string) => random.fork(label);
  return [
    test(
      "one request",
      ALGORITHMS.flatMap((algorithm) => [
        scenario(algorithm, 200, 53, "up", [120]),
        scenario(algorithm, 200, 53, "down", [53]),
        scenario(algorithm, 200, 53, "up", [0]),
      ]).concat([scenario("SCAN", 200, 53, "down", [199]), scenario("C-SCAN", 200, 53, "down", [199])]),
      "one request above, on, and below the head, and on each edge",
    ),
    test("a disk of one cylinder", bothWays(1, 0, [0, 0, 0]), "every request on cylinder 0 of 1"),
    test(
      "every request on one cylinder",
      [...bothWays(500, 100, Array(7).fill(420)), ...ALGORITHMS.map((algorithm) => scenario(algorithm, 500, 100, "up", Array(5).fill(7)))],
      "seven requests on 420, five on 7",
    ),
    test(
      "requests on the head's cylinder",
      [
        ...bothWays(100, 50, cylinders("50 20 50 80 50")),
        ...everyAlgorithm(fork("on the head"), { n: 30, cylinders: 40, hotSpots: 6 }).map((s) => ({ ...s, requests: [...s.requests, s.head, s.head] })),
      ],
      "served at once, before the head moves",
    ),
    test(
      "the head on an edge",
      [
        ...ALGORITHMS.map((algorithm) => scenario(algorithm, 100, 0, "down", cylinders("30 0 70 99"))),
        ...ALGORITHMS.map((algorithm) => scenario(algorithm, 100, 99, "up", cylinders("30 99 70 0"))),
        ...(["SCAN", "C-SCAN", "LOOK", "C-LOOK"] as const).map((algorithm) => scenario(algorithm, 100, 0, "up", cylinders("30 70"))),
        ...(["SCAN", "C-SCAN", "LOOK", "C-LOOK"] as const).map((algorithm) => scenario(algorithm, 100, 99, "down", cylinders("30 70"))),
      ].slice(0, 20),
      "the head starts on cylinder 0 or the top, facing either way",
    ),
    test(
      "nothing ahead of the head",
      [
        ...bothWays(200, 150, cylinders("20 90 140 60")).filter((s) => s.direction === "up"),
        ...bothWays(200, 40, cylinders("190 60 100 41")).filter((s) => s.direction === "down"),
      ],
      "every request behind the head: SCAN and C-SCAN still go to the edge, LOOK and C-LOOK do not",
    ),
    test(
      "nothing behind the head",
      [
        ...bothWays(200, 40, cylinders("190 60 100 41")).filter((s) => s.direction === "up"),
        ...bothWays(200, 150, cylinders("20 90 140 60")).filter((s) => s.direction === "down"),
      ],
      "every request ahead: no trip to an edge",
    ),
    test(
      "requests on both edges",
      [...bothWays(300, 120, cylinders("0 299 150 0 80 299")), ...ALGORITHMS.map((algorithm) => scenario(algorithm, 300, 120, "down", cylinders("299 10 0")))],
      "requests on cylinder 0 and on the top one",
    ),
    test(
      "SSTF ties",
      [
        scenario("SSTF", 100, 50, "up", cylinders("40 60")),
        scenario("SSTF", 100, 50, "down", cylinders("40 60")),
        scenario("SSTF", 100, 50, "up", cylinders("49 45 53 90 50")),
        scenario("SSTF", 100, 50, "down", cylinders("51 55 47 10")),
        scenario("SSTF", 100, 50, "down", cylinders("55 60 50 20")),
        scenario("SSTF", 100, 50, "up", cylinders("44 56 38 62 32 68")),
        scenario("SSTF", 100, 50, "down", cylinders("44 56 38 62 32 68")),
        ...Array.from({ length: 6 }, (_, i) => {
          const forked = fork(`ties ${i}`);
          const requests = randomRequests(forked, { n: 40, cylinders: 31 }).map((c) => 2 * c);
          return scenario("SSTF", 63, 2 * forked.int(0, 31), direction(forked), requests);
        }),
      ],
      "cylinders equally near on both sides, before and after the head first moves",
    ),
    test(
      "sharing cylinders going down",
      ALGORITHMS.filter((a) => a !== "FCFS").map((algorithm) => {
        const forked = fork(`down ${algorithm}`);
        return scenario(algorithm, 80, forked.int(20, 60), "down", randomRequests(forked, { n: 60, cylinders: 80, hotSpots: 9 }));
      }),
      "hot cylinders met on a downward sweep: requests in input order",
    ),
    test(
      "movement beyond 32 bits",
      [
        scenario(
          "FCFS",
          1_000_000,
          500_000,
          "up",
          Array.from({ length: 100_000 }, (_, i) => (i % 2 === 0 ? 0 : 999_999)),
          "summary",
        ),
        ...everyAlgorithm(fork("64-bit"), { n: 50_000, cylinders: 1_000_000 }, "summary"),
      ],
      "FCFS travelling 10^11 cylinders, waits summing past 2^32",
    ),
    test("random, 10 requests", [...everyAlgorithm(fork("10 up"), { n: 10, cylinders: 100 }), ...everyAlgorithm(fork("10 down"), { n: 10, cylinders: 100 })]),
    test("random, 100 requests", everyAlgorithm(fork("100"), { n: 100, cylinders: 1_000 })),
    test("random, 1,000 requests", [
      ...everyAlgorithm(fork("1000"), { n: 1_000, cylinders: 5_000 }),
      ...everyAlgorithm(fork("1000 hot"), { n: 1_000, cylinders: 5_000, hotSpots: 50 }),
    ]),
    test("random, 10,000 requests", everyAlgorithm(fork("10000"), { n: 10_000, cylinders: 100_000 })),
    test("summaries", everyAlgorithm(fork("summaries"), { n: 500, cylinders: 2_000 }).map(summary), "summary reports"),
  ];
});

/**
 * The large tests, per language: a million requests over a million cylinders for each algorithm
 * (300,000 in Python, whose reference needs about a second for them), and SSTF on a million
 * requests crowded onto 2,000 cylinders: searching the pending requests for the nearest at each
 * step runs out of time, as does serving a cylinder's requests by searching for them.
 */
const largeTests = memoizedBySpeed((seed: number, language: Language): IoTestCase[] => {
  const n = language === "python" ? 300_000 : 1_000_000;
  const random = new SeededRandom(seed);
  const large = (algorithm: Algorithm, hotSpots = 0) => {
    const forked = random.fork(`large ${algorithm} ${hotSpots}`);
    const s = scenario(
      algorithm,
      1_000_000,
      forked.int(0, 999_999),
      direction(forked),
      randomRequests(forked, { n, cylinders: 1_000_000, hotSpots }),
      "summary",
    );
    return test(
      `large: ${algorithm}${hotSpots ? " on hot cylinders" : ""}, ${count(n)} requests`,
      [s],
      hotSpots ? `${count(hotSpots)} hot cylinders` : "a uniform queue",
    );
  };
  return [...ALGORITHMS.map((algorithm) => large(algorithm)), large("SSTF", 2_000)];
});

/** Shared by every language, then the language's large tests. */
function hiddenTests(seed: number, language: Language): IoTestCase[] {
  return [...sharedTests(seed, language), ...largeTests(seed, language)];
}

/** Eight SSTF queues of `n` requests over a million cylinders: the same workload at any size. */
function growthTest(seed: number, n: number): IoTestCase {
  const random = new SeededRandom(seed).fork(`growth ${n}`);
  const scenarios = Array.from({ length: 8 }, (_, i) => {
    const forked = random.fork(String(i));
    return scenario("SSTF", 1_000_000, forked.int(0, 999_999), direction(forked), randomRequests(forked, { n, cylinders: 1_000_000 }), "summary");
  });
  return test(`growth: ${count(n)} requests per scenario`, scenarios, "SSTF", false);
}

/**
 * Sizes per language, so that the reference spends at least ~150 ms of CPU on each workload
 * (measured with `npm run graders:sizes`).
 */
const growthRequests = (language: Language) => (language === "python" ? 10_000 : 50_000);
const mixedRequests = (language: Language) => (language === "python" ? 50_000 : 200_000);
const growthSmall = memoizedBySpeed((seed: number, language: Language) => growthTest(seed, growthRequests(language)));
const growthLarge = memoizedBySpeed((seed: number, language: Language) => growthTest(seed, 4 * growthRequests(language)));

const performanceWorkloads = memoizedBySpeed((seed: number, language: Language): IoTestCase[] => {
  const n = mixedRequests(language);
  const mixed = everyAlgorithm(new SeededRandom(seed).fork("performance"), { n, cylinders: 1_000_000 }, "summary");
  return [growthLarge(seed, language), test(`performance: every algorithm, ${count(n)} requests each`, mixed, "uniform queues", false)];
});

export default defineIoGrader({
  check: checkDisk,
  hiddenTests,
  performance: {
    workloads: performanceWorkloads,
    tolerance: 4,
    growth: { small: growthSmall, large: growthLarge, maxRatio: 7 },
  },
});

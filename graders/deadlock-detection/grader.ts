// deadlock-detection: requests, releases, exits and DETECT over systems of up to 2,000 processes. The
// checker (checker.ts) compares each line with the oracle's (system.ts) and explains the first wrong
// one; hidden tests probe every convention the statement pins (a request that fits is granted while
// others wait, the queue skips a request that does not fit, a waiting process that holds nothing is
// reported, an exit withdraws its own request); performance is CPU time against the reference and
// growth from n to 4n waiting processes on chains, where a detection that sweeps the waiting
// processes again after each one it finishes is quadratic.
import type { Language } from "@/contracts/languages";
import { memoized } from "@/graders/core/memo";
import { SeededRandom } from "@/graders/core/random";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";
import { checkAgainstReference, checkDetector } from "@/graders/deadlock-detection/checker";
import { chains, randomStream, scripted } from "@/graders/deadlock-detection/generate";
import { expectedOutput, formatInput, type Workload } from "@/graders/deadlock-detection/system";

const count = (value: number) => value.toLocaleString("en-US");

function test(name: string, workload: Workload, note?: string, withExpected = true): IoTestCase {
  const m = workload.total.length;
  const size = `${count(workload.n)} process${workload.n === 1 ? "" : "es"}, ${count(m)} resource type${m === 1 ? "" : "s"}, ${count(workload.events.length)} events`;
  return {
    name,
    visibility: "hidden",
    description: note ? `${note}: ${size}` : size,
    input: formatInput(workload),
    expected: withExpected ? expectedOutput(workload) : undefined,
  };
}

/** Two single-instance cycles (of 2 and of 3), a process waiting on each, and a chain of 40 that ends at a free process. */
function singleInstanceCycles(): Workload {
  const lines: string[] = [];
  // 0 ⇄ 1 over types 0 and 1; 2 waits for type 0, holding nothing.
  lines.push("REQUEST 0 0 1", "REQUEST 1 1 1", "DETECT", "REQUEST 0 1 1", "DETECT", "REQUEST 1 0 1", "DETECT", "REQUEST 2 0 1", "DETECT");
  // 3 → 4 → 5 → 3 over types 2, 3, 4; 6 holds type 5 and waits for type 2.
  lines.push("REQUEST 3 2 1", "REQUEST 4 3 1", "REQUEST 5 4 1", "REQUEST 6 5 1", "REQUEST 3 3 1", "REQUEST 4 4 1", "DETECT", "REQUEST 6 2 1", "DETECT");
  lines.push("REQUEST 5 2 1", "DETECT");
  // A chain: 7 + i holds type 6 + i and waits for type 7 + i, for i < 40; the last holds its type and does not wait.
  for (let i = 0; i <= 40; i++) lines.push(`REQUEST ${7 + i} ${6 + i} 1`);
  for (let i = 0; i < 40; i++) lines.push(`REQUEST ${7 + i} ${7 + i} 1`);
  lines.push("DETECT");
  // The chain's head waits for type 1, held by the deadlocked process 1: the whole chain is deadlocked.
  lines.push("REQUEST 47 1 1", "DETECT");
  // Killing process 1 breaks the first cycle: 0 gets type 1 (and 47 stays waiting for it, behind nobody: 0 holds it now).
  lines.push("EXIT 1", "DETECT", "EXIT 0", "DETECT", "EXIT 3", "DETECT");
  return scripted(
    60,
    Array.from({ length: 60 }, () => 1),
    lines.join(";"),
  );
}

/** Waiting processes that hold nothing: reported when what they wait for is held by deadlocked processes, not otherwise. */
function holdsNothing(): Workload {
  return scripted(
    6,
    [2, 1, 3],
    [
      "REQUEST 0 0 2",
      "REQUEST 1 1 1",
      "REQUEST 2 0 1",
      "DETECT",
      "REQUEST 0 1 1",
      "DETECT",
      "REQUEST 1 0 1",
      "DETECT",
      "REQUEST 3 2 3",
      "REQUEST 4 2 1",
      "REQUEST 5 1 1",
      "DETECT",
      "RELEASE 3 2 3",
      "DETECT",
      "EXIT 0",
      "DETECT",
    ].join(";"),
  );
}

/** A request that fits is granted while older ones wait, even one for the whole remainder. */
function grantedWhileOthersWait(): Workload {
  return scripted(
    5,
    [10, 4],
    [
      "REQUEST 0 0 7",
      "REQUEST 1 0 5",
      "REQUEST 2 0 3",
      "REQUEST 3 0 1",
      "REQUEST 4 0 1",
      "DETECT",
      "RELEASE 0 0 1",
      "RELEASE 0 0 6",
      "REQUEST 0 1 4",
      "REQUEST 2 1 1",
      "DETECT",
    ].join(";"),
  );
}

/** The queue skips an old request that does not fit and serves the younger ones behind it, in order. */
function queueSkips(): Workload {
  return scripted(
    8,
    [12],
    [
      "REQUEST 0 0 12",
      "REQUEST 1 0 9",
      "REQUEST 2 0 4",
      "REQUEST 3 0 5",
      "REQUEST 4 0 1",
      "REQUEST 5 0 3",
      "RELEASE 0 0 6",
      "RELEASE 0 0 2",
      "DETECT",
      "EXIT 2",
      "EXIT 4",
      "RELEASE 0 0 4",
      "DETECT",
      "EXIT 0",
    ].join(";"),
  );
}

/** A waiting process exits: its request leaves the queue, and its number comes back as a new process. */
function exitsWhileWaiting(): Workload {
  return scripted(
    4,
    [3, 2],
    [
      "REQUEST 0 0 3",
      "REQUEST 1 1 1",
      "REQUEST 1 0 2",
      "REQUEST 2 0 1",
      "EXIT 1",
      "RELEASE 0 0 3",
      "REQUEST 1 0 1",
      "REQUEST 1 0 1",
      "REQUEST 1 0 1",
      "REQUEST 3 1 2",
      "REQUEST 0 1 1",
      "DETECT",
      "EXIT 0",
      "EXIT 1",
      "DETECT",
    ].join(";"),
  );
}

/** An exit gives back several types at once and wakes waiting requests on each. */
function exitWakesEveryType(): Workload {
  return scripted(
    6,
    [2, 2, 2, 5],
    [
      "REQUEST 0 0 2",
      "REQUEST 0 1 2",
      "REQUEST 0 2 1",
      "REQUEST 0 3 5",
      "REQUEST 1 0 1",
      "REQUEST 2 1 2",
      "REQUEST 3 2 2",
      "REQUEST 4 3 4",
      "REQUEST 5 3 1",
      "DETECT",
      "EXIT 0",
      "DETECT",
    ].join(";"),
  );
}

const BILLION = 1_000_000_000;

/** Totals of 10^9: amounts that need 30 bits, and a deadlock over them. */
function billions(): Workload {
  return scripted(
    3,
    [BILLION, BILLION],
    [
      `REQUEST 0 0 ${BILLION - 1}`,
      `REQUEST 1 1 ${BILLION}`,
      "REQUEST 2 0 1",
      "REQUEST 0 1 1",
      `REQUEST 1 0 ${BILLION}`,
      "DETECT",
      "RELEASE 2 0 1",
      "DETECT",
      "EXIT 2",
      "EXIT 0",
      "DETECT",
    ].join(";"),
  );
}

const sharedTests = memoized((seed: number): IoTestCase[] => {
  const random = new SeededRandom(seed);
  const fork = (label: string) => random.fork(label);
  return [
    test("no events", { n: 1, total: [1], events: [] }),
    test("one process", randomStream(fork("one"), { n: 1, m: 3, total: [1, 5], events: 60, detect: 0.2 }), "it never waits: what it asks for is always free"),
    test("one resource type", randomStream(fork("one type"), { n: 12, m: 1, total: [3, 10], events: 400, detect: 0.15 })),
    test("single-instance cycles and chains", singleInstanceCycles(), "wait-for cycles, processes waiting on them, a chain of 40"),
    test("waiting while holding nothing", holdsNothing(), "processes that hold nothing wait on deadlocked ones, and on others"),
    test("granted while others wait", grantedWhileOthersWait(), "requests that fit while older ones wait"),
    test("a queue that skips", queueSkips(), "an old request that does not fit, younger ones that do"),
    test("exits while waiting", exitsWhileWaiting(), "waiting processes exit, and their numbers come back"),
    test("an exit gives back several types", exitWakesEveryType()),
    test("10^9 instances", billions(), "totals and amounts of up to 10^9"),
    test("random, single instances", randomStream(fork("single"), { n: 30, m: 30, total: [1, 1], events: 2_000, detect: 0.1 }), "every type has one instance"),
    test("random, small", randomStream(fork("small"), { n: 5, m: 3, total: [1, 4], events: 1_000, detect: 0.2 })),
    test("random, medium", randomStream(fork("medium"), { n: 60, m: 8, total: [2, 20], events: 10_000, detect: 0.05 })),
    test("random, large totals", randomStream(fork("large totals"), { n: 40, m: 5, total: [BILLION / 2, BILLION], events: 5_000, detect: 0.05 })),
    test("chains of 300", chains(303, 1, 5), "a chain that unlocks one process at a time"),
    test("2,000 processes", randomStream(fork("2000"), { n: 2_000, m: 100, total: [5, 60], events: 30_000, detect: 0.001, killWaiting: 0.05 }), "many waiting"),
    test("a long stream", randomStream(fork("long"), { n: 200, m: 20, total: [5, 40], events: 200_000, detect: 0.005 })),
  ];
});

/**
 * Sizes per language, so that the reference spends at least ~150 ms of CPU on each workload
 * (measured with `npm run graders:sizes`).
 */
const detections = (language: Language) => ({ c: 12_000, cpp: 12_000, go: 8_000, python: 200 })[language];
const GROWTH_PROCESSES = 500;
/** Chains of n / 4 processes: the work of a quadratic sweep grows with both their number and length. */
const growthTest = (n: number, language: Language) =>
  test(`growth: ${count(n)} processes in chains`, chains(n, 4, detections(language)), "chains that unlock one process at a time", false);
const growthSmall = memoized((_seed: number, language: Language) => growthTest(GROWTH_PROCESSES, language));
const growthLarge = memoized((_seed: number, language: Language) => growthTest(4 * GROWTH_PROCESSES, language));

const performanceWorkloads = memoized((seed: number, language: Language): IoTestCase[] => {
  const events = language === "python" ? 40_000 : 200_000;
  const mixed = randomStream(new SeededRandom(seed).fork("performance"), { n: 2_000, m: 10, total: [20, 200], events, detect: 0.01, killWaiting: 0.02 });
  return [growthLarge(seed, language), test("performance: a busy system", mixed, "2,000 processes, most of them waiting", false)];
});

export default defineIoGrader({
  check: checkDetector,
  hiddenTests: sharedTests,
  performance: {
    workloads: performanceWorkloads,
    check: checkAgainstReference,
    // 6, not the usual 4: a heap per type rebuilt at each detection measured 4.3× the reference in
    // Go (container/heap allocates on every pop), and that is a reasonable solution.
    tolerance: 6,
    growth: { small: growthSmall, large: growthLarge, maxRatio: 7 },
  },
});

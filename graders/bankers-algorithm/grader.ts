// bankers-algorithm: requests, releases and safety queries against a banker's state. The checker
// (check.ts) replays each workload with the oracle (bank.ts) and accepts any valid safe sequence;
// hidden tests run from edge cases to 2,000 processes × 50 resource types; the performance check
// compares CPU time with the reference (the classic safety check, a few passes over the processes).
import { memoized } from "@/graders/core/memo";
import { SeededRandom } from "@/graders/core/random";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";
import type { Language } from "@/contracts/languages";
import { formatWorkload, newBank, type Operation, type Workload } from "@/graders/bankers-algorithm/bank";
import { checkAgainstReference, checkBanker, count } from "@/graders/bankers-algorithm/check";
import { DEFAULT_MIX, expectedOutput, layeredBank, type StateShape, stream, type StreamMix, unsafeBank } from "@/graders/bankers-algorithm/generate";

function workloadTest(name: string, workload: Workload, note?: string, withExpected = true): IoTestCase {
  const { bank, operations } = workload;
  const size = `${count(bank.n)} process${bank.n === 1 ? "" : "es"}, ${count(bank.m)} resource type${bank.m === 1 ? "" : "s"}, ${count(operations.length)} operations`;
  return {
    name,
    visibility: "hidden",
    description: note ? `${note}: ${size}` : size,
    input: formatWorkload(workload),
    expected: withExpected ? expectedOutput(workload) : undefined,
  };
}

/** A generated state and a stream of operations against it, opened with a SAFE? query. */
function generated(random: SeededRandom, shape: StateShape, operations: number, mix?: StreamMix): Workload {
  const bank = layeredBank(random, shape);
  return { bank, operations: [{ kind: "SAFE?" }, ...stream(random, bank, operations - 1, mix)] };
}

const request = (process: number, ...amounts: number[]): Operation => ({ kind: "REQUEST", process, amounts });
const release = (process: number, ...amounts: number[]): Operation => ({ kind: "RELEASE", process, amounts });
const query: Operation = { kind: "SAFE?" };

/** Nothing held, nothing needed: zero requests and releases are the only ones that fit. */
const ALL_ZERO: Workload = {
  bank: newBank(
    [0, 0, 0],
    [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ],
    [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ],
  ),
  operations: [query, request(0, 0, 0, 0), request(1, 0, 1, 0), release(2, 0, 0, 0), release(3, 0, 0, 1), request(3, 0, 0, 1), query],
};

/** Requests and releases exactly at their limits, and one past them in the first or the last resource type. */
const EXACT_FITS: Workload = {
  bank: newBank(
    [2, 2, 2],
    [
      [4, 4, 4],
      [1, 1, 1],
      [3, 3, 3],
    ],
    [
      [2, 2, 2],
      [0, 0, 0],
      [1, 1, 1],
    ],
  ),
  operations: [
    request(0, 2, 2, 3),
    request(0, 2, 2, 2),
    query,
    release(0, 4, 4, 4),
    request(2, 2, 2, 3),
    request(1, 1, 1, 2),
    request(2, 2, 2, 2),
    request(0, 2, 2, 3),
    request(0, 3, 2, 2),
    release(2, 3, 3, 4),
    release(2, 3, 3, 3),
    query,
    request(1, 1, 1, 1),
    query,
  ],
};

/**
 * Every amount at the statement's limits: each resource type holds 10^9 in all, two processes declare
 * all of it, the work reaches 10^9 exactly, and requests and releases land exactly on large limits and
 * one past them (a float32 cannot tell 400,000,001 from 400,000,002, or 10^9 − 1 from 10^9).
 */
const BILLION = 1_000_000_000;
const AT_THE_LIMIT: Workload = {
  bank: newBank(
    [1, 1],
    [
      [BILLION, BILLION],
      [400_000_001, 500_000_001],
      [BILLION, BILLION],
    ],
    [
      [0, 0],
      [400_000_000, 500_000_000],
      [599_999_999, 499_999_999],
    ],
  ),
  operations: [
    query,
    request(2, 400_000_002, 0),
    request(1, 1, 1),
    release(1, 400_000_001, 500_000_001),
    release(2, 599_999_999, 500_000_000),
    release(2, 599_999_999, 499_999_999),
    request(0, BILLION, BILLION),
    query,
    request(1, 1, 0),
    release(0, BILLION, 999_999_999),
    request(2, BILLION, BILLION),
    request(2, BILLION, 999_999_999),
    query,
    request(1, 400_000_001, 500_000_001),
    query,
  ],
};

/** About one operation in ten reaches the safety check: for the largest states, where each check costs most. */
const LIGHT_MIX: StreamMix = { fits: 3, bold: 2, overNeed: 16, overAvailable: 16, zero: 1, release: 30, overRelease: 8, query: 2 };
const RELEASE_MIX: StreamMix = { ...DEFAULT_MIX, release: 50, overRelease: 15 };

/** Stands for the test whose size depends on the language (see languageTests). */
const MANY_OPERATIONS: IoTestCase = { name: "many operations", visibility: "hidden", input: "" };

/** 300 processes with 50 resource types, and as many operations as the language's reference does in ~150 ms. */
const manyOperations = memoized((seed: number, language: Language) =>
  workloadTest(
    "many operations",
    generated(new SeededRandom(seed).fork("many"), { n: 300, m: 50, layers: 4, maxHeld: 10 }, language === "python" ? 200 : 1000),
  ),
);

/**
 * The hidden tests, built once per seed, with the language's own size where it has one. Found by name,
 * not identity: tests built in the worker's warm-up thread arrive here as structured clones.
 */
const sharedTests = memoized((seed: number) => hiddenTests(seed));
function languageTests(seed: number, language: Language): IoTestCase[] {
  return sharedTests(seed, language).map((test) => (test.name === MANY_OPERATIONS.name ? manyOperations(seed, language) : test));
}

function hiddenTests(seed: number): IoTestCase[] {
  const random = new SeededRandom(seed);
  const unsafe = unsafeBank(random.fork("unsafe"), { n: 12, m: 3, layers: 3, maxHeld: 6 });
  const unsafeStart: Workload = {
    bank: unsafe,
    operations: [query, request(0, 0, 0, 0), ...stream(random.fork("unsafe stream"), unsafe, 298, RELEASE_MIX)],
  };
  // The drivers answer a workload without operations; the user's functions are never called on it.
  const noOperations: Workload = { bank: layeredBank(random.fork("no operations"), { n: 5, m: 3, layers: 2, maxHeld: 6 }), operations: [] };
  return [
    workloadTest("no operations", noOperations),
    workloadTest("all zero", ALL_ZERO),
    workloadTest("exact fits", EXACT_FITS),
    workloadTest("values at the limit", AT_THE_LIMIT, "amounts up to 1,000,000,000"),
    workloadTest("one process", generated(random.fork("one process"), { n: 1, m: 3, layers: 1, maxHeld: 5 }, 200)),
    workloadTest("one resource type", generated(random.fork("one type"), { n: 8, m: 1, layers: 3, maxHeld: 8 }, 500)),
    workloadTest("one of each", generated(random.fork("one of each"), { n: 1, m: 1, layers: 1, maxHeld: 4 }, 60)),
    workloadTest("unsafe initial state", unsafeStart, "unsafe at the start"),
    workloadTest("releases", generated(random.fork("releases"), { n: 10, m: 4, layers: 3, maxHeld: 5 }, 400, RELEASE_MIX)),
    workloadTest(
      "last process first",
      generated(random.fork("reverse"), { n: 40, m: 3, layers: 40, maxHeld: 5, order: "reverse" }, 200),
      "one safe order, the last process first",
    ),
    workloadTest("long chain", generated(random.fork("chain"), { n: 300, m: 4, layers: 300, maxHeld: 6 }, 80), "a chain of 300 processes"),
    workloadTest("tiny state, long stream", generated(random.fork("tiny"), { n: 5, m: 3, layers: 2, maxHeld: 4 }, 5000)),
    workloadTest("random", generated(random.fork("random"), { n: 60, m: 8, layers: 3, maxHeld: 10 }, 3000)),
    workloadTest("large amounts", generated(random.fork("large"), { n: 40, m: 4, layers: 4, maxHeld: 20_000_000 }, 500)),
    MANY_OPERATIONS,
    workloadTest("2,000 processes, 3 resource types", generated(random.fork("wide"), { n: 2000, m: 3, layers: 6, maxHeld: 10 }, 400, LIGHT_MIX)),
    workloadTest("2,000 processes, 50 resource types", generated(random.fork("largest"), { n: 2000, m: 50, layers: 4, maxHeld: 10 }, 200, LIGHT_MIX)),
  ];
}

function performanceWorkload(seed: number, name: string, shape: StateShape, operations: number): IoTestCase {
  // Requests and releases only (one SAFE? opens the stream): with 2,000 processes each answer to a
  // query is a long line, and thousands of them would be a test of printing. No expected output:
  // the reference's in the same job is the answer (checkAgainstReference).
  return workloadTest(name, generated(new SeededRandom(seed).fork(name), shape, operations, { ...DEFAULT_MIX, query: 0 }), undefined, false);
}

interface PerformanceSizes {
  manyProcesses: { shape: StateShape; operations: number };
  manyTypes: { shape: StateShape; operations: number };
}

/**
 * The performance workloads' sizes per language, so that the reference spends at least ~150 ms of
 * CPU on each (measured with `npm run graders:sizes`): C and Go are about 75 times faster than Python.
 */
const C_SIZES: PerformanceSizes = {
  manyProcesses: { shape: { n: 2000, m: 10, layers: 20, maxHeld: 10 }, operations: 5000 },
  manyTypes: { shape: { n: 1200, m: 50, layers: 4, maxHeld: 10 }, operations: 5000 },
};
const PERFORMANCE_SIZES: Record<Language, PerformanceSizes> = {
  c: C_SIZES,
  cpp: C_SIZES,
  go: {
    manyProcesses: { shape: { n: 2000, m: 10, layers: 30, maxHeld: 10 }, operations: 2000 },
    manyTypes: { shape: { n: 1000, m: 50, layers: 20, maxHeld: 10 }, operations: 1600 },
  },
  python: {
    manyProcesses: { shape: { n: 2000, m: 5, layers: 6, maxHeld: 10 }, operations: 80 },
    manyTypes: { shape: { n: 500, m: 50, layers: 4, maxHeld: 10 }, operations: 150 },
  },
};

export default defineIoGrader({
  check: checkBanker,
  hiddenTests: languageTests,
  performance: {
    // In the sandbox, restarting the scan after every finish measures 12–14 times the reference (C,
    // Go), rebuilding the work 50–80 times.
    workloads: memoized((seed, language) => {
      const { manyProcesses, manyTypes } = PERFORMANCE_SIZES[language];
      return [
        performanceWorkload(seed, "many processes", manyProcesses.shape, manyProcesses.operations),
        performanceWorkload(seed, "many resource types", manyTypes.shape, manyTypes.operations),
      ];
    }),
    check: checkAgainstReference,
    // A reasonable solution that copies the state to try each request measures 1.2-1.3× in C and
    // Python but ~2.8× in Go (an allocation per row); restarting the scan measures 14× or more.
    tolerance: 4,
  },
});

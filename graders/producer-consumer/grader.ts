// producer-consumer: the harness (exercises/producer-consumer/starter) races producers and
// consumers against the user's buffer and reports how many items came out and their checksum; this
// grader recomputes both from the scenario. Spurious wakeups are injected (C, Python), one test runs
// under the race detector, two judge CPU time while threads must be blocked.
import { scenarioNumbers } from "@/graders/core/scenario-numbers";
import { defineLinkGrader, type LinkTestCase } from "@/graders/core/types";
import type { Language } from "@/contracts/languages";

interface Scenario {
  producers: number;
  consumers: number;
  capacity: number;
  items: number;
  producerPauseUs?: number;
  consumerStartMs?: number;
  spuriousPermille?: number;
  /** Close the buffer while the producers wait on it (no consumers). */
  closeWhileFull?: boolean;
}

const MASK = 0xffffffff;

/** The harness's per-item hash, as it computes it. */
export function mix(producer: number, sequence: number): number {
  let x = (Math.imul(producer, 0x9e3779b1) ^ sequence) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  return (x ^ (x >>> 13)) >>> 0;
}

/** The checksum of every item producers 0..P-1 put, items 0..N-1 each. */
export function checksum(producers: number, items: number): number {
  let sum = 0;
  for (let p = 0; p < producers; p++) for (let s = 0; s < items; s++) sum = (sum + mix(p, s)) & MASK;
  return sum >>> 0;
}

function scenarioLine(s: Scenario): string {
  return [
    s.producers,
    s.consumers,
    s.capacity,
    s.items,
    s.producerPauseUs ?? 0,
    s.consumerStartMs ?? 0,
    s.spuriousPermille ?? 0,
    s.closeWhileFull ? 1 : 0,
  ].join(" ");
}

function parse(line: string): Scenario {
  const [producers, consumers, capacity, items, producerPauseUs, consumerStartMs, spuriousPermille, mode] = line.trim().split(/\s+/).map(Number);
  return {
    producers: producers!,
    consumers: consumers!,
    capacity: capacity!,
    items: items!,
    producerPauseUs,
    consumerStartMs,
    spuriousPermille,
    closeWhileFull: mode === 1,
  };
}

const FIELDS = "P C CAPACITY N PRODUCER_PAUSE_US CONSUMER_START_MS SPURIOUS_PERMILLE MODE";

/**
 * A scenario the user wrote for Run, as the statement's Input section describes it: eight numbers
 * in the statement's ranges, after an optional first line with one word (the examples' `run-1`,
 * whose place the run's own token takes). Refused here, a scenario the harness would reject, or
 * one that could only hang or lose items whatever the buffer does, is not blamed on the user's code.
 */
export function customScenario(input: string): { ok: true; scenario: string } | { ok: false; message: string } {
  const read = scenarioNumbers(input, FIELDS);
  if (!read.ok) return read;
  const [producers, consumers, capacity, items, producerPauseUs, consumerStartMs, spuriousPermille, mode] = read.numbers as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const problem =
    producers < 1 || producers > 32
      ? `P (producers) is ${producers}; it must be 1 to 32.`
      : consumers > 32
        ? `C (consumers) is ${consumers}; it must be 0 to 32.`
        : capacity < 1 || capacity > 256
          ? `CAPACITY is ${capacity}; it must be 1 to 256.`
          : items < 1 || producers * items > 3_000_000
            ? `N is ${items}: each producer puts at least one item, and all of them together (P × N = ${(producers * items).toLocaleString("en-US")}) at most 3,000,000.`
            : spuriousPermille > 1000
              ? `SPURIOUS_PERMILLE is ${spuriousPermille}; it is a share in thousandths, 0 to 1000.`
              : mode > 1
                ? `MODE is ${mode}; it must be 0 (consumers drain the buffer) or 1 (the harness closes it while producers wait).`
                : mode === 0 && consumers === 0
                  ? "with MODE 0 the items are taken out by consumers, and C is 0: nothing would ever take them. Use at least one consumer, or MODE 1."
                  : undefined;
  if (problem) return { ok: false, message: problem };
  return {
    ok: true,
    scenario: scenarioLine({ producers, consumers, capacity, items, producerPauseUs, consumerStartMs, spuriousPermille, closeWhileFull: mode === 1 }),
  };
}

function test(name: string, visibility: "public" | "hidden", scenario: Scenario, extra: Partial<LinkTestCase> = {}): LinkTestCase {
  const description = `${scenario.producers} producer(s), ${scenario.consumers} consumer(s), capacity ${scenario.capacity}, ${(scenario.producers * scenario.items).toLocaleString("en-US")} items${scenario.closeWhileFull ? ", closed while producers wait" : ""}`;
  return { name, visibility, scenario: scenarioLine(scenario), description, ...extra };
}

/**
 * The throughput scenarios per language, so that the reference spends at least ~150 ms of CPU on
 * them (measured with `npm run graders:sizes`): Go's goroutines hand items over ten times faster
 * than C's threads, and Python ten times slower.
 */
const THROUGHPUT: Record<Language, Scenario[]> = {
  c: [{ producers: 4, consumers: 4, capacity: 64, items: 150_000 }],
  cpp: [{ producers: 4, consumers: 4, capacity: 64, items: 150_000 }],
  go: [{ producers: 4, consumers: 4, capacity: 64, items: 750_000 }],
  python: [{ producers: 4, consumers: 4, capacity: 64, items: 9_000 }],
};

const BLOCKING_HINT = "Threads must sleep while they wait (on a condition variable or a semaphore), not spin re-checking the buffer.";

/**
 * The slow producer's scenario: a fifth of a second of waiting, which a spinning C or Go thread burns
 * whole (40 times the reference's few ms). Python's spinning threads take turns on the interpreter's
 * lock and burn about a third of the time, against the reference's ~20 ms of start-up: a second of
 * waiting (the statement's run-3) keeps a spinning solution far over 4× (at a third of a second it
 * measured 4.5–5× and once passed).
 */
const SLOW_PRODUCER: Record<Language, Scenario> = {
  c: { producers: 1, consumers: 4, capacity: 8, items: 10, producerPauseUs: 20_000 },
  cpp: { producers: 1, consumers: 4, capacity: 8, items: 10, producerPauseUs: 20_000 },
  go: { producers: 1, consumers: 4, capacity: 8, items: 10, producerPauseUs: 20_000 },
  python: { producers: 1, consumers: 4, capacity: 8, items: 25, producerPauseUs: 40_000 },
};

/** How late the consumers start while producers wait on a full buffer (ms): as above, longer for Python. */
const LATE_CONSUMERS: Record<Language, number> = { c: 200, cpp: 200, go: 200, python: 300 };

export default defineLinkGrader({
  // The statement: build the buffer, not borrow the language's (a buffered channel, queue.Queue).
  sourceRules: {
    go: [{ names: ["chan"], why: "a channel would be the buffer for you; build it with sync.Mutex and sync.Cond." }],
    python: [
      {
        modules: ["queue", "asyncio", "multiprocessing", "concurrent"],
        why: "their queues would be the buffer for you; build it with threading.Lock and threading.Condition.",
      },
    ],
  },
  tests: (_seed, language) => [
    test("one producer, one consumer", "public", { producers: 1, consumers: 1, capacity: 4, items: 1000 }),
    test("close wakes waiting producers", "public", { producers: 3, consumers: 0, capacity: 4, items: 50, closeWhileFull: true }),
    test("capacity one", "hidden", { producers: 4, consumers: 4, capacity: 1, items: 2000, spuriousPermille: 100 }),
    test("spurious wakeups", "hidden", { producers: 4, consumers: 4, capacity: 2, items: 3000, spuriousPermille: 250 }),
    test("consumers start late", "hidden", { producers: 4, consumers: 2, capacity: 16, items: 500, consumerStartMs: 100 }),
    test("32 producers, 32 consumers", "hidden", { producers: 32, consumers: 32, capacity: 64, items: 1000, spuriousPermille: 50 }),
    test("close with many waiting", "hidden", { producers: 8, consumers: 0, capacity: 3, items: 100, spuriousPermille: 100, closeWhileFull: true }),
    // Waiting (SLOW_PRODUCER, LATE_CONSUMERS): a spinning thread burns it, a blocked one almost nothing.
    test("consumers wait for a slow producer", "hidden", SLOW_PRODUCER[language], {
      maxCpuRatio: 4,
      cpuHint: `Consumers used CPU while the buffer was empty. ${BLOCKING_HINT}`,
    }),
    test(
      "producers wait for late consumers",
      "hidden",
      { producers: 4, consumers: 1, capacity: 2, items: 30, consumerStartMs: LATE_CONSUMERS[language] },
      { maxCpuRatio: 4, cpuHint: `Producers used CPU while the buffer was full. ${BLOCKING_HINT}` },
    ),
    // After the waiting tests: the race-detector build (begun after the submission's) is ready by then.
    test("under the race detector", "hidden", { producers: 4, consumers: 4, capacity: 4, items: 1000 }, { raceDetector: true }),
    test("many items", "hidden", { producers: 4, consumers: 4, capacity: 256, items: 50_000 }),
  ],
  customScenario,
  check: (test, report) => {
    const scenario = parse(test.scenario);
    const delivered = Number(report.delivered);
    const accepted = Number(report.accepted);
    if (scenario.closeWhileFull) {
      if (accepted !== delivered) return { ok: false, message: `${accepted} item(s) were accepted but ${delivered} came out.` };
      if (accepted < scenario.capacity)
        return {
          ok: false,
          message: `Only ${accepted} item(s) went in before the close; a buffer of capacity ${scenario.capacity} should have taken ${scenario.capacity}.`,
        };
      return { ok: true };
    }
    const expected = scenario.producers * scenario.items;
    if (delivered !== expected || accepted !== expected)
      return { ok: false, message: `${expected.toLocaleString("en-US")} items were produced but ${delivered.toLocaleString("en-US")} were delivered.` };
    return report.checksum === checksum(scenario.producers, scenario.items)
      ? { ok: true }
      : { ok: false, message: "The right number of items came out, but not the items that went in (their checksum differs)." };
  },
  performance: {
    workloads: (_seed, language) => THROUGHPUT[language].map((scenario) => test("throughput", "hidden", scenario)),
    tolerance: 3,
  },
});

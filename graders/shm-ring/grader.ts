// shm-ring: the harness (exercises/shm-ring/starter) forks a producer process and a consumer process
// around the user's ring in shared memory, checks every message's number and bytes, and reports how
// many messages went in and came out and a checksum of their numbers; this grader recomputes all
// three from the scenario. Spurious wakeups are injected, two tests judge CPU time while a process
// must be blocked, and the throughput workload is judged against the reference.
import type { Language } from "@/contracts/languages";
import { scenarioNumbers } from "@/graders/core/scenario-numbers";
import { defineLinkGrader, type LinkTestCase } from "@/graders/core/types";

interface Scenario {
  capacity: number;
  size: number;
  messages: number;
  producerPauseUs?: number;
  consumerStartMs?: number;
  spuriousPermille?: number;
  /** 0: the producer closes when done; 1: the consumer closes a full ring the producer waits on; 2: the producer closes an empty ring the consumer waits on. */
  mode?: 0 | 1 | 2;
}

const MASK = 0xffffffff;

/** The harness's hash of a message's number, as it computes it (uint32 arithmetic). */
export function mix(stream: number, sequence: number): number {
  let x = (Math.imul(stream, 0x9e3779b1) ^ sequence) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  return (x ^ (x >>> 13)) >>> 0;
}

/** The checksum of messages 0..count-1, as the consumer sums it. */
export function checksum(count: number): number {
  let sum = 0;
  for (let s = 0; s < count; s++) sum = (sum + mix(1, s)) & MASK;
  return sum >>> 0;
}

function scenarioLine(s: Scenario): string {
  return [s.capacity, s.size, s.messages, s.producerPauseUs ?? 0, s.consumerStartMs ?? 0, s.spuriousPermille ?? 0, s.mode ?? 0].join(" ");
}

function parse(line: string): Required<Scenario> {
  const [capacity, size, messages, producerPauseUs, consumerStartMs, spuriousPermille, mode] = line.trim().split(/\s+/).map(Number) as number[];
  return {
    capacity: capacity!,
    size: size!,
    messages: messages!,
    producerPauseUs: producerPauseUs!,
    consumerStartMs: consumerStartMs!,
    spuriousPermille: spuriousPermille!,
    mode: mode as 0 | 1 | 2,
  };
}

const FIELDS = "CAPACITY SIZE N PRODUCER_PAUSE_US CONSUMER_START_MS SPURIOUS_PERMILLE MODE";
const MAX_MESSAGES = 5_000_000;

/**
 * A scenario the user wrote for Run, as the statement's Input section describes it: seven numbers
 * in the statement's ranges, after an optional first line with one word (the examples' `run-1`,
 * whose place the run's own token takes). Refused here, a scenario the harness would reject is not
 * blamed on the user's code.
 */
export function customScenario(input: string): { ok: true; scenario: string } | { ok: false; message: string } {
  const read = scenarioNumbers(input, FIELDS);
  if (!read.ok) return read;
  const [capacity, size, messages, producerPauseUs, consumerStartMs, spuriousPermille, mode] = read.numbers as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const problem =
    capacity < 1 || capacity > 4096
      ? `CAPACITY is ${capacity}; it must be 1 to 4096.`
      : size < 8 || size > 4096
        ? `SIZE is ${size}; a message is 8 to 4096 bytes (its first 8 bytes carry its number).`
        : messages > MAX_MESSAGES
          ? `N is ${messages.toLocaleString("en-US")}; it must be 0 to ${MAX_MESSAGES.toLocaleString("en-US")}.`
          : producerPauseUs > 1_000_000
            ? `PRODUCER_PAUSE_US is ${producerPauseUs}; it must be 0 to 1,000,000 (a second).`
            : consumerStartMs > 1000
              ? `CONSUMER_START_MS is ${consumerStartMs}; it must be 0 to 1000 (a second).`
              : spuriousPermille > 1000
                ? `SPURIOUS_PERMILLE is ${spuriousPermille}; it is a share in thousandths, 0 to 1000.`
                : mode > 2
                  ? `MODE is ${mode}; it must be 0 (the producer closes when done), 1 (the consumer closes a full ring) or 2 (the producer closes an empty ring).`
                  : mode === 1 && messages <= capacity
                    ? `with MODE 1 the producer must fill the ring and wait on it, so N (${messages}) must be more than CAPACITY (${capacity}).`
                    : undefined;
  if (problem) return { ok: false, message: problem };
  return {
    ok: true,
    scenario: scenarioLine({ capacity, size, messages, producerPauseUs, consumerStartMs, spuriousPermille, mode: mode as 0 | 1 | 2 }),
  };
}

function test(name: string, visibility: "public" | "hidden", scenario: Scenario, extra: Partial<LinkTestCase> = {}): LinkTestCase {
  const closing = scenario.mode === 1 ? ", closed while the producer waits" : scenario.mode === 2 ? ", closed while the consumer waits" : "";
  const description = `capacity ${scenario.capacity}, ${scenario.size}-byte messages, ${scenario.messages.toLocaleString("en-US")} of them${closing}`;
  return { name, visibility, scenario: scenarioLine(scenario), description, ...extra };
}

const BLOCKING_HINT = "A process must sleep while it waits (on a process-shared condition variable or semaphore), not spin re-checking the ring.";

/**
 * What differs between the two languages offered. Counts: the throughput workload is sized so that
 * the reference spends at least ~150 ms of CPU on it (measured with `npm run graders:sizes`); two
 * Python processes hand messages over about thirty times slower than C's. Waiting: a fifth of a
 * second, which a spinning C process burns whole (tens of times the reference's few ms); a Python
 * process starts with ~40 ms of imports, so it waits a second, keeping a spinning one far over 4×.
 */
function sizes(language: Language): { throughput: number; many: number; waitingMs: number } {
  return language === "python" ? { throughput: 30_000, many: 20_000, waitingMs: 1000 } : { throughput: 1_000_000, many: 200_000, waitingMs: 200 };
}

export default defineLinkGrader({
  // The statement: build the ring in the memory given, not borrow a queue or a pipe.
  sourceRules: {
    python: [
      {
        modules: [
          "queue",
          "asyncio",
          "concurrent",
          "multiprocessing.queues",
          "multiprocessing.connection",
          "multiprocessing.managers",
          "multiprocessing.pool",
          "multiprocessing.shared_memory",
          "multiprocessing.sharedctypes",
          "multiprocessing.heap",
          "multiprocessing.reduction",
        ],
        why: "they would be the ring, or its shared state, for you; keep the ring in the memoryview you are given, with multiprocessing's Lock, Condition or Semaphore.",
      },
      {
        names: ["Queue", "SimpleQueue", "JoinableQueue", "Pipe", "Manager", "Pool", "Value", "Array", "RawValue", "RawArray", "Listener", "Client"],
        codeOnly: true,
        why: "multiprocessing's queues, pipes, managers and shared values would be the ring, or its shared state, for you; keep the ring in the memoryview you are given, with multiprocessing's Lock, Condition or Semaphore.",
      },
      {
        // multiprocessing's modules hold os and sys as attributes (multiprocessing.util.os): the
        // primitives are all a ring needs, imported by name (from multiprocessing import Lock).
        names: [
          "os",
          "sys",
          "util",
          "context",
          "process",
          "reduction",
          "synchronize",
          "resource_tracker",
          "popen_fork",
          "spawn",
          "forkserver",
          "dummy",
          "Process",
          "get_context",
          "set_start_method",
          "current_process",
          "parent_process",
          "active_children",
          "set_executable",
          "set_forkserver_preload",
          "allow_connection_pickling",
          "log_to_stderr",
          "get_logger",
        ],
        // In code only: a docstring may say "process"; a name in a string reaches nothing without getattr, which is refused.
        codeOnly: true,
        why: "in this exercise your code runs in the harness's processes and may not reach multiprocessing's internals, which hold os and sys; import the primitives by name (from multiprocessing import Lock, Condition, Semaphore).",
      },
    ],
  },
  tests: (_seed, language) => {
    const { many, waitingMs } = sizes(language);
    return [
      test("one message at a time", "public", { capacity: 4, size: 16, messages: 1000 }),
      test("close wakes a waiting producer", "public", { capacity: 8, size: 32, messages: 100, consumerStartMs: 100, mode: 1 }),
      test("capacity one", "hidden", { capacity: 1, size: 8, messages: 2000, spuriousPermille: 100 }),
      test("spurious wakeups", "hidden", { capacity: 2, size: 8, messages: 3000, spuriousPermille: 250 }),
      test("large messages", "hidden", { capacity: 3, size: 4096, messages: 2000 }),
      test("odd sizes wrap around", "hidden", { capacity: 7, size: 13, messages: 5000, spuriousPermille: 50 }),
      test("consumer starts late", "hidden", { capacity: 16, size: 24, messages: 500, consumerStartMs: 100 }),
      test("close wakes a waiting consumer", "hidden", { capacity: 4, size: 8, messages: 10, producerPauseUs: 2000, mode: 2 }),
      test("a large ring fills before put waits", "hidden", { capacity: 4096, size: 8, messages: 5000, consumerStartMs: 200, mode: 1 }),
      // Waiting (sizes): a spinning process burns it, a blocked one almost nothing.
      test(
        "the consumer waits for a slow producer",
        "hidden",
        { capacity: 8, size: 16, messages: 10, producerPauseUs: waitingMs * 100 },
        {
          maxCpuRatio: 4,
          cpuHint: `The consumer used CPU while the ring was empty. ${BLOCKING_HINT}`,
        },
      ),
      test(
        "the producer waits for a late consumer",
        "hidden",
        { capacity: 2, size: 8, messages: 30, consumerStartMs: waitingMs },
        { maxCpuRatio: 4, cpuHint: `The producer used CPU while the ring was full. ${BLOCKING_HINT}` },
      ),
      test("many messages", "hidden", { capacity: 256, size: 64, messages: many }),
    ];
  },
  customScenario,
  check: (test, report) => {
    const scenario = parse(test.scenario);
    const delivered = Number(report.delivered);
    const accepted = Number(report.accepted);
    // MODE 1 stops the producer at the close, with exactly a full ring inside.
    const expected = scenario.mode === 1 ? scenario.capacity : scenario.messages;
    if (accepted !== expected || delivered !== expected)
      return {
        ok: false,
        message: `${expected.toLocaleString("en-US")} messages should have gone through the ring; ${accepted.toLocaleString("en-US")} were accepted and ${delivered.toLocaleString("en-US")} delivered.`,
      };
    return report.checksum === checksum(expected)
      ? { ok: true }
      : { ok: false, message: "The right number of messages came out, but not the messages that went in (their checksum differs)." };
  },
  performance: {
    workloads: (_seed, language) => [test("throughput", "hidden", { capacity: 64, size: 64, messages: sizes(language).throughput })],
    // Semaphores (three operations a message) measured 2.3–2.5× on a Submit's one CPU: reasonable, and kept well inside.
    tolerance: 4,
  },
});

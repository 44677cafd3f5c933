// user-threads: the harness (exercises/user-threads/starter/c) runs thread programs on the user's
// library in a child process, checks each thread's stack, registers, alignment, ids and join results
// as it goes, compares the order the threads ran in with its own model of round-robin, and reports
// how many steps were taken, a checksum of which thread took each and how many threads were created.
// This grader recomputes all three with an independent model (model.ts). The stack-overflow tests
// pass when the library reported the overflow and ended the process; the context-switch workload is
// judged against the reference.
import { scenarioNumbers } from "@/graders/core/scenario-numbers";
import { defineLinkGrader, type LinkTestCase } from "@/graders/core/types";
import { roundRobin, type Scenario } from "@/graders/user-threads/model";

const FIELDS = "MODE THREADS STEPS TOTAL STACK_KIB SEED";
const MAX_THREADS = 200_000;
const MAX_STEPS = 1000;
const MAX_STACK_KIB = 56;
/** The harness records at most this many steps; a scenario must fit (its bound on the steps below). */
const MAX_EVENTS = 4_000_000;

function scenarioLine(s: Scenario): string {
  return [s.mode, s.threads, s.steps, s.total, s.stackKib, s.seed].join(" ");
}

function parse(line: string): Scenario {
  const [mode, threads, steps, total, stackKib, seed] = line.trim().split(/\s+/).map(Number) as number[];
  return { mode: mode as 0 | 1 | 2, threads: threads!, steps: steps!, total: total!, stackKib: stackKib!, seed: seed! };
}

/**
 * A scenario the user wrote for Run, as the statement's Input section describes it: six numbers in
 * the statement's ranges, after an optional line with one word. Refused here, a scenario the harness
 * would reject is not blamed on the user's code.
 */
export function customScenario(input: string): { ok: true; scenario: string } | { ok: false; message: string } {
  const read = scenarioNumbers(input, FIELDS);
  if (!read.ok) return read;
  const [mode, threads, steps, total, stackKib, seed] = read.numbers as [number, number, number, number, number, number];
  const problem =
    mode > 2
      ? `MODE is ${mode}; it must be 0 (random programs), 1 (many threads) or 2 (a stack overflow).`
      : total < 1 || total > MAX_THREADS
        ? `TOTAL is ${total}; it must be 1 to ${MAX_THREADS.toLocaleString("en-US")}.`
        : threads < 1 || threads > total
          ? `THREADS is ${threads}; it must be 1 to TOTAL (${total}).`
          : steps < 1 || steps > MAX_STEPS
            ? `STEPS is ${steps}; it must be 1 to ${MAX_STEPS}.`
            : mode === 2 && steps < 2
              ? "with MODE 2 the overflowing thread overflows on its second step, so STEPS must be 2 or more."
              : stackKib < 1 || stackKib > MAX_STACK_KIB
                ? `STACK_KIB is ${stackKib}; it must be 1 to ${MAX_STACK_KIB}.`
                : (total + 1) * (steps + 3) + threads > MAX_EVENTS
                  ? `(TOTAL + 1) × (STEPS + 3) + THREADS is ${((total + 1) * (steps + 3) + threads).toLocaleString("en-US")}; the harness records at most ${MAX_EVENTS.toLocaleString("en-US")} steps.`
                  : undefined;
  if (problem) return { ok: false, message: problem };
  return { ok: true, scenario: scenarioLine({ mode: mode as 0 | 1 | 2, threads, steps, total, stackKib, seed }) };
}

function describe(s: Scenario): string {
  if (s.mode === 2) return `${s.threads} threads, the last overflows its stack`;
  if (s.mode === 1)
    return s.threads === s.total
      ? `${s.threads.toLocaleString("en-US")} threads, ${s.steps} yields each`
      : `${s.total.toLocaleString("en-US")} threads, at most ${s.threads.toLocaleString("en-US")} alive`;
  return `random programs: ${s.threads} threads to start, up to ${s.total.toLocaleString("en-US")} in all, ${s.steps} steps each, ${s.stackKib} KiB deep`;
}

function test(name: string, visibility: "public" | "hidden", scenario: Scenario): LinkTestCase {
  return { name, visibility, scenario: scenarioLine(scenario), description: describe(scenario) };
}

// The model runs a million steps in ~100 ms: once per scenario, not once per check.
const runs = new Map<string, ReturnType<typeof roundRobin>>();
function modelled(scenario: string) {
  let run = runs.get(scenario);
  if (!run) {
    run = roundRobin(parse(scenario));
    runs.set(scenario, run);
  }
  return run;
}

export default defineLinkGrader({
  sourceRules: {
    c: [
      {
        // The threads must be the library's own contexts on the one kernel thread (the harness also
        // checks the kernel thread each step runs on): these would hand the switching to the kernel.
        names: ["pthread_create", "clone", "clone3", "fork", "vfork"],
        codeOnly: true,
        why: "user-level threads run on the process's one kernel thread and are switched by your code (swapcontext, or a switch of your own); a kernel thread or process per thread is what this library replaces.",
      },
    ],
  },
  tests: () => [
    test("three threads take turns", "public", { mode: 1, threads: 3, steps: 4, total: 3, stackKib: 8, seed: 1 }),
    test("random programs", "public", { mode: 0, threads: 4, steps: 20, total: 40, stackKib: 16, seed: 7 }),
    test("a stack overflow is reported", "public", { mode: 2, threads: 3, steps: 5, total: 3, stackKib: 8, seed: 1 }),
    test("one thread, yielding alone", "hidden", { mode: 1, threads: 1, steps: 5, total: 1, stackKib: 8, seed: 1 }),
    test("random programs, deep stacks", "hidden", { mode: 0, threads: 8, steps: 100, total: 2000, stackKib: 56, seed: 12345 }),
    test("random programs, many joins", "hidden", { mode: 0, threads: 50, steps: 50, total: 500, stackKib: 40, seed: 2024 }),
    test("random programs, long", "hidden", { mode: 0, threads: 16, steps: 1000, total: 2000, stackKib: 32, seed: 99 }),
    test("two thousand threads alive", "hidden", { mode: 1, threads: 2000, steps: 3, total: 2000, stackKib: 8, seed: 1 }),
    test("a hundred thousand threads created and joined", "hidden", { mode: 1, threads: 64, steps: 2, total: 100_000, stackKib: 8, seed: 1 }),
    test("a later thread overflows its stack", "hidden", { mode: 2, threads: 20, steps: 10, total: 20, stackKib: 8, seed: 1 }),
  ],
  customScenario,
  check: (test, report) => {
    const expected = modelled(test.scenario);
    if (report.created !== expected.created)
      return {
        ok: false,
        message: `${expected.created.toLocaleString("en-US")} threads should have been created; the harness counted ${String(report.created)}.`,
      };
    if (report.steps !== expected.steps)
      return { ok: false, message: `The threads should have taken ${expected.steps.toLocaleString("en-US")} steps; they took ${String(report.steps)}.` };
    return report.checksum === expected.checksum
      ? { ok: true }
      : { ok: false, message: "The threads took the right number of steps, but not in round-robin's order (the checksum of who ran when differs)." };
  },
  performance: {
    // A million context switches among 4,000 threads, each yielding 250 times: the reference spends
    // ~300 ms, most of it in swapcontext's signal-mask system call. A switch of one's own is faster;
    // finding the queue's back by walking it costs thousands of times more per yield.
    workloads: () => [test("context switches", "hidden", { mode: 1, threads: 4000, steps: 250, total: 4000, stackKib: 8, seed: 1 })],
    tolerance: 4,
  },
});

// cow-snapshot: the harness (exercises/cow-snapshot/starter/c) fills the user's store, takes snapshots
// with kv_snapshot while it goes on changing the store, reads each child's stream only afterwards and
// checks it against the store at the fork (every pair once, no other, no torn pair), that kv_snapshot
// returned at once, that the child ended with _exit(0) and was left for the harness to reap, and that
// the memory of parent and child grew with the pages changed, not with the store. This grader
// recomputes the run's figures with its own model (model.ts); set/get and snapshot speed are judged
// against the reference.
import { runStore, type Run, type Scenario } from "@/graders/cow-snapshot/model";
import { scenarioNumbers } from "@/graders/core/scenario-numbers";
import { defineLinkGrader, type LinkTestCase } from "@/graders/core/types";

const FIELDS = "KEYS MAX_VALUE ROUNDS AFTER OVERLAP SEED";
const MAX_KEYS = 300_000;
const MAX_VALUE = 1_048_576;
const MAX_ROUNDS = 50;
const MAX_AFTER = 2_000_000;
/** max(2 KEYS, 16) × MAX_VALUE at most this: a store of 256 MiB on average with every key set. */
const MAX_PRODUCT = 2 ** 29;

function scenarioLine(s: Scenario): string {
  return [s.keys, s.maxValue, s.rounds, s.after, s.overlap, s.seed].join(" ");
}

function parse(line: string): Scenario {
  const [keys, maxValue, rounds, after, overlap, seed] = line.trim().split(/\s+/).map(Number) as number[];
  return { keys: keys!, maxValue: maxValue!, rounds: rounds!, after: after!, overlap: overlap!, seed: seed! };
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
  const [keys, maxValue, rounds, after, overlap, seed] = read.numbers as [number, number, number, number, number, number];
  const problem =
    keys > MAX_KEYS
      ? `KEYS is ${count(keys)}; it must be 0 to ${count(MAX_KEYS)}.`
      : maxValue > MAX_VALUE
        ? `MAX_VALUE is ${count(maxValue)}; it must be 0 to ${count(MAX_VALUE)}.`
        : rounds < 1 || rounds > MAX_ROUNDS
          ? `ROUNDS is ${rounds}; it must be 1 to ${MAX_ROUNDS}.`
          : after > MAX_AFTER
            ? `AFTER is ${count(after)}; it must be 0 to ${count(MAX_AFTER)}.`
            : overlap > 1
              ? `OVERLAP is ${overlap}; it must be 0 or 1.`
              : Math.max(2 * keys, 16) * maxValue > MAX_PRODUCT
                ? `max(2 × KEYS, 16) × MAX_VALUE is ${count(Math.max(2 * keys, 16) * maxValue)}; it may be at most ${count(MAX_PRODUCT)} (a store of 256 MiB on average).`
                : undefined;
  if (problem) return { ok: false, message: problem };
  return { ok: true, scenario: scenarioLine({ keys, maxValue, rounds, after, overlap, seed }) };
}

function describe(s: Scenario): string {
  return `${count(s.keys)} keys, values up to ${count(s.maxValue)} bytes, ${s.rounds === 1 ? "one round" : `${s.rounds} rounds`} of ${count(s.after)} changes${s.overlap ? ", two snapshots at once" : ""}`;
}

function test(name: string, visibility: "public" | "hidden", scenario: Scenario): LinkTestCase {
  return { name, visibility, scenario: scenarioLine(scenario), description: describe(scenario) };
}

const runs = new Map<string, Run>();
function modelled(scenario: string): Run {
  let run = runs.get(scenario);
  if (!run) {
    run = runStore(parse(scenario));
    runs.set(scenario, run);
  }
  return run;
}

/** The report's figures and how a difference in each reads. */
const FIGURES: Array<[keyof Run, string]> = [
  ["snapshots", "snapshots should have been taken"],
  ["pairs", "pairs should have been written, over all the snapshots"],
  ["bytes", "bytes should have been written, over all the snapshots"],
  ["gets", "kv_get calls should have found their key"],
];

export default defineLinkGrader({
  tests: () => [
    test("one snapshot", "public", { keys: 100, maxValue: 64, rounds: 1, after: 50, overlap: 0, seed: 1 }),
    test("two snapshots at once", "public", { keys: 2000, maxValue: 256, rounds: 3, after: 1000, overlap: 1, seed: 7 }),
    test("an empty store", "hidden", { keys: 0, maxValue: 10, rounds: 2, after: 100, overlap: 0, seed: 3 }),
    test("empty values", "hidden", { keys: 5000, maxValue: 0, rounds: 2, after: 2000, overlap: 1, seed: 11 }),
    test("values up to 1 MiB", "hidden", { keys: 64, maxValue: 1_048_576, rounds: 2, after: 100, overlap: 1, seed: 13 }),
    test("thirty rounds", "hidden", { keys: 20_000, maxValue: 128, rounds: 30, after: 3000, overlap: 0, seed: 17 }),
    test("deletes and sets again, two at once", "hidden", { keys: 30_000, maxValue: 512, rounds: 4, after: 30_000, overlap: 1, seed: 19 }),
    test("a 100 MiB store, few changes", "hidden", { keys: 100_000, maxValue: 2048, rounds: 1, after: 2000, overlap: 0, seed: 5 }),
    test("a 100 MiB store, two snapshots at once", "hidden", { keys: 100_000, maxValue: 2048, rounds: 1, after: 2000, overlap: 1, seed: 23 }),
  ],
  customScenario,
  check: (test, report) => {
    const expected = modelled(test.scenario);
    for (const [figure, what] of FIGURES)
      if (report[figure] !== expected[figure])
        return { ok: false, message: `${count(expected[figure])} ${what}; the harness counted ${String(report[figure])}.` };
    return report.checksum === expected.checksum
      ? { ok: true }
      : {
          ok: false,
          message: "The counts are right, but the snapshots did not hold the versions of the keys the store had at each fork (their checksum differs).",
        };
  },
  performance: {
    // 100,000 small keys, a million changes and gets, two snapshots of ~5 MB: the hash table's speed,
    // and the child's writing, against the reference's.
    workloads: () => [test("sets, gets and snapshots", "hidden", { keys: 100_000, maxValue: 32, rounds: 2, after: 500_000, overlap: 0, seed: 1 })],
    tolerance: 4,
  },
});

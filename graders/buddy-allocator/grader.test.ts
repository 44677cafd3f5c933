import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseInput, runScenario, type Scenario } from "@/graders/buddy-allocator/buddy";
import { checkBuddy } from "@/graders/buddy-allocator/checker";
import grader from "@/graders/buddy-allocator/grader";
import { type Quirk, QUIRKS, naiveRun } from "@/graders/buddy-allocator/test/naive-buddy";
import type { IoTestCase } from "@/graders/core/types";

const manifest = parse(readFileSync(path.join(import.meta.dirname, "../../exercises/buddy-allocator/exercise.yaml"), "utf8")) as {
  limits: { outputKiB: number };
};
const hidden = grader.hiddenTests(grader.seed, "c");
const performance = grader.performance!;
const named = (name: string) => {
  const test = hidden.find((t) => t.name === name);
  if (!test) throw new Error(`No hidden test named ${name}.`);
  return test;
};
const scenariosOf = (test: IoTestCase): Scenario[] => parseInput(test.input)!;

describe("buddy-allocator's hidden tests", () => {
  it("are valid inputs within the stated limits, with answers that fit the output limit", () => {
    const everyTest = (["c", "go", "python"] as const).flatMap((language) => [
      ...grader.hiddenTests(grader.seed, language).filter((test) => language === "c" || test.name.startsWith("large")),
      ...performance.workloads(grader.seed, language),
      performance.growth!.small(grader.seed, language),
      performance.growth!.large(grader.seed, language),
    ]);
    for (const test of everyTest) {
      const scenarios = parseInput(test.input);
      expect(scenarios, test.name).not.toBeNull();
      if (test.expected !== undefined) expect(test.expected.length, test.name).toBeLessThanOrEqual(manifest.limits.outputKiB * 1024);
      // Workloads without an expected output are summaries: three lines a scenario, whatever their size.
      else
        expect(
          scenarios!.every((s) => s.report === "summary"),
          test.name,
        ).toBe(true);
    }
  }, 120_000);

  it("growth is the same workload on 4× the memory and 4× the operations", () => {
    for (const language of ["c", "python"] as const) {
      const small = scenariosOf(performance.growth!.small(grader.seed, language));
      const large = scenariosOf(performance.growth!.large(grader.seed, language));
      expect(large.map((s) => s.maxOrder)).toEqual(small.map((s) => s.maxOrder + 2));
      expect(large.map((s) => s.operations.length)).toEqual(small.map((s) => 4 * s.operations.length));
    }
  });

  it("include the edge cases they are named for", () => {
    // The fragmented workloads: order 0's free list holds a quarter of the pages or more halfway through.
    const fragmented = scenariosOf(named("large: fragmented, 2^18 pages"))[0]!;
    const half = {
      ...fragmented,
      report: "full" as const,
      operations: [...fragmented.operations.slice(0, fragmented.operations.length / 2), { kind: "dump" as const }],
    };
    const dumped = runScenario(half).at(-4)!;
    const orderZero = /^D 0:([\d,]+)/.exec(dumped);
    expect(orderZero, dumped.slice(0, 80)).not.toBeNull();
    expect(orderZero![1]!.split(",").length).toBeGreaterThan(2 ** 18 / 4);
    // A memory of 2^24 pages: 2^24 pages fail while one page is taken, and succeed once it is freed.
    const whole = runScenario(scenariosOf(named("a memory of 2^24 pages"))[0]!);
    expect(whole.slice(2, 6)).toEqual(["A2 fail", "F1 0 24", "D 24:0", "A3 0 24"]);
    // Frees that name nothing: every kind, and the statement's bound on k.
    const nothing = runScenario(scenariosOf(named("frees that name nothing"))[0]!);
    expect(nothing.filter((line) => line.endsWith("not allocated"))).toHaveLength(6);
    // Python's large tests are smaller, and the same in kind.
    const python = grader.hiddenTests(grader.seed, "python").map((test) => test.name);
    expect(python).toContain("large: random, 200,000 operations");
    expect(python).toContain("large: fragmented, 2^16 pages");
  });

  it("each catch, in the test named for it, the mistake it is there for", () => {
    const aimedAt: Record<Quirk, string> = {
      "keeps-upper-half": "splits all the way down, merges all the way up",
      "most-recent-first": "the lowest of many free blocks",
      "lowest-of-any-order": "the smallest order first",
      "merges-once": "splits all the way down, merges all the way up",
      "merges-with-part-of-buddy": "merges stopped by an allocated or a split buddy",
    };
    expect(Object.keys(aimedAt).sort()).toEqual([...QUIRKS].sort());
    for (const quirk of QUIRKS) {
      const scenarios = scenariosOf(named(aimedAt[quirk]));
      const caught = scenarios.some((s) => naiveRun(s, quirk).join("\n") !== runScenario(s).join("\n"));
      expect(caught, `${quirk} in "${aimedAt[quirk]}"`).toBe(true);
    }
  });

  it("explain a wrong line in the allocator's terms", () => {
    const test = named("the smallest order first");
    const s = scenariosOf(test)[0]!;
    // The lowest block of any order in place of the smallest order's: the naive allocator with that mistake.
    const wrong = [naiveRun(s, "lowest-of-any-order"), runScenario(scenariosOf(test)[1]!)].flat().join("\n");
    const outcome = checkBuddy(test, wrong);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok || outcome.message).toContain("in scenario 1 (M = 5, 8 operations)");
    expect(outcome.ok || outcome.message).toContain("the smallest order from 1 up with a free block is 1");
    const merge = checkBuddy(named("merges stopped by an allocated or a split buddy"), "A1 0 0\nA2 1 0\nA3 2 1\nF1 0 1\n");
    expect(merge.ok || merge.message).toContain("its buddy at 1 (order 0) is not a free block (allocated, or split), so merging stops");
    const invalid = checkBuddy(test, "invalid allocator: the free blocks add up to 3 pages, but 4 pages are not allocated\n");
    expect(invalid.ok || invalid.message).toContain("the driver stopped at operation 1 (alloc 16): invalid allocator");
  });
});

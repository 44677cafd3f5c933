import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { IoTestCase } from "@/graders/core/types";
import { checkDisk } from "@/graders/disk-scheduling/checker";
import grader from "@/graders/disk-scheduling/grader";
import { follow, formatResult, LIMITS, parseInput, run, type Scenario } from "@/graders/disk-scheduling/schedule";
import { type Quirk, QUIRKS, sweepStops } from "@/graders/disk-scheduling/test/sweep-scheduler";

const manifest = parse(readFileSync(path.join(import.meta.dirname, "../../exercises/disk-scheduling/exercise.yaml"), "utf8")) as {
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

describe("disk-scheduling's hidden tests", () => {
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
      if (scenarios!.every((s) => s.report === "summary"))
        expect(test.expected === undefined || test.expected.split("\n").length === 2 * scenarios!.length + 1, test.name).toBe(true);
    }
  }, 120_000);

  it("growth is the same workload at n and 4n requests", () => {
    for (const language of ["c", "python"] as const) {
      const small = scenariosOf(performance.growth!.small(grader.seed, language));
      const large = scenariosOf(performance.growth!.large(grader.seed, language));
      expect(large.map((s) => s.requests.length)).toEqual(small.map((s) => 4 * s.requests.length));
      expect(new Set(large.map((s) => s.algorithm))).toEqual(new Set(["SSTF"]));
    }
  });

  it("include the edge cases they are named for", () => {
    // Beyond 32 bits: FCFS travels past 2^32, and the waits sum past 2^32 in every scenario.
    for (const s of scenariosOf(named("movement beyond 32 bits"))) {
      const { total, waits } = run(s);
      if (s.algorithm === "FCFS") expect(total).toBeGreaterThan(2 ** 32);
      expect(waits.reduce((sum, w) => sum + w, 0)).toBeGreaterThan(2 ** 32);
    }
    // Nothing ahead: every request is behind the head; nothing behind: every request ahead.
    for (const s of scenariosOf(named("nothing ahead of the head")))
      expect(s.requests.every((c) => (s.direction === "up" ? c < s.head : c > s.head))).toBe(true);
    for (const s of scenariosOf(named("nothing behind the head")))
      expect(s.requests.every((c) => (s.direction === "up" ? c >= s.head : c <= s.head))).toBe(true);
    // The head on an edge, facing it and facing away.
    const edges = scenariosOf(named("the head on an edge"));
    expect(edges.some((s) => s.head === 0 && s.direction === "down")).toBe(true);
    expect(edges.some((s) => s.head === s.cylinders - 1 && s.direction === "up")).toBe(true);
    // SSTF's ties: where going down on a tie (as a "lower cylinder first" rule does) changes the
    // path, the path is wrong; five of the twelve scenarios are such.
    const ties = scenariosOf(named("SSTF ties")).filter((s) => s.algorithm === "SSTF");
    const tieCount = ties.filter((s) => follow(s, sweepStops(s, "sstf-ties-lower")).lines.join() !== run(s).lines.join()).length;
    expect(tieCount).toBeGreaterThanOrEqual(5);
    // Sharing cylinders going down: every scenario has a cylinder with several requests below the head.
    for (const s of scenariosOf(named("sharing cylinders going down"))) {
      const below = s.requests.filter((c) => c < s.head);
      expect(new Set(below).size, s.algorithm).toBeLessThan(below.length);
    }
    // The large tests: a million requests in C (300,000 in Python), and a hot one with many per cylinder.
    expect(scenariosOf(named("large: SSTF, 1,000,000 requests"))[0]!.requests).toHaveLength(LIMITS.requests);
    const hot = scenariosOf(named("large: SSTF on hot cylinders, 1,000,000 requests"))[0]!;
    expect(new Set(hot.requests).size).toBeLessThanOrEqual(2_000);
    expect(scenariosOf(grader.hiddenTests(grader.seed, "python").find((test) => test.name === "large: SCAN, 300,000 requests")!)[0]!.requests).toHaveLength(
      300_000,
    );
  });

  it("each catch, in the test named for it, the mistake it is there for", () => {
    // The cylinder-by-cylinder simulator with one mistake (what a known-bad solution does) must
    // differ from the oracle on some scenario of the test aimed at that mistake.
    const aimedAt: Record<Quirk, string> = {
      "sstf-ties-lower": "SSTF ties",
      "sstf-ties-first-direction": "SSTF ties",
      "scan-turns-at-last-request": "nothing ahead of the head",
      "scan-edge-always": "nothing behind the head",
      "cscan-skips-near-edge": "nothing ahead of the head",
      "down-ties-reversed": "sharing cylinders going down",
    };
    expect(Object.keys(aimedAt).sort()).toEqual([...QUIRKS].sort());
    for (const quirk of QUIRKS) {
      const scenarios = scenariosOf(named(aimedAt[quirk]));
      const caught = scenarios.some((s) => formatResult(s, follow(s, sweepStops(s, quirk))).join("\n") !== formatResult(s, run(s)).join("\n"));
      expect(caught, `${quirk} in "${aimedAt[quirk]}"`).toBe(true);
    }
  });

  it("explain a wrong line in the head's terms", () => {
    const test = named("nothing ahead of the head");
    const scenarios = scenariosOf(test);
    // SCAN going up from 150 with everything below: to 199 first. A LOOK in its place turns at once.
    const scan = scenarios.findIndex((s) => s.algorithm === "SCAN");
    const s = scenarios[scan]!;
    const lookAsScan = { ...s, algorithm: "LOOK" as const };
    const start = scenarios.slice(0, scan).reduce((sum, x) => sum + formatResult(x, run(x)).length, 0);
    const lines = test.expected!.split("\n");
    const wrong = [...lines.slice(0, start), ...formatResult(lookAsScan, run(lookAsScan)), ...lines.slice(start + formatResult(s, run(s)).length)].join("\n");
    const outcome = checkDisk(test, wrong);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok || outcome.message).toContain(`scenario ${scan + 1} (SCAN, 200 cylinders, the head on 150 going up, 4 requests)`);
    expect(outcome.ok || outcome.message).toContain("the head turns at 199");
    expect(outcome.ok || outcome.message).toContain("because requests remain behind the head");
    const invalid = checkDisk(test, "invalid schedule: R2 is served twice\n");
    expect(invalid.ok || invalid.message).toContain("the driver stopped: invalid schedule: R2 is served twice");
    // C-SCAN's return is named as such.
    const cscan = scenarios.findIndex((x) => x.algorithm === "C-SCAN");
    const cscanStart = scenarios.slice(0, cscan).reduce((sum, x) => sum + formatResult(x, run(x)).length, 0);
    const skipped = [...lines];
    skipped.splice(cscanStart + 1, 1);
    const returned = checkDisk(test, skipped.join("\n"));
    expect(returned.ok || returned.message).toContain("C-SCAN returns from the edge to the other edge");
  });
});

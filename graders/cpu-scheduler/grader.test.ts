import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { IoTestCase } from "@/graders/core/types";
import { checkScheduler } from "@/graders/cpu-scheduler/checker";
import grader from "@/graders/cpu-scheduler/grader";
import { expectedOutput, formatInput, formatSchedule, LIMITS, parseInput, quantaOf, type Scenario, schedule } from "@/graders/cpu-scheduler/schedule";
import { type Quirk, QUIRKS, tickSchedule } from "@/graders/cpu-scheduler/test/tick-scheduler";

const manifest = parse(readFileSync(path.join(import.meta.dirname, "../../exercises/cpu-scheduler/exercise.yaml"), "utf8")) as {
  limits: { outputKiB: number };
};
const hidden = grader.hiddenTests(grader.seed, "c");
const performance = grader.performance!;
const named = (name: string) => hidden.find((test) => test.name === name)!;
const scenariosOf = (test: IoTestCase): Scenario[] => parseInput(test.input)!;

describe("cpu-scheduler's hidden tests", () => {
  it("are valid inputs within the stated limits, with answers that fit the output limit", () => {
    // Hidden tests are the same in every language but the large ones (sized per language), as are the performance workloads.
    const everyTest = (["c", "go", "python"] as const).flatMap((language) => [
      ...grader.hiddenTests(grader.seed, language).filter((test) => language === "c" || test.name.startsWith("large")),
      ...performance.workloads(grader.seed, language),
      performance.growth!.small(grader.seed, language),
      performance.growth!.large(grader.seed, language),
    ]);
    for (const test of everyTest) {
      const scenarios = parseInput(test.input);
      expect(scenarios, test.name).not.toBeNull();
      // A summary is two short lines per scenario; a full report is measured.
      if (scenarios!.some((s) => s.report === "full")) expect(test.expected!.length, test.name).toBeLessThanOrEqual(manifest.limits.outputKiB * 1024);
      else expect(test.expected === undefined || test.expected.split("\n").length === 2 * scenarios!.length + 1, test.name).toBe(true);
    }
  }, 60_000);

  it("growth is the same workload at n and 4n processes", () => {
    for (const language of ["c", "python"] as const) {
      const small = scenariosOf(performance.growth!.small(grader.seed, language));
      const large = scenariosOf(performance.growth!.large(grader.seed, language));
      expect(large.map((s) => s.processes.length)).toEqual(small.map((s) => 4 * s.processes.length));
      expect(large.map((s) => s.algorithm)).toEqual(small.map((s) => s.algorithm));
    }
  });

  it("include the edge cases they are named for", () => {
    // Beyond 32 bits: finishes past 2^31, and totals past 2^32.
    for (const s of scenariosOf(named("times beyond 32 bits"))) {
      const { timeline, figures } = schedule(s);
      expect(timeline.at(-1)!.end).toBeGreaterThan(2 ** 31);
      expect(figures.reduce((sum, f) => sum + f.turnaround, 0)).toBeGreaterThan(2 ** 32);
    }
    // Starvation: with aging the low-priority process first runs after about 990 × aging and finishes
    // (its aging starts again when it is preempted) long before the last newcomer; without aging it would run last.
    for (const s of scenariosOf(named("PRIORITY starvation"))) {
      const { timeline, figures } = schedule(s);
      expect(figures[0]!.response).toBeLessThan(1_000 * s.parameter);
      expect(figures[0]!.turnaround).toBeLessThan(timeline.at(-1)!.end - 1_000);
    }
    // Idle stretches at time 0 and between arrivals.
    const idle = scenariosOf(named("idle gaps")).map((s) => schedule(s).timeline.filter((stretch) => stretch.pid === 0));
    expect(idle.some((stretches) => stretches.some((stretch) => stretch.start === 0))).toBe(true);
    expect(idle.filter((stretches) => stretches.some((stretch) => stretch.start > 0)).length).toBeGreaterThanOrEqual(5);
    // Out of order: no scenario lists its arrivals sorted.
    for (const s of scenariosOf(named("arrivals out of input order"))) {
      expect(s.processes.some((p, i) => i > 0 && p.arrival < s.processes[i - 1]!.arrival)).toBe(true);
    }
    // A loaded system: when the last process arrives, half of them or more are waiting.
    const large = scenariosOf(named("large: SRTF, 100,000 processes"))[0]!;
    const { figures } = schedule(large);
    const finishes = figures.map((f, i) => f.turnaround + large.processes[i]!.arrival).sort((a, b) => a - b);
    const arrivals = large.processes.map((p) => p.arrival).sort((a, b) => a - b);
    const half = arrivals[arrivals.length - 1]!;
    const arrived = arrivals.filter((a) => a <= half).length;
    const finished = finishes.filter((f) => f <= half).length;
    expect(arrived - finished).toBeGreaterThan(large.processes.length / 2);
    expect(large.processes.length).toBe(LIMITS.processes);
    expect(scenariosOf(grader.hiddenTests(grader.seed, "python").find((test) => test.name === "large: SRTF, 40,000 processes")!)[0]!.processes).toHaveLength(
      40_000,
    );
    // Everyone queued at once: 100,000 waiting, 600,000 dispatches.
    const queued = scenariosOf(named("large: RR, everyone queued at once"))[0]!;
    expect(queued.processes.every((p) => p.arrival === 0)).toBe(true);
    expect(quantaOf(queued.processes, queued.parameter)).toBe(6 * LIMITS.processes);
  });

  it("each catch, in the test named for it, the mistake it is there for", () => {
    // The tick-by-tick simulator with one mistake (what a known-bad solution does) must differ from
    // the oracle on some scenario of the test aimed at that mistake, whichever test catches it first.
    const aimedAt: Record<Quirk, string> = {
      "requeue-before-arrivals": "RR arrivals as a quantum runs out",
      "preempt-on-tie": "SRTF on equal remaining time",
      "no-aging": "PRIORITY starvation",
      "aging-rounded-down": "PRIORITY exact aging",
      "aging-while-running": "PRIORITY exact aging",
      "sjf-ties-by-number": "SJF ties and no preemption",
      "ready-ties-by-number": "SRTF preemptions",
    };
    expect(Object.keys(aimedAt).sort()).toEqual([...QUIRKS].sort());
    for (const quirk of QUIRKS) {
      const scenarios = scenariosOf(named(aimedAt[quirk]));
      const caught = scenarios.some((s) => formatSchedule(s, tickSchedule(s, quirk)).join("\n") !== formatSchedule(s, schedule(s)).join("\n"));
      expect(caught, `${quirk} in "${aimedAt[quirk]}"`).toBe(true);
    }
  });

  it("explain a wrong line in scheduling terms", () => {
    const test = named("RR arrivals as a quantum runs out");
    const scenarios = scenariosOf(test);
    // The preempted process queued before the arrival of the same moment: P1 again at 2 in the first scenario.
    const wrong = test.expected!.replace("2 4 P2\n4 6 P1\n", "2 4 P1\n4 6 P2\n");
    const outcome = checkScheduler(test, wrong);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok || outcome.message).toContain("scenario 1 (RR 2, 2 processes)");
    expect(outcome.ok || outcome.message).toContain("from 2 P2 runs until 4");
    expect(outcome.ok || outcome.message).toContain("arrivals join the tail before a process whose quantum");
    expect(scenarios.length).toBeGreaterThan(1);
    const invalid = checkScheduler(test, "invalid schedule: P2 runs from 1, before it arrives at 2\n");
    expect(invalid.ok || invalid.message).toContain("the driver stopped: invalid schedule: P2 runs from 1, before it arrives at 2");
    const averages = checkScheduler(
      { ...test, input: formatInput([scenarios[0]!]), expected: expectedOutput([scenarios[0]!]) },
      expectedOutput([scenarios[0]!]).replace(/AVG .*/, "AVG 1.00 4.00 0.00"),
    );
    expect(averages.ok).toBe(true);
  });
});

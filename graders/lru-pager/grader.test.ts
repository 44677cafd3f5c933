import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import type { IoTestCase } from "@/graders/core/types";
import grader from "@/graders/lru-pager/grader";
import { MAX_ACCESSES, MAX_FRAMES, parseInput, type Workload } from "@/graders/lru-pager/lru";
import { BUGS, simulate } from "@/graders/lru-pager/test/buggy-pagers";

const manifest = parse(readFileSync(path.join(import.meta.dirname, "../../exercises/lru-pager/exercise.yaml"), "utf8")) as { limits: { outputKiB: number } };
const hidden = grader.hiddenTests(grader.seed, "c");
const performance = grader.performance!;
const workloadOf = (test: IoTestCase): Workload => parseInput(test.input)!;
const lines = (test: IoTestCase) => test.expected!.trimEnd().split("\n");
const isLarge = (test: IoTestCase) => test.name.startsWith("large");

describe("lru-pager's hidden tests", () => {
  it("are valid inputs within the stated limits, with answers (right or wrong) that fit the output limit", () => {
    const everyTest = (["c", "go", "python"] as const).flatMap((language) => [
      ...grader.hiddenTests(grader.seed, language),
      ...performance.workloads(grader.seed, language),
      performance.growth!.small(grader.seed, language),
      performance.growth!.large(grader.seed, language),
    ]);
    for (const test of everyTest) {
      const workload = workloadOf(test);
      expect(workload, test.name).not.toBeNull();
      expect(workload.frames).toBeLessThanOrEqual(MAX_FRAMES);
      expect(workload.pages.length).toBeLessThanOrEqual(MAX_ACCESSES);
      // The longest line a program can print per access is "F 999999 W".
      expect(workload.pages.length * "F 999999 W\n".length + 100, test.name).toBeLessThanOrEqual(manifest.limits.outputKiB * 1024);
      expect(test.expected, test.name).toBeDefined();
    }
  }, 60_000);

  it("include the edge cases they are named for", () => {
    const named = (name: string) => hidden.find((test) => test.name === name)!;
    for (const name of ["as many frames as pages", "more frames than pages", "one page over and over"]) {
      expect(
        lines(named(name)).some((line) => line.startsWith("F ")),
        name,
      ).toBe(false);
    }
    expect(lines(named("loop over one page more than fits")).some((line) => line === "H")).toBe(false);
    expect(workloadOf(named("one frame")).frames).toBe(1);
    expect(workloadOf(named("cold start")).pages[0]).toBe(0);
    expect(lines(named("page numbers up to 999,999"))).toContain("F 999999 W");
    expect(workloadOf(named("no accesses")).pages).toEqual([]);
    expect(named("no accesses").expected).toBe("TOTAL accesses=0 hits=0 faults=0 writebacks=0\n");
    // Page 1 is loaded by a write, never written again, and evicted dirty at access 4.
    expect(lines(named("writes that load a page"))[3]).toBe("F 1 W");
    expect(simulate(workloadOf(named("writes that load a page")), "loading-write-clean")).not.toBe(named("writes that load a page").expected);
  });

  it("make the large streams evict often, so that a scan per eviction cannot finish", () => {
    for (const test of [...hidden.filter(isLarge), performance.growth!.small(grader.seed, "c"), performance.growth!.large(grader.seed, "c")]) {
      const answer = lines(test);
      const evictions = answer.filter((line) => line.startsWith("F ")).length;
      const hits = answer.filter((line) => line === "H").length;
      expect(evictions / answer.length, test.name).toBeGreaterThan(0.1);
      expect(hits / answer.length, test.name).toBeGreaterThan(0.4);
    }
  });

  it.each(BUGS)("catch a pager with the mistake %s before the large tests, and explain it", (bug) => {
    const caught = hidden.filter((test) => !isLarge(test)).find((test) => simulate(workloadOf(test), bug) !== test.expected);
    expect(caught, bug).toBeDefined();
    const outcome = grader.check(caught!, simulate(workloadOf(caught!), bug));
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/^On a hidden test \(.+\): at access [\d,]+ /) });
  });

  it("give each language its own tests when they were built in another thread (the worker's warm-up sends structured clones)", async () => {
    vi.resetModules();
    const memo = await import("@/graders/core/memo");
    const made: Parameters<typeof memo.prime>[0][] = [];
    memo.onGenerated((piece) => made.push(piece));
    const warm = (await import("@/graders/lru-pager/grader")).default;
    const built = warm.hiddenTests(warm.seed, "python");
    vi.resetModules();
    const fresh = await import("@/graders/core/memo");
    for (const piece of made) fresh.prime(structuredClone(piece));
    const primed = (await import("@/graders/lru-pager/grader")).default;
    expect(primed.hiddenTests(primed.seed, "python").map((test) => test.input)).toEqual(built.map((test) => test.input));
  });

  it("grow by 4× in frames and accesses for the growth check", () => {
    const small = workloadOf(performance.growth!.small(grader.seed, "c"));
    const large = workloadOf(performance.growth!.large(grader.seed, "c"));
    expect(large.frames).toBe(4 * small.frames);
    expect(large.pages.length).toBe(4 * small.pages.length);
    expect(large.frames).toBe(MAX_FRAMES);
  });
});

import { describe, expect, it } from "vitest";
import { exactLines } from "@/graders/core/checkers";
import { decided, ioWorkloads, measurePerformance, remembered } from "@/graders/core/performance";
import { publicResult, roughly } from "@/graders/core/results";
import type { ExecutableProgram } from "@/contracts/programs";
import type { IoTestCase } from "@/graders/core/types";

/** A program whose CPU times come from `cpu` in turn, counting its runs. */
function timed(cpu: number[]): ExecutableProgram & { runs: number } {
  const fake = {
    runs: 0,
    run: async ({ stdin }: { stdin: string }) => {
      const cpuMs = cpu[fake.runs % cpu.length]!;
      fake.runs++;
      return { outcome: "ok" as const, exitCode: 0, signal: null, stdout: stdin, stderr: "", cpuMs, wallMs: cpuMs, memoryKiB: 1024 };
    },
  };
  return fake;
}

const workload: IoTestCase = { name: "big", description: "a million operations", visibility: "hidden", input: "x\n", expected: "x\n" };
const plan = { workloads: [workload], tolerance: 3, repeats: 5 };

describe("measurePerformance", () => {
  it("decides with one interleaved pair when the ratio is far inside or far outside the limit", async () => {
    for (const [mine, verdict] of [
      [150, "AC"],
      [900, "TLE"],
    ] as const) {
      const reference = timed([150]);
      const program = timed([mine]);
      const result = await measurePerformance({ plan, runner: ioWorkloads(exactLines), program, reference });
      expect(result.verdict).toBe(verdict);
      expect([program.runs, reference.runs]).toEqual([1, 1]);
    }
  });

  it("takes more pairs near the limit, and the medians decide", async () => {
    // One slow outlier (a run that shared its CPU) does not fail a program that is 2.8× the reference.
    const reference = timed([100]);
    const program = timed([400, 280, 275, 290, 285]);
    const pairs: string[] = [];
    const result = await measurePerformance({
      plan,
      runner: ioWorkloads(exactLines),
      program,
      reference,
      onPair: (done, planned) => void pairs.push(`${done}/${planned}`),
    });
    expect(program.runs).toBe(5);
    expect(pairs).toEqual(["1/5", "2/5", "3/5", "4/5", "5/5"]);
    expect(result).toMatchObject({ verdict: "AC", ratio: 2.85 });
  });

  it("measures a workload that serves both the ratio and the growth check once", async () => {
    const small: IoTestCase = { ...workload, name: "n", description: "n accesses" };
    const large: IoTestCase = { ...workload, name: "4n", description: "4n accesses" };
    const reference = timed([100]);
    const program = timed([120]);
    const result = await measurePerformance({
      plan: { workloads: [large], tolerance: 3, repeats: 5, growth: { small, large, maxRatio: 7 } },
      runner: ioWorkloads(exactLines),
      program,
      reference,
    });
    expect(result.verdict).toBe("AC");
    // One run of 4n (shared) and one of n, for each program.
    expect([program.runs, reference.runs]).toEqual([2, 2]);
  });

  it("stops when one check is decided against the program, though the other is still open", async () => {
    const small: IoTestCase = { ...workload, name: "n", input: "n\n", expected: "n\n" };
    const large: IoTestCase = { ...workload, name: "4n", input: "4n\n", expected: "4n\n" };
    let runs = 0;
    const costing = (costs: Record<string, number>): ExecutableProgram => ({
      run: async ({ stdin }) => {
        runs++;
        return { outcome: "ok", exitCode: 0, signal: null, stdout: stdin, stderr: "", cpuMs: costs[stdin.trim()]!, wallMs: 1, memoryKiB: 1 };
      },
    });
    const other: IoTestCase = { ...workload, name: "other", input: "other\n", expected: "other\n" };
    // Speed: 3.5× against a limit of 3 (open); growth: 16× against 7 (decided): too slow after one pair each.
    const result = await measurePerformance({
      plan: { workloads: [other], tolerance: 3, repeats: 5, growth: { small, large, maxRatio: 7 } },
      runner: ioWorkloads(exactLines),
      program: costing({ other: 350, n: 10, "4n": 160 }),
      reference: costing({ other: 100, n: 10, "4n": 40 }),
    });
    expect(result).toMatchObject({ verdict: "TLE", ratio: 3.5, growth: { ratio: 16, passed: false } });
    expect(runs).toBe(6);
    // Speed decided at 6× while growth (7.5× against 7) is open: too slow after one pair each.
    runs = 0;
    const slow = await measurePerformance({
      plan: { workloads: [other], tolerance: 3, repeats: 5, growth: { small, large, maxRatio: 7 } },
      runner: ioWorkloads(exactLines),
      program: costing({ other: 600, n: 10, "4n": 75 }),
      reference: costing({ other: 100, n: 10, "4n": 40 }),
    });
    expect(slow).toMatchObject({ verdict: "TLE", ratio: 6 });
    expect(runs).toBe(6);
  });

  it("records which limit was kept and which broken, in order", async () => {
    const small: IoTestCase = { ...workload, name: "n", input: "n\n", expected: "n\n" };
    const large: IoTestCase = { ...workload, name: "4n", input: "4n\n", expected: "4n\n" };
    /** Echoes its input, costing what `costs` says for it. */
    const costing = (costs: Record<string, number>): ExecutableProgram => ({
      run: async ({ stdin }) => ({ outcome: "ok", exitCode: 0, signal: null, stdout: stdin, stderr: "", cpuMs: costs[stdin.trim()]!, wallMs: 1, memoryKiB: 1 }),
    });
    // Fast on 4n (1.2× the reference) but 4n costs 6× n where the reference's costs the same: growth decides.
    const grows = await measurePerformance({
      plan: { workloads: [large], tolerance: 3, repeats: 1, growth: { small, large, maxRatio: 2 } },
      runner: ioWorkloads(exactLines),
      program: costing({ n: 20, "4n": 120 }),
      reference: costing({ n: 100, "4n": 100 }),
    });
    expect(grows).toMatchObject({
      passed: false,
      verdict: "TLE",
      limits: [
        { limit: "cpu", kept: true },
        { limit: "growth", kept: false },
      ],
    });
    const slow = await measurePerformance({ plan, runner: ioWorkloads(exactLines), program: timed([900]), reference: timed([100]) });
    expect(slow.limits).toEqual([{ limit: "cpu", kept: false }]);
    const crashed = await measurePerformance({
      plan,
      runner: ioWorkloads(exactLines),
      program: { run: async () => ({ outcome: "RE", exitCode: 1, signal: null, stdout: "", stderr: "", cpuMs: 1, wallMs: 1, memoryKiB: 1 }) },
      reference: timed([100]),
    });
    expect(crashed.verdict).toBe("RE");
    expect(crashed).not.toHaveProperty("limits");
  });

  it("allows growth up to the exercise's limit, or 1.5× the reference's own growth in the same job where that is more", async () => {
    const small: IoTestCase = { ...workload, name: "n", input: "n\n", expected: "n\n" };
    const large: IoTestCase = { ...workload, name: "4n", input: "4n\n", expected: "4n\n" };
    const costing = (costs: Record<string, number>): ExecutableProgram => ({
      run: async ({ stdin }) => ({ outcome: "ok", exitCode: 0, signal: null, stdout: stdin, stderr: "", cpuMs: costs[stdin.trim()]!, wallMs: 1, memoryKiB: 1 }),
    });
    const growth = { small, large, maxRatio: 7 };
    const judged = (program: Record<string, number>, reference: Record<string, number>) =>
      measurePerformance({
        plan: { workloads: [large], tolerance: 3, repeats: 1, growth },
        runner: ioWorkloads(exactLines),
        program: costing(program),
        reference: costing(reference),
      });
    // The machine makes the reference itself grow 6× (caches): 8.5× is allowed (up to 9×), 16× is not.
    const cached = await judged({ n: 100, "4n": 850 }, { n: 100, "4n": 600 });
    expect(cached.growth).toMatchObject({ ratio: 8.5, referenceRatio: 6, maxRatio: 9, passed: true });
    const quadratic = await judged({ n: 100, "4n": 1600 }, { n: 100, "4n": 600 });
    expect(quadratic.growth).toMatchObject({ ratio: 16, maxRatio: 9, passed: false });
    // A reference that grows 4×: the exercise's limit of 7× stands.
    const linear = await judged({ n: 100, "4n": 800 }, { n: 250, "4n": 1000 });
    expect(linear.growth).toMatchObject({ ratio: 8, referenceRatio: 4, maxRatio: 7, passed: false });
  });

  it("says a program that ran out of time on a workload is too slow, as a ratio over the limit would", async () => {
    const result = await measurePerformance({
      plan,
      runner: ioWorkloads(exactLines),
      program: { run: async () => ({ outcome: "TLE", exitCode: null, signal: "SIGKILL", stdout: "", stderr: "", cpuMs: 6000, wallMs: 6000, memoryKiB: 1 }) },
      reference: timed([100]),
    });
    expect(result).toMatchObject({ verdict: "TLE", message: "Too slow. On the large performance test (a million operations) your program ran out of time." });
  });

  it("names the workload and the figures, and guesses no cause", async () => {
    const result = await measurePerformance({ plan, runner: ioWorkloads(exactLines), program: timed([500]), reference: timed([100]) });
    expect(result.message).toBe(
      "Too slow. On a million operations: your CPU time 500 ms, the reference's 100 ms in the same job, 5× the reference's (allowed up to 3×).",
    );
  });

  it("treats a ratio within a factor of 1.5 of its limit as open", () => {
    expect([decided(1.9, 3), decided(2.1, 3), decided(4.4, 3), decided(4.6, 3)]).toEqual([true, false, false, true]);
  });
});

describe("remembered checkers", () => {
  it("judge the same output of the same test once, and anything else afresh", () => {
    let calls = 0;
    const check = remembered((test, output) => (calls++, output === test.expected ? { ok: true } : { ok: false, message: "differs" }));
    const test: IoTestCase = { name: "t", visibility: "hidden", input: "1", expected: "2" };
    expect([check(test, "2"), check(test, "2"), check(test, "3"), check({ ...test }, "2")]).toEqual([
      { ok: true },
      { ok: true },
      { ok: false, message: "differs" },
      { ok: true },
    ]);
    expect(calls).toBe(3);
  });
});

describe("what a user sees of a grading", () => {
  it("rounds figures to two significant digits", () => {
    expect([roughly(1234.5), roughly(12.345), roughly(0.9549), roughly(99.6), roughly(0)]).toEqual([1200, 12, 0.95, 100, 0]);
  });

  it("shows no per-test figure of a hidden test, and rounds the totals and the performance figures", () => {
    const shown = publicResult({
      version: 3,
      status: "pass",
      verdict: "AC",
      score: 1,
      tests: [
        { name: "example", visibility: "public", status: "pass", verdict: "AC", metrics: { cpuMs: 1.234, wallMs: 5.678, memoryKiB: 1234 } },
        { name: "hidden", visibility: "hidden", status: "pass", verdict: "AC", metrics: { cpuMs: 421.337, wallMs: 433.1, memoryKiB: 54321 } },
      ],
      performance: { passed: true, verdict: "AC", cpuMs: 321.123, referenceCpuMs: 300.456, ratio: 1.06878, tolerance: 3, message: "" },
      metrics: { maxCpuMs: 421.337, peakMemoryKiB: 54321 },
    });
    expect(shown.tests[0]?.metrics).toEqual({ cpuMs: 1.234, wallMs: 5.678, memoryKiB: 1234 });
    expect(shown.tests[1]).not.toHaveProperty("metrics");
    expect(shown.metrics).toEqual({ maxCpuMs: 420, peakMemoryKiB: 54000 });
    expect(shown.performance).toMatchObject({ cpuMs: 320, referenceCpuMs: 300, ratio: 1.1 });
  });
});

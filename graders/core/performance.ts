// Performance is judged only against the exercise's reference, run in the same job on the same
// machine, interleaved with the submission so both see the same load: CPU time as a ratio, and
// complexity by growth (cost at n against cost at 4n).
import type { PerformanceResult } from "@/contracts/grading-result";
import type { Language } from "@/contracts/languages";
import type { ExecutableProgram, ProgramRun } from "@/contracts/programs";
import type { Verdict } from "@/contracts/verdicts";
import { roughly } from "@/graders/core/results";
import { createHash } from "node:crypto";
import { type Checker, type CheckOutcome, DEFAULT_REPEATS, type IoTestCase, type PerformanceSpec } from "@/graders/core/types";

/** Below this, CPU readings are mostly noise; ratios use it as the floor. */
export const CPU_FLOOR_MS = 2;

export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A figure measured on a hidden input, as users read it: two significant digits (see `roughly`). */
export const formatFigure = (value: number) => roughly(value).toLocaleString("en-US", { maximumFractionDigits: 3 });
export const formatMs = (ms: number) => `${formatFigure(ms)} ms`;
export const formatRatio = (ratio: number) => `${formatFigure(ratio)}×`;

class WorkloadFailure extends Error {
  constructor(
    readonly verdict: Verdict,
    message: string,
  ) {
    super(message);
  }
}

/** A workload of any kind: what the performance check needs to name it. */
export interface Workload {
  name: string;
  description?: string;
}

export interface WorkloadRunner<W extends Workload> {
  run: (program: ExecutableProgram, workload: W) => Promise<ProgramRun>;
  /** Judges the submission's first run on a workload (the reference's run alongside): ok, or why not. */
  verify: (workload: W, run: ProgramRun, referenceRun: ProgramRun) => { ok: true } | { ok: false; verdict: Verdict; message: string };
}

export interface PerformancePlan<W extends Workload> {
  workloads: W[];
  tolerance: number;
  repeats: number;
  growth?: { small: W; large: W; maxRatio: number };
}

/**
 * A ratio this far inside or outside its limit (a factor of 1.5 either way) is decided by one
 * interleaved pair of runs; nearer the limit, pairs are added up to the plan's `repeats` and the
 * medians decide. Workloads are sized so the reference spends at least ~150 ms of CPU on them, where
 * one run's noise is a few percent: far from the limit, more pairs would decide nothing.
 */
export const DECISIVE_FACTOR = 1.5;

/** How a performance check that failed for time begins, whether a ratio or the time limit decided it. */
const TOO_SLOW = "Too slow. ";

/**
 * The machine's own cost of size (caches, memory) shows in the reference's growth in the same job:
 * a workload four times larger can cost the reference 6× on this machine, where its algorithm alone
 * says 4.5×. The growth allowed is the exercise's `maxRatio`, or this many times the reference's own
 * growth where that is more. A quadratic program still grows ~16× against the reference's 4–6×.
 */
export const REFERENCE_GROWTH_ALLOWANCE = 1.5;

/** Whether `ratio` is far enough from `limit` that more samples would not change the verdict. */
export function decided(ratio: number, limit: number): boolean {
  return ratio <= limit / DECISIVE_FACTOR || ratio >= limit * DECISIVE_FACTOR;
}

/** The CPU times of a workload's interleaved runs so far. */
class Samples<W extends Workload> {
  readonly program: number[] = [];
  readonly reference: number[] = [];
  onPair?: () => void | Promise<void>;

  constructor(
    readonly workload: W,
    private readonly runner: WorkloadRunner<W>,
  ) {}

  /** One more interleaved pair: the reference, then the submission (its first run judged for correctness). */
  async add(program: ExecutableProgram, reference: ExecutableProgram): Promise<void> {
    const referenceRun = await this.runner.run(reference, this.workload);
    if (referenceRun.outcome !== "ok") {
      throw new Error(`The reference failed on performance workload ${this.workload.name} (${referenceRun.outcome}).`);
    }
    const programRun = await this.runner.run(program, this.workload);
    if (this.program.length === 0) {
      const verified = this.runner.verify(this.workload, programRun, referenceRun);
      if (!verified.ok) throw new WorkloadFailure(verified.verdict, verified.message);
    }
    this.program.push(programRun.cpuMs);
    this.reference.push(referenceRun.cpuMs);
    await this.onPair?.();
  }

  get pairs(): number {
    return this.program.length;
  }
}

/** Total median CPU of both programs over `samples`, and the ratio (floored: tiny figures are noise). */
function totals<W extends Workload>(samples: Samples<W>[]): { program: number; reference: number; ratio: number } {
  const program = samples.reduce((sum, sample) => sum + median(sample.program), 0);
  const reference = samples.reduce((sum, sample) => sum + median(sample.reference), 0);
  return { program, reference, ratio: Math.max(program, CPU_FLOOR_MS) / Math.max(reference, CPU_FLOOR_MS) };
}

const describeWorkloads = (workloads: Workload[]) => workloads.map((workload) => workload.description ?? workload.name).join("; ");

/** Checkers' verdicts by test (the generators' own objects) and output: see `remembered`. */
const verdicts = new WeakMap<object, Map<string, CheckOutcome>>();
const VERDICTS_PER_TEST = 64;

/**
 * `check` that remembers its verdicts: a checker is a pure function of the test and the output, and
 * an oracle's replay can cost the grader hundreds of milliseconds (Banker's), while correct solutions
 * print the same answers again and again. Kept per test object, by a hash of the output (and the
 * expected output where it is the reference's, which varies); forgotten with the test.
 */
export function remembered(check: Checker, key: (test: IoTestCase) => object = (test) => test): Checker {
  return (test, output) => {
    const hash = createHash("sha1")
      .update(output)
      .update("\0")
      .update(test.expected ?? "")
      .digest("base64");
    const owner = key(test);
    let known = verdicts.get(owner);
    if (!known) verdicts.set(owner, (known = new Map()));
    const cached = known.get(hash);
    if (cached) return cached;
    const outcome = check(test, output);
    if (known.size >= VERDICTS_PER_TEST) known.delete(known.keys().next().value!);
    known.set(hash, outcome);
    return outcome;
  };
}

/** How an `io` workload is run (its input on stdin) and judged (the exercise's checker). */
export function ioWorkloads(check: Checker): WorkloadRunner<IoTestCase> {
  // Verdicts are remembered per workload (each verify makes a test of its own for the checker).
  const workloadOf = new WeakMap<IoTestCase, IoTestCase>();
  const judged = remembered(check, (test) => workloadOf.get(test) ?? test);
  return {
    run: (program, workload) => program.run({ stdin: workload.input }),
    verify: (workload, run, referenceRun) => {
      const what = workload.description ?? workload.name;
      if (run.outcome !== "ok") {
        const verdict = run.outcome;
        const reason = verdict === "TLE" ? "ran out of time" : verdict === "MLE" ? "ran out of memory" : verdict === "OLE" ? "printed too much" : "crashed";
        return { ok: false, verdict, message: `On the large performance test (${what}) your program ${reason}.` };
      }
      const test: IoTestCase = { ...workload, visibility: "hidden", expected: workload.expected ?? referenceRun.stdout };
      workloadOf.set(test, workload);
      const outcome = judged(test, run.stdout);
      return outcome.ok ? outcome : { ok: false, verdict: "WA", message: outcome.message };
    },
  };
}

/** An `io` exercise's performance spec as a plan, its workloads generated from `seed` for `language`. */
export function ioPerformancePlan(spec: PerformanceSpec, seed: number, language: Language): PerformancePlan<IoTestCase> {
  const { growth } = spec;
  return {
    workloads: spec.workloads(seed, language),
    tolerance: spec.tolerance,
    repeats: spec.repeats ?? DEFAULT_REPEATS,
    growth: growth && { small: growth.small(seed, language), large: growth.large(seed, language), maxRatio: growth.maxRatio },
  };
}

export async function measurePerformance<W extends Workload>(options: {
  plan: PerformancePlan<W>;
  runner: WorkloadRunner<W>;
  program: ExecutableProgram;
  reference: ExecutableProgram;
  /** After each interleaved pair of runs: how many so far, and the most there can be (fewer when the verdict is clear early). */
  onPair?: (done: number, planned: number) => void | Promise<void>;
}): Promise<PerformanceResult> {
  const { plan, runner, program, reference } = options;
  const maxPairs = Math.max(1, plan.repeats);
  try {
    const speed = plan.workloads.map((workload) => new Samples(workload, runner));
    // A growth workload that is also a speed workload (same name) is measured once for both.
    const sampled = (workload: W) => speed.find((sample) => sample.workload.name === workload.name) ?? new Samples(workload, runner);
    const growthSamples = plan.growth && { small: sampled(plan.growth.small), large: sampled(plan.growth.large) };
    const all = new Set([...speed, ...(growthSamples ? [growthSamples.small, growthSamples.large] : [])]);
    const planned = all.size * maxPairs;
    let done = 0;
    for (const sample of all) sample.onPair = () => options.onPair?.(++done, planned);
    const growthOf = (side: "program" | "reference") =>
      growthSamples ? Math.max(median(growthSamples.large[side]), CPU_FLOOR_MS) / Math.max(median(growthSamples.small[side]), CPU_FLOOR_MS) : 0;
    const growthRatio = () => growthOf("program");
    const growthLimit = () => (plan.growth ? Math.max(plan.growth.maxRatio, REFERENCE_GROWTH_ALLOWANCE * growthOf("reference")) : 0);

    for (const sample of speed) await sample.add(program, reference);
    if (growthSamples) for (const sample of [growthSamples.small, growthSamples.large]) if (sample.pairs === 0) await sample.add(program, reference);
    // More pairs only where the verdict is still open: one check decided against the submission
    // decides the verdict (too slow), whatever more pairs would say of the other.
    for (let pairs = 1; pairs < maxPairs; pairs++) {
      const speedRatio = speed.length > 0 ? totals(speed).ratio : 0;
      const speedOpen = speed.length > 0 && !decided(speedRatio, plan.tolerance);
      const growthOpen = plan.growth !== undefined && !decided(growthRatio(), growthLimit());
      const speedFailed = !speedOpen && speedRatio > plan.tolerance;
      const growthFailed = plan.growth !== undefined && !growthOpen && growthRatio() > growthLimit();
      if ((!speedOpen && !growthOpen) || speedFailed || growthFailed) break;
      if (speedOpen) for (const sample of speed) await sample.add(program, reference);
      if (growthOpen && growthSamples) for (const sample of [growthSamples.small, growthSamples.large]) await sample.add(program, reference);
    }

    const { program: cpu, reference: referenceCpu, ratio } = speed.length > 0 ? totals(speed) : { program: 0, reference: 0, ratio: 0 };
    const fastEnough = ratio <= plan.tolerance;
    let growth: PerformanceResult["growth"];
    if (plan.growth && growthSamples) {
      const { small, large } = growthSamples;
      growth = {
        smallCpuMs: median(small.program),
        largeCpuMs: median(large.program),
        ratio: growthRatio(),
        referenceRatio: growthOf("reference"),
        maxRatio: growthLimit(),
        passed: growthRatio() <= growthLimit(),
      };
    }

    const passed = fastEnough && (growth?.passed ?? true);
    const figures =
      speed.length > 0
        ? `${fastEnough ? "" : TOO_SLOW}On ${describeWorkloads(plan.workloads)}: your CPU time ${formatMs(cpu)}, the reference's ${formatMs(referenceCpu)} in the same job, ${formatRatio(ratio)} the reference's (allowed up to ${formatRatio(plan.tolerance)}).`
        : "";
    const growthNote =
      growth && plan.growth
        ? `${growth.passed ? "" : " Your cost grows faster than the input."} Quadrupling the input (${describeWorkloads([plan.growth.small])}, then ${describeWorkloads([plan.growth.large])}) multiplied your CPU time by ${formatRatio(growth.ratio)}, the reference's by ${formatRatio(growth.referenceRatio)} (allowed up to ${formatRatio(growth.maxRatio)}).`
        : "";
    return {
      passed,
      verdict: passed ? "AC" : "TLE",
      cpuMs: cpu,
      referenceCpuMs: referenceCpu,
      ratio,
      tolerance: plan.tolerance,
      growth,
      message: (figures + growthNote).trim(),
      limits: [
        ...(speed.length > 0 ? [{ limit: "cpu" as const, kept: fastEnough }] : []),
        ...(growth ? [{ limit: "growth" as const, kept: growth.passed }] : []),
      ],
    };
  } catch (error) {
    if (!(error instanceof WorkloadFailure)) throw error;
    // Out of time on a workload is the same finding as a measured ratio over the limit: both say "Too slow.".
    const message = error.verdict === "TLE" ? `${TOO_SLOW}${error.message}` : error.message;
    return { passed: false, verdict: error.verdict, cpuMs: 0, referenceCpuMs: 0, ratio: 0, tolerance: plan.tolerance, message };
  }
}

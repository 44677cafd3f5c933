// Performance is judged only against the exercise's reference, run in the same job on the same
// machine, interleaved with the submission so both see the same load: CPU time as a ratio, and
// complexity by growth (cost at n against cost at 4n).
import type { PerformanceResult } from "@/graders/core/results";
import type { Checker, ExecutableProgram, IoTestCase, PerformanceSpec, ProgramRun, Verdict } from "@/graders/core/types";

/** Below this, CPU readings are mostly noise; ratios use it as the floor. */
export const CPU_FLOOR_MS = 2;

export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const formatMs = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString("en-US")} ms`;
export const formatRatio = (ratio: number) => `${ratio.toFixed(2)}×`;

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

/** Runs `workload` on both programs `repeats` times, interleaved; returns the median CPU of each. */
async function medianCpu<W extends Workload>(
  workload: W,
  repeats: number,
  program: ExecutableProgram,
  reference: ExecutableProgram,
  runner: WorkloadRunner<W>,
): Promise<{ program: number; reference: number }> {
  const programCpu: number[] = [];
  const referenceCpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const referenceRun = await runner.run(reference, workload);
    if (referenceRun.outcome !== "ok") {
      throw new Error(`The reference failed on performance workload ${workload.name} (${referenceRun.outcome}).`);
    }
    const programRun = await runner.run(program, workload);
    if (i === 0) {
      const verified = runner.verify(workload, programRun, referenceRun);
      if (!verified.ok) throw new WorkloadFailure(verified.verdict, verified.message);
    }
    programCpu.push(programRun.cpuMs);
    referenceCpu.push(referenceRun.cpuMs);
  }
  return { program: median(programCpu), reference: median(referenceCpu) };
}

/** How an `io` workload is run (its input on stdin) and judged (the exercise's checker). */
export function ioWorkloads(check: Checker): WorkloadRunner<IoTestCase> {
  return {
    run: (program, workload) => program.run({ stdin: workload.input }),
    verify: (workload, run, referenceRun) => {
      const what = workload.description ?? workload.name;
      if (run.outcome !== "ok") {
        const verdict = run.outcome;
        const reason = verdict === "TLE" ? "ran out of time" : verdict === "MLE" ? "ran out of memory" : verdict === "OLE" ? "printed too much" : "crashed";
        return { ok: false, verdict, message: `On the large performance test (${what}) your program ${reason}.` };
      }
      const outcome = check({ ...workload, visibility: "hidden", expected: workload.expected ?? referenceRun.stdout }, run.stdout);
      return outcome.ok ? outcome : { ok: false, verdict: "WA", message: outcome.message };
    },
  };
}

/** An `io` exercise's performance spec as a plan, its workloads generated from `seed`. */
export function ioPerformancePlan(spec: PerformanceSpec, seed: number): PerformancePlan<IoTestCase> {
  const { growth } = spec;
  return {
    workloads: spec.workloads(seed),
    tolerance: spec.tolerance,
    repeats: spec.repeats,
    growth: growth && { small: growth.small(seed), large: growth.large(seed), maxRatio: growth.maxRatio },
  };
}

export async function measurePerformance<W extends Workload>(options: {
  plan: PerformancePlan<W>;
  runner: WorkloadRunner<W>;
  program: ExecutableProgram;
  reference: ExecutableProgram;
}): Promise<PerformanceResult> {
  const { plan: spec, runner, program, reference } = options;
  try {
    let cpu = 0;
    let referenceCpu = 0;
    for (const workload of spec.workloads) {
      const measured = await medianCpu(workload, spec.repeats, program, reference, runner);
      cpu += measured.program;
      referenceCpu += measured.reference;
    }
    const ratio = Math.max(cpu, CPU_FLOOR_MS) / Math.max(referenceCpu, CPU_FLOOR_MS);
    const fastEnough = ratio <= spec.tolerance;

    let growth: PerformanceResult["growth"];
    if (spec.growth) {
      const small = await medianCpu(spec.growth.small, spec.repeats, program, reference, runner);
      const large = await medianCpu(spec.growth.large, spec.repeats, program, reference, runner);
      const growthRatio = Math.max(large.program, CPU_FLOOR_MS) / Math.max(small.program, CPU_FLOOR_MS);
      growth = {
        smallCpuMs: small.program,
        largeCpuMs: large.program,
        ratio: growthRatio,
        referenceRatio: Math.max(large.reference, CPU_FLOOR_MS) / Math.max(small.reference, CPU_FLOOR_MS),
        maxRatio: spec.growth.maxRatio,
        passed: growthRatio <= spec.growth.maxRatio,
      };
    }

    const passed = fastEnough && (growth?.passed ?? true);
    const figures = `Your CPU time ${formatMs(cpu)}, the reference's ${formatMs(referenceCpu)}: ${formatRatio(ratio)} (allowed up to ${formatRatio(spec.tolerance)}).`;
    const growthNote = growth
      ? ` Quadrupling the input multiplied your time by ${formatRatio(growth.ratio)} (the reference's by ${formatRatio(growth.referenceRatio)}; allowed up to ${formatRatio(growth.maxRatio)}).`
      : "";
    const verdictNote = passed
      ? ""
      : !fastEnough
        ? " Too slow compared with the reference: look for repeated work or a data structure with a slower operation."
        : " Your cost grows faster than the input: an operation that should take constant or logarithmic time is taking linear time.";
    return {
      passed,
      verdict: passed ? "AC" : "TLE",
      cpuMs: cpu,
      referenceCpuMs: referenceCpu,
      ratio,
      tolerance: spec.tolerance,
      growth,
      message: figures + growthNote + verdictNote,
    };
  } catch (error) {
    if (!(error instanceof WorkloadFailure)) throw error;
    return { passed: false, verdict: error.verdict, cpuMs: 0, referenceCpuMs: 0, ratio: 0, tolerance: spec.tolerance, message: error.message };
  }
}

// Performance is judged only against the exercise's reference, run in the same job on the same
// machine, interleaved with the submission so both see the same load: CPU time as a ratio, and
// complexity by growth (cost at n against cost at 4n).
import type { PerformanceResult } from "@/graders/core/results";
import type { Checker, ExecutableProgram, IoTestCase, PerformanceSpec, ProgramRun, Verdict } from "@/graders/core/types";

/** Below this, CPU readings are mostly noise; ratios use it as the floor. */
const CPU_FLOOR_MS = 2;

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

/** Runs `workload` on both programs `repeats` times, interleaved; returns the median CPU of each. */
async function medianCpu(
  workload: IoTestCase,
  repeats: number,
  program: ExecutableProgram,
  reference: ExecutableProgram,
  check: Checker,
): Promise<{ program: number; reference: number }> {
  const programCpu: number[] = [];
  const referenceCpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const referenceRun = await reference.run({ stdin: workload.input });
    if (referenceRun.outcome !== "ok") {
      throw new Error(`The reference failed on performance workload ${workload.name} (${referenceRun.outcome}).`);
    }
    const programRun = await program.run({ stdin: workload.input });
    if (i === 0) assertCorrect(workload, programRun, referenceRun, check);
    programCpu.push(programRun.cpuMs);
    referenceCpu.push(referenceRun.cpuMs);
  }
  return { program: median(programCpu), reference: median(referenceCpu) };
}

function assertCorrect(workload: IoTestCase, run: ProgramRun, referenceRun: ProgramRun, check: Checker): void {
  const what = workload.description ?? workload.name;
  if (run.outcome !== "ok") {
    const verdict = run.outcome;
    const reason = verdict === "TLE" ? "ran out of time" : verdict === "MLE" ? "ran out of memory" : verdict === "OLE" ? "printed too much" : "crashed";
    throw new WorkloadFailure(verdict, `On the large performance test (${what}) your program ${reason}.`);
  }
  const outcome = check({ ...workload, visibility: "hidden", expected: workload.expected ?? referenceRun.stdout }, run.stdout);
  if (!outcome.ok) throw new WorkloadFailure("WA", outcome.message);
}

export async function measurePerformance(options: {
  spec: PerformanceSpec;
  seed: number;
  program: ExecutableProgram;
  reference: ExecutableProgram;
  check: Checker;
}): Promise<PerformanceResult> {
  const { spec, seed, program, reference, check } = options;
  try {
    let cpu = 0;
    let referenceCpu = 0;
    for (const workload of spec.workloads(seed)) {
      const measured = await medianCpu(workload, spec.repeats, program, reference, check);
      cpu += measured.program;
      referenceCpu += measured.reference;
    }
    const ratio = Math.max(cpu, CPU_FLOOR_MS) / Math.max(referenceCpu, CPU_FLOOR_MS);
    const fastEnough = ratio <= spec.tolerance;

    let growth: PerformanceResult["growth"];
    if (spec.growth) {
      const small = await medianCpu(spec.growth.small(seed), spec.repeats, program, reference, check);
      const large = await medianCpu(spec.growth.large(seed), spec.repeats, program, reference, check);
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

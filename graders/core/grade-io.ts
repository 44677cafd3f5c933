// Grades an `io` exercise: runs the public examples (and, for a submission, the hidden tests and the
// performance check against the reference) and turns the runs into a results.json-shaped verdict.
import { excerpt } from "@/graders/core/checkers";
import { measurePerformance } from "@/graders/core/performance";
import type { GradingResult, PerformanceResult, TestResult } from "@/graders/core/results";
import type { ExecutableProgram, IoGrader, IoTestCase, ProgramRun, Verdict } from "@/graders/core/types";
import type { PublicExample } from "@/lib/exercises/load-exercise";

export type GradingMode = "run" | "submit";

export type GradingProgress =
  | { type: "test"; index: number; total: number; name: string; verdict: Verdict | "skipped" }
  | { type: "performance"; state: "started" | "finished" };

export interface GradeIoOptions {
  grader: IoGrader;
  examples: PublicExample[];
  mode: GradingMode;
  program: ExecutableProgram;
  /** The exercise's reference, compiled in the same job: needed for the performance check and custom input. */
  reference?: ExecutableProgram;
  /** Run only: the user's own input, answered by the reference for comparison. */
  customInput?: string;
  seed?: number;
  onProgress?: (progress: GradingProgress) => void | Promise<void>;
}

const OUTPUT_EXCERPT = 4096;
const INPUT_EXCERPT = 2048;

export async function gradeIo(options: GradeIoOptions): Promise<GradingResult> {
  const { grader, mode, program } = options;
  const seed = options.seed ?? grader.seed;
  const tests: IoTestCase[] = options.examples.map((example) => ({
    name: `example ${example.name}`,
    visibility: "public",
    input: example.input,
    expected: example.output,
  }));
  if (mode === "run" && options.customInput !== undefined) {
    const referenceRun = options.reference ? await options.reference.run({ stdin: options.customInput }) : undefined;
    if (referenceRun && referenceRun.outcome !== "ok") throw new Error(`The reference failed on custom input (${referenceRun.outcome}).`);
    tests.push({ name: "your input", visibility: "public", input: options.customInput, expected: referenceRun?.stdout });
  }
  if (mode === "submit") tests.push(...grader.hiddenTests(seed));

  const results: TestResult[] = [];
  let stop = false;
  for (const [index, test] of tests.entries()) {
    let result: TestResult;
    if (stop) {
      result = { name: test.name, visibility: test.visibility, status: "skipped", message: "Not run: an earlier test failed." };
    } else {
      result = judgeRun(grader, test, await program.run({ stdin: test.input }));
      // Hidden tests stop at the first failure, and every test after a time-out: each can cost
      // seconds, and the first failure is the verdict. Public examples otherwise all run, to show them.
      if (result.verdict !== "AC" && (test.visibility === "hidden" || result.verdict === "TLE")) stop = true;
    }
    results.push(result);
    await options.onProgress?.({ type: "test", index: index + 1, total: tests.length, name: test.name, verdict: result.verdict ?? "skipped" });
  }

  const firstFailure = results.find((result) => result.verdict && result.verdict !== "AC");
  let performance: PerformanceResult | undefined;
  if (mode === "submit" && !firstFailure && grader.performance) {
    if (!options.reference) throw new Error("The performance check needs the reference program.");
    await options.onProgress?.({ type: "performance", state: "started" });
    performance = await measurePerformance({ spec: grader.performance, seed, program, reference: options.reference, check: grader.check });
    await options.onProgress?.({ type: "performance", state: "finished" });
  }

  const verdict: Verdict = firstFailure?.verdict ?? (performance && !performance.passed ? performance.verdict : "AC");
  const units = results.length + (grader.performance && mode === "submit" ? 1 : 0);
  const passedUnits = results.filter((result) => result.status === "pass").length + (performance?.passed ? 1 : 0);
  const measured = results.flatMap((result) => (result.metrics ? [result.metrics] : []));
  return {
    version: 3,
    status: verdict === "AC" ? "pass" : "fail",
    verdict,
    score: units === 0 ? 0 : passedUnits / units,
    message: performance && !performance.passed ? performance.message : undefined,
    tests: results,
    performance,
    metrics: {
      maxCpuMs: Math.max(0, ...measured.map((m) => m.cpuMs)),
      peakMemoryKiB: Math.max(0, ...measured.map((m) => m.memoryKiB)),
    },
  };
}

/** The result of a submission that did not compile. */
export function compileErrorResult(compilerOutput: string): GradingResult {
  return {
    version: 3,
    status: "error",
    verdict: "CE",
    score: 0,
    message: excerpt(compilerOutput, 16 * 1024),
    tests: [],
    metrics: { maxCpuMs: 0, peakMemoryKiB: 0 },
  };
}

const LIMIT_MESSAGES: Record<Exclude<ProgramRun["outcome"], "ok">, string> = {
  TLE: "Time limit exceeded: the program used more CPU or wall time than this test allows.",
  MLE: "Memory limit exceeded: the program ran out of memory.",
  OLE: "Output limit exceeded: the program printed more than this test allows.",
  RE: "Runtime error: the program crashed or exited with a non-zero status.",
};

function judgeRun(grader: IoGrader, test: IoTestCase, run: ProgramRun): TestResult {
  const metrics = { cpuMs: run.cpuMs, wallMs: run.wallMs, memoryKiB: run.memoryKiB };
  const shown = test.visibility === "public";
  const base: TestResult = {
    name: test.name,
    visibility: test.visibility,
    status: "fail",
    metrics,
    ...(shown
      ? {
          input: excerpt(test.input, INPUT_EXCERPT),
          expected: test.expected === undefined ? undefined : excerpt(test.expected, OUTPUT_EXCERPT),
          output: excerpt(run.stdout, OUTPUT_EXCERPT),
        }
      : {}),
  };
  if (run.outcome !== "ok") {
    const detail = run.outcome === "RE" ? runtimeErrorDetail(run, shown) : "";
    return { ...base, status: "error", verdict: run.outcome, message: LIMIT_MESSAGES[run.outcome] + detail };
  }
  // Only custom input can come without an expected answer (when no reference was built).
  if (test.expected === undefined) {
    return { ...base, status: "pass", verdict: "AC", message: "Ran on your input (no reference to compare with)." };
  }
  const outcome = grader.check(test, run.stdout);
  return outcome.ok
    ? { ...base, status: "pass", verdict: "AC" }
    : { ...base, status: "fail", verdict: "WA", message: outcome.message };
}

function runtimeErrorDetail(run: ProgramRun, shown: boolean): string {
  const how = run.signal ? ` It was killed by ${run.signal}.` : run.exitCode !== null ? ` Exit status ${run.exitCode}.` : "";
  const stderr = shown && run.stderr.trim() ? `\n${excerpt(run.stderr.trim(), 1024)}` : "";
  return how + stderr;
}

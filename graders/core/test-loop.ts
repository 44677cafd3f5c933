// What every kind of grading shares: tests run in order (hidden ones stop at the first failure),
// progress reported after each, limit verdicts in words, and the results.json-shaped total.
import { excerpt } from "@/graders/core/checkers";
import type { GradingResult, PerformanceResult, TestResult } from "@/contracts/grading-result";
import type { ProgramRun } from "@/contracts/programs";
import type { Verdict } from "@/contracts/verdicts";

export type GradingMode = "run" | "submit";

export type GradingProgress =
  | { type: "test-started"; index: number; total: number }
  | { type: "test"; index: number; total: number; name: string; verdict: Verdict | "skipped" }
  | { type: "performance"; state: "started" | "finished" }
  /** `done` of at most `planned` measurements (interleaved pairs of runs; a server's load tests). */
  | { type: "performance"; state: "measuring"; done: number; planned: number };

export type ProgressListener = (progress: GradingProgress) => void | Promise<void>;

/**
 * Judges `tests` in order. Hidden tests stop at the first failure, and every test after a time-out:
 * each can cost seconds, and the first failure is the verdict. Public ones otherwise all run, to show them.
 */
export async function runTests<T extends { name: string; visibility: "public" | "hidden" }>(
  tests: T[],
  judge: (test: T) => Promise<TestResult>,
  onProgress?: ProgressListener,
): Promise<TestResult[]> {
  const results: TestResult[] = [];
  let stop = false;
  for (const [index, test] of tests.entries()) {
    let result: TestResult;
    if (stop) {
      result = { name: test.name, visibility: test.visibility, status: "skipped", message: "Not run: an earlier test failed." };
    } else {
      await onProgress?.({ type: "test-started", index: index + 1, total: tests.length });
      result = await judge(test);
      if (result.verdict !== "AC" && (test.visibility === "hidden" || result.verdict === "TLE")) stop = true;
    }
    results.push(result);
    await onProgress?.({ type: "test", index: index + 1, total: tests.length, name: test.name, verdict: result.verdict ?? "skipped" });
  }
  return results;
}

/** The verdict of a set of test results and the performance check (when one was due). */
export function gradingResult(results: TestResult[], options: { performanceDue: boolean; performance?: PerformanceResult }): GradingResult {
  const { performance } = options;
  const firstFailure = results.find((result) => result.verdict && result.verdict !== "AC");
  const verdict: Verdict = firstFailure?.verdict ?? (performance && !performance.passed ? performance.verdict : "AC");
  const units = results.length + (options.performanceDue ? 1 : 0);
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

/** Reports each measurement of the performance check as progress. */
export function measuring(onProgress?: ProgressListener): (done: number, planned: number) => Promise<void> {
  return async (done, planned) => {
    await onProgress?.({ type: "performance", state: "measuring", done, planned });
  };
}

/** Whether the performance check runs: a Submit whose tests all passed, of an exercise that has one. */
export function performanceDue(mode: GradingMode, results: TestResult[], hasPerformance: boolean): boolean {
  return mode === "submit" && hasPerformance && results.every((result) => result.verdict === "AC");
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

/** Why a run that did not end normally failed, with its signal or status and (public tests) its stderr. */
export function limitMessage(run: ProgramRun, shown: boolean): string {
  if (run.outcome === "ok") return "";
  if (run.outcome !== "RE") return LIMIT_MESSAGES[run.outcome];
  const how = run.signal ? ` It was killed by ${run.signal}.` : run.exitCode !== null ? ` Exit status ${run.exitCode}.` : "";
  const stderr = shown && run.stderr.trim() ? `\n${excerpt(run.stderr.trim(), 1024)}` : "";
  return LIMIT_MESSAGES.RE + how + stderr;
}

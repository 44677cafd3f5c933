// Grades an `io` exercise: runs the public examples (and, for a submission, the hidden tests and the
// performance check against the reference) and turns the runs into a results.json-shaped verdict.
import { excerpt } from "@/graders/core/checkers";
import { ioPerformancePlan, ioWorkloads, measurePerformance, remembered } from "@/graders/core/performance";
import type { GradingResult, PerformanceResult, TestResult } from "@/contracts/grading-result";
import type { ExecutableProgram, ProgramRun } from "@/contracts/programs";
import type { Language } from "@/contracts/languages";
import { type GradingMode, gradingResult, limitMessage, measuring, type ProgressListener, performanceDue, runTests } from "@/graders/core/test-loop";
import type { Checker, IoGrader, IoTestCase } from "@/graders/core/types";
import type { PublicExample } from "@/lib/exercises/load-exercise";

export interface GradeIoOptions {
  grader: IoGrader;
  /** The submission's language: tests and workloads are sized for it. */
  language: Language;
  examples: PublicExample[];
  mode: GradingMode;
  program: ExecutableProgram;
  /** The exercise's reference, compiled in the same job: needed for the performance check and custom input. */
  reference?: ExecutableProgram;
  /** Run only: the user's own input, answered by the reference for comparison. */
  customInput?: string;
  seed?: number;
  onProgress?: ProgressListener;
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
  // Custom input the reference itself cannot take (malformed, beyond the constraints) is the input's
  // problem, said as such: neither the user's code nor ours failed.
  let refusedInput: TestResult | undefined;
  if (mode === "run" && options.customInput !== undefined) {
    const referenceRun = options.reference ? await options.reference.run({ stdin: options.customInput }) : undefined;
    if (referenceRun && referenceRun.outcome !== "ok") refusedInput = refusedCustomInput(options.customInput, referenceRun);
    else tests.push({ name: "your input", visibility: "public", input: options.customInput, expected: referenceRun?.stdout, ownInput: true });
  }
  if (mode === "submit") tests.push(...grader.hiddenTests(seed, options.language));

  const check = remembered(grader.check);
  const results = await runTests(tests, async (test) => judgeRun(check, test, await program.run({ stdin: test.input })), options.onProgress);
  if (refusedInput) results.push(refusedInput);

  let performance: PerformanceResult | undefined;
  const due = performanceDue(mode, results, grader.performance !== undefined);
  if (due && grader.performance) {
    if (!options.reference) throw new Error("The performance check needs the reference program.");
    await options.onProgress?.({ type: "performance", state: "started" });
    performance = await measurePerformance({
      plan: ioPerformancePlan(grader.performance, seed, options.language),
      runner: ioWorkloads(grader.performance.check ?? grader.check),
      program,
      reference: options.reference,
      onPair: measuring(options.onProgress),
    });
    await options.onProgress?.({ type: "performance", state: "finished" });
  }
  return gradingResult(results, { performanceDue: mode === "submit" && grader.performance !== undefined, performance });
}

function refusedCustomInput(input: string, referenceRun: ProgramRun): TestResult {
  const why = referenceRun.outcome === "RE" ? referenceRun.stderr.trim() || referenceRun.stdout.trim() : "";
  const limit =
    referenceRun.outcome === "RE"
      ? ""
      : ` (it ran into the ${referenceRun.outcome === "TLE" ? "time" : referenceRun.outcome === "MLE" ? "memory" : "output"} limit)`;
  return {
    name: "your input",
    visibility: "public",
    ownInput: true,
    status: "skipped",
    input: excerpt(input, INPUT_EXCERPT),
    message: `Your input is not one this exercise accepts: the reference solution refused it${limit}${why ? `: ${excerpt(why, 300)}` : "."} Check it against the Input section and the constraints.`,
  };
}

function judgeRun(check: Checker, test: IoTestCase, run: ProgramRun): TestResult {
  const metrics = { cpuMs: run.cpuMs, wallMs: run.wallMs, memoryKiB: run.memoryKiB };
  const shown = test.visibility === "public";
  const base: TestResult = {
    name: test.name,
    visibility: test.visibility,
    ...(test.ownInput ? { ownInput: true } : {}),
    status: "fail",
    metrics,
    ...(shown
      ? {
          input: excerpt(test.input, INPUT_EXCERPT),
          expected: test.expected === undefined ? undefined : excerpt(test.expected, OUTPUT_EXCERPT),
          output: excerpt(run.stdout, OUTPUT_EXCERPT),
          ...(run.stderr ? { stderr: excerpt(run.stderr, OUTPUT_EXCERPT) } : {}),
          exit: { code: run.exitCode, signal: run.signal },
        }
      : {}),
  };
  if (run.outcome !== "ok") return { ...base, status: "error", verdict: run.outcome, message: limitMessage(run, shown) };
  // Only custom input can come without an expected answer (when no reference was built).
  if (test.expected === undefined) {
    return { ...base, status: "pass", verdict: "AC", message: "Ran on your input (no reference to compare with)." };
  }
  const outcome = check(test, run.stdout);
  return outcome.ok ? { ...base, status: "pass", verdict: "AC" } : { ...base, status: "fail", verdict: "WA", message: outcome.message };
}

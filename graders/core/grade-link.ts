// Grades a `link` exercise: the exercise's harness owns `main`, links the user's implementation of
// an API, stress-tests it (threads, races, blocking) and writes a report. The trusted side gives each
// run a fresh nonce the report must echo, recomputes from the scenario what the report must say
// (checksums, counts), runs race tests on the race-detector build, and compares CPU time with the
// reference's where a behaviour (blocking instead of spinning) is judged by it.
import { randomBytes } from "node:crypto";
import { describeReport, excerpt } from "@/graders/core/checkers";
import { CPU_FLOOR_MS, formatMs, formatRatio, measurePerformance, type WorkloadRunner } from "@/graders/core/performance";
import { hasRaceReport, RACE_EXIT_STATUS, trimRaceReport } from "@/graders/core/race-report";
import type { GradingResult, PerformanceResult, TestResult } from "@/contracts/grading-result";
import type { Language } from "@/contracts/languages";
import type { ExecutableProgram, ProgramRun } from "@/contracts/programs";
import type { Verdict } from "@/contracts/verdicts";
import { type GradingMode, gradingResult, limitMessage, measuring, type ProgressListener, performanceDue, runTests } from "@/graders/core/test-loop";
import { type CheckOutcome, DEFAULT_REPEATS, type HarnessReport, type LinkGrader, type LinkTestCase } from "@/graders/core/types";

export interface GradeLinkOptions {
  grader: LinkGrader;
  /** The submission's language: tests and workloads are sized for it. */
  language: Language;
  mode: GradingMode;
  /** The submission, standard build. */
  program: ExecutableProgram;
  /** The submission on the race-detector build, built when a test first needs it; absent where the language has no detector. */
  raceProgram?: () => Promise<ExecutableProgram>;
  /** The reference, for the performance check and CPU behaviour checks (Submit). */
  reference?: ExecutableProgram;
  /** Run only: the user's own scenario for the harness. */
  customInput?: string;
  /** The file the user writes: race reports keep its frames only. */
  userFile: string;
  seed?: number;
  onProgress?: ProgressListener;
}

const SCENARIO_EXCERPT = 2048;
const REPORT_EXCERPT = 4096;

type Judged = { ok: true; report: HarnessReport } | { ok: false; verdict: Verdict; message: string; finding?: "race" | "deadlock" };

/** Runs `program` on a test's scenario with a fresh nonce; the nonce comes back for the report check. */
async function runScenario(program: ExecutableProgram, test: LinkTestCase): Promise<{ run: ProgramRun; nonce: string }> {
  const nonce = randomBytes(12).toString("hex");
  const run = await program.run({ stdin: `${nonce}\n${test.scenario}` });
  return { run, nonce };
}

/** The harness's report: the one JSON object on its report descriptor (standard output), with the run's nonce. */
export function readReport(stdout: string, nonce: string): { ok: true; report: HarnessReport } | { ok: false; message: string } {
  const lines = stdout.split("\n").filter((line) => line.trim() !== "");
  if (lines.length !== 1) {
    return {
      ok: false,
      message:
        lines.length === 0
          ? "The test harness wrote no report: your code ended the process (exit, abort, a crash in a thread) before the harness finished."
          : "The test harness's report is mixed with other output: your code must not write to standard output (use standard error for debugging).",
    };
  }
  let report: unknown;
  try {
    report = JSON.parse(lines[0]!);
  } catch {
    return { ok: false, message: "The test harness's report is garbled: your code wrote over standard output." };
  }
  if (typeof report !== "object" || report === null || Array.isArray(report)) return { ok: false, message: "The test harness's report is not an object." };
  if ((report as HarnessReport).nonce !== nonce) return { ok: false, message: "The report does not belong to this run (its nonce is wrong)." };
  return { ok: true, report: report as HarnessReport };
}

/** A run's outcome: a race, a limit, a report the harness flagged, or the exercise's own check. */
function judge(grader: LinkGrader, test: LinkTestCase, run: ProgramRun, nonce: string, userFile: string, raceBuild: boolean): Judged {
  const shown = test.visibility === "public";
  if (raceBuild && run.exitCode === RACE_EXIT_STATUS && hasRaceReport(run.stderr)) {
    const report = trimRaceReport(run.stderr, userFile);
    return { ok: false, verdict: "WA", finding: "race", message: `Data race: two threads touched the same memory without synchronisation.\n${report}` };
  }
  if (run.outcome === "TLE" && run.cpuMs < run.wallMs / 2) {
    return {
      ok: false,
      verdict: "TLE",
      finding: "deadlock",
      message:
        "Your code ran out of time while its threads were mostly waiting, not computing: a deadlock, a wakeup that never came (a signal sent before anyone waited, or the wrong condition signalled), or threads that wait on each other far too long (sleeping or yielding while holding a lock).",
    };
  }
  if (run.outcome !== "ok") return { ok: false, verdict: run.outcome, message: limitMessage(run, shown) };
  const read = readReport(run.stdout, nonce);
  if (!read.ok) return { ok: false, verdict: "WA", message: read.message };
  if (read.report.ok === false) {
    const said = typeof read.report.error === "string" ? read.report.error : "The harness found your implementation broke the API's contract.";
    return { ok: false, verdict: "WA", message: said };
  }
  const outcome: CheckOutcome = grader.check(test, read.report);
  return outcome.ok ? { ok: true, report: read.report } : { ok: false, verdict: "WA", message: outcome.message };
}

/**
 * A run that used less than this share of the reference's CPU on the same workload did not do the
 * harness's work: the harness alone (its threads, its checks) costs a good part of the reference's
 * time, so even a much faster implementation stays far above it. A report it wrote is forged.
 */
export const IMPLAUSIBLE_CPU_SHARE = 0.1;
/** Below this reference CPU the floor says nothing (start-up costs dominate). */
const FLOOR_MIN_REFERENCE_MS = 20;

export function linkWorkloads(grader: LinkGrader, userFile: string): WorkloadRunner<LinkTestCase> {
  const nonces = new WeakMap<ProgramRun, string>();
  return {
    run: async (program, workload) => {
      const { run, nonce } = await runScenario(program, workload);
      nonces.set(run, nonce);
      return run;
    },
    verify: (workload, run, referenceRun) => {
      const what = workload.description ?? workload.name;
      const judged = judge(grader, workload, run, nonces.get(run) ?? "", userFile, false);
      if (!judged.ok) return { ok: false, verdict: judged.verdict, message: `On the large performance test (${what}): ${judged.message}` };
      if (referenceRun.cpuMs >= FLOOR_MIN_REFERENCE_MS && run.cpuMs < referenceRun.cpuMs * IMPLAUSIBLE_CPU_SHARE) {
        return {
          ok: false,
          verdict: "WA",
          message: `The harness's work was not done: on the large performance test (${what}) the run used ${formatMs(run.cpuMs)} of CPU, while the harness's own threads and checks alone need far more (the reference used ${formatMs(referenceRun.cpuMs)}). Its report did not come from the harness's test.`,
        };
      }
      return { ok: true };
    },
  };
}

export async function gradeLink(options: GradeLinkOptions): Promise<GradingResult> {
  const { grader, mode, program, userFile } = options;
  const seed = options.seed ?? grader.seed;
  const all = grader.tests(seed, options.language);
  const tests: LinkTestCase[] = all.filter((test) => test.visibility === "public");
  // A scenario the harness cannot take is the input's problem, said as such before anything runs.
  let refusedScenario: TestResult | undefined;
  if (mode === "run" && options.customInput !== undefined) {
    const custom = grader.customScenario(options.customInput);
    if (custom.ok) tests.push({ name: "your scenario", visibility: "public", scenario: custom.scenario, ownInput: true });
    else
      refusedScenario = {
        name: "your scenario",
        visibility: "public",
        ownInput: true,
        status: "skipped",
        input: excerpt(options.customInput, SCENARIO_EXCERPT),
        message: `Your scenario is not one the harness accepts: ${custom.message} Check it against the Input section.`,
      };
  }
  if (mode === "submit") tests.push(...all.filter((test) => test.visibility === "hidden"));

  // A Submit builds the race-detector variant while the first tests run (its own container), not when its test comes.
  let raceProgram: Promise<ExecutableProgram> | undefined;
  if (mode === "submit" && options.raceProgram && tests.some((test) => test.raceDetector)) {
    raceProgram = options.raceProgram();
    raceProgram.catch(() => undefined);
  }
  const results = await runTests(
    tests,
    async (test) => {
      const onRaceBuild = test.raceDetector === true && options.raceProgram !== undefined;
      const target = onRaceBuild ? await (raceProgram ??= options.raceProgram!()) : program;
      // A CPU-behaviour check's reference run goes alongside the submission's (its own container):
      // the scenario is mostly waiting, so the two do not slow each other.
      const referenceRun = test.maxCpuRatio !== undefined && options.reference ? runScenario(options.reference, test) : undefined;
      referenceRun?.catch(() => undefined);
      const { run, nonce } = await runScenario(target, test);
      const judged = judge(grader, test, run, nonce, userFile, onRaceBuild);
      const result = testResult(test, run, nonce, judged);
      if (result.verdict !== "AC" || !referenceRun) return result;
      return checkCpuBehaviour(test, run, (await referenceRun).run, result);
    },
    options.onProgress,
  );
  if (refusedScenario) results.push(refusedScenario);

  let performance: PerformanceResult | undefined;
  if (performanceDue(mode, results, grader.performance !== undefined) && grader.performance) {
    if (!options.reference) throw new Error("The performance check needs the reference program.");
    await options.onProgress?.({ type: "performance", state: "started" });
    const { workloads, tolerance, repeats } = grader.performance;
    performance = await measurePerformance({
      plan: { workloads: workloads(seed, options.language), tolerance, repeats: repeats ?? DEFAULT_REPEATS },
      runner: linkWorkloads(grader, userFile),
      program,
      reference: options.reference,
      onPair: measuring(options.onProgress),
    });
    await options.onProgress?.({ type: "performance", state: "finished" });
  }
  return gradingResult(results, { performanceDue: mode === "submit" && grader.performance !== undefined, performance });
}

function testResult(test: LinkTestCase, run: ProgramRun, nonce: string, judged: Judged): TestResult {
  return {
    name: test.name,
    visibility: test.visibility,
    ...(test.ownInput ? { ownInput: true } : {}),
    status: judged.ok ? "pass" : run.outcome === "ok" ? "fail" : "error",
    verdict: judged.ok ? "AC" : judged.verdict,
    message: judged.ok ? undefined : judged.message,
    ...(!judged.ok && judged.finding ? { finding: judged.finding } : {}),
    metrics: { cpuMs: run.cpuMs, wallMs: run.wallMs, memoryKiB: run.memoryKiB },
    ...(test.visibility === "public" ? shownRun(test, run, nonce) : {}),
  };
}

/**
 * What a public test shows of its run: the scenario, the harness's report in words (or, when there
 * is no readable report, what was written in its place), what the user's code wrote to standard
 * error (its debugging output) and how the process ended.
 */
function shownRun(test: LinkTestCase, run: ProgramRun, nonce: string): Partial<TestResult> {
  const read = readReport(run.stdout, nonce);
  return {
    input: excerpt(test.scenario, SCENARIO_EXCERPT),
    ...(read.ok ? { report: excerpt(describeReport(read.report), REPORT_EXCERPT) } : { output: excerpt(run.stdout, REPORT_EXCERPT) }),
    ...(run.stderr ? { stderr: excerpt(run.stderr, REPORT_EXCERPT) } : {}),
    exit: { code: run.exitCode, signal: run.signal },
  };
}

/** A behaviour judged by CPU time (threads that must block, not spin): the reference ran the same scenario. */
function checkCpuBehaviour(test: LinkTestCase, run: ProgramRun, referenceRun: ProgramRun, passed: TestResult): TestResult {
  if (referenceRun.outcome !== "ok") throw new Error(`The reference failed on ${test.name} (${referenceRun.outcome}).`);
  const ratio = Math.max(run.cpuMs, CPU_FLOOR_MS) / Math.max(referenceRun.cpuMs, CPU_FLOOR_MS);
  if (ratio <= test.maxCpuRatio!) return passed;
  const figures = `Your code used ${formatMs(run.cpuMs)} of CPU in ${formatMs(run.wallMs)}; the reference ${formatMs(referenceRun.cpuMs)} on the same scenario (${formatRatio(ratio)}, allowed up to ${formatRatio(test.maxCpuRatio!)}).`;
  return { ...passed, status: "fail", verdict: "TLE", message: `${test.cpuHint ?? "Too much CPU time for this scenario."} ${figures}` };
}

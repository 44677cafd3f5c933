// A grader's proof: for every exercise and language, the reference must be accepted and every
// known-bad solution must get the verdict its folder names, failing the test and with the message its
// golden reason states (bad/<name>/expected.json). Run by `npm run graders:check` and the tests.
import { type Failure, failureOf, type LanguageReason, reasonMismatch } from "@/graders/core/golden-reasons";
import { judgeSubmission } from "@/graders/core/judge-submission";
import type { ProgramBuilder } from "@/contracts/programs";
import type { Language } from "@/contracts/languages";
import type { Verdict } from "@/contracts/verdicts";
import { loadExercise } from "@/lib/exercises/load-exercise";
import { listExercises } from "@/lib/exercises/load-exercise";
import { loadGrader, readKnownBadSolutions, readReferenceSolution } from "@/graders/core/load-grader";

export interface SelfTestCase {
  exercise: string;
  language: Language;
  /** "reference" or the known-bad folder's name. */
  solution: string;
  expected: Verdict;
  code: string;
  /** A known-bad solution's golden reason (its expected.json): the test it fails and words of the message. */
  golden?: LanguageReason;
  /**
   * Its verdict cannot move with the machine's load, so it may be proved beside another: a wrong
   * answer, crash or compile error expected of an `io` exercise whose tests take no real time. A
   * verdict that rests on time (AC and TLE against the reference's CPU, a link or server exercise's
   * races and CPU checks, a real-time exercise's sleeps) is proved alone.
   */
  untimed: boolean;
}

export interface SelfTestOutcome extends Omit<SelfTestCase, "code" | "golden" | "untimed"> {
  verdicts: Verdict[];
  /** Performance ratio of each repetition, where the grader measured one. */
  ratios: number[];
  /** Each too-slow verdict of the performance check: what failed (the ratio, or the growth with the ratio within its limit) and its figure. */
  slow: { on: "ratio" | "growth"; value: number }[];
  /** The reference's CPU time on the performance workloads (ms), each repetition: what sizing per language must keep at ~150 ms or more. */
  referenceCpuMs: number[];
  passed: boolean;
  message?: string;
  /** Where each grading failed (none for one that passed): what `graders:check --why` writes as the golden reason. */
  failures: Failure[];
  /** How a grading with the expected verdict failed otherwise than its golden reason says. */
  reasonProblem?: string;
}

/**
 * Every reference and known-bad solution of the exercises named (default: all), in the languages
 * named, whose solution name starts with one of `solutions` ("reference", "TLE", "WA-fifo").
 */
export async function selfTestCases(options: { exercises?: string[]; languages?: Language[]; solutions?: string[] } = {}): Promise<SelfTestCase[]> {
  const cases: SelfTestCase[] = [];
  for (const manifest of await listExercises()) {
    if (options.exercises && !options.exercises.includes(manifest.slug)) continue;
    const editFiles = Object.fromEntries(Object.entries(manifest.languages).map(([language, spec]) => [language, spec.edit]));
    const grader = await loadGrader(manifest.slug);
    const untimed = (expected: Verdict) => grader.kind === "io" && !grader.realTime && (expected === "WA" || expected === "RE" || expected === "CE");
    for (const [language, spec] of Object.entries(manifest.languages) as [Language, { edit: string }][]) {
      if (options.languages && !options.languages.includes(language)) continue;
      cases.push({
        exercise: manifest.slug,
        language,
        solution: "reference",
        expected: "AC",
        code: await readReferenceSolution(manifest.slug, language, spec.edit),
        untimed: false,
      });
    }
    for (const bad of await readKnownBadSolutions(manifest.slug, editFiles)) {
      if (options.languages && !options.languages.includes(bad.language)) continue;
      cases.push({
        exercise: manifest.slug,
        language: bad.language,
        solution: bad.name,
        expected: bad.expected,
        code: bad.code,
        golden: bad.reason,
        untimed: untimed(bad.expected),
      });
    }
  }
  const { solutions } = options;
  return solutions ? cases.filter((testCase) => solutions.some((prefix) => testCase.solution.startsWith(prefix))) : cases;
}

/** Grades one case `repeat` times as a Submit; it passes only if every repetition gets the expected verdict. */
export async function runSelfTest(testCase: SelfTestCase, options: { builder: ProgramBuilder; repeat?: number }): Promise<SelfTestOutcome> {
  const [exercise, grader] = await Promise.all([loadExercise(testCase.exercise), loadGrader(testCase.exercise)]);
  const verdicts: Verdict[] = [];
  const ratios: number[] = [];
  const slow: SelfTestOutcome["slow"] = [];
  const referenceCpuMs: number[] = [];
  let message: string | undefined;
  let reasonProblem: string | undefined;
  const failures: Failure[] = [];
  for (let i = 0; i < (options.repeat ?? 1); i++) {
    const result = await judgeSubmission({ exercise, grader, language: testCase.language, code: testCase.code, mode: "submit", builder: options.builder });
    verdicts.push(result.verdict);
    const { performance } = result;
    if (performance && performance.ratio > 0) ratios.push(performance.ratio);
    if (performance?.verdict === "TLE" && (performance.ratio > 0 || performance.growth)) {
      slow.push(
        performance.ratio > performance.tolerance || !performance.growth
          ? { on: "ratio", value: performance.ratio }
          : { on: "growth", value: performance.growth.ratio },
      );
    }
    if (result.performance && result.performance.referenceCpuMs > 0) referenceCpuMs.push(result.performance.referenceCpuMs);
    const failed = result.tests.find((test) => test.verdict && test.verdict !== "AC");
    if (result.verdict !== testCase.expected) {
      message ??= result.message ?? failed?.message ?? result.performance?.message;
    }
    const failure = failureOf(result);
    if (failure) failures.push(failure);
    if (result.verdict === testCase.expected && testCase.golden) reasonProblem ??= reasonMismatch(failure, testCase.golden) ?? undefined;
  }
  const { code: _code, golden: _golden, untimed: _untimed, ...rest } = testCase;
  const passed = verdicts.every((verdict) => verdict === testCase.expected) && !reasonProblem;
  return { ...rest, verdicts, ratios, slow, referenceCpuMs, passed, message: message ?? reasonProblem, failures, reasonProblem };
}

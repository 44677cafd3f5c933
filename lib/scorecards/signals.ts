// The signals of an interview room's grading that a scorecard carries as evidence: per exercise,
// every run and Submit with the tests it passed on the interview's clock, when the code first
// compiled and was first accepted, how many runs and compile errors, the performance against the
// reference, race-detector and deadlock findings, hints opened; and which planned questions were asked.
import type { GradingResult } from "@/contracts/grading-result";
import { interviewClockMs } from "@/lib/interviews/interview-phase";

export interface RunSignal {
  id: string;
  kind: "run" | "submit";
  language: string;
  authorName: string;
  /** The interview's clock when it was sent (0 for one sent before the start; null when the interview never started). */
  clockMs: number | null;
  status: "queued" | "running" | "done" | "internal_error";
  verdict: string | null;
  /** Tests passed of the tests graded (the Run's own input left out); null until graded. */
  passed: number | null;
  total: number | null;
  /** Performance: CPU time against the reference's (Submits whose tests all passed). */
  performanceRatio: number | null;
  performancePassed: boolean | null;
  findings: ("race" | "deadlock")[];
}

export interface ExerciseSignals {
  slug: string;
  title: string;
  runs: RunSignal[];
  runCount: number;
  submitCount: number;
  compileErrors: number;
  /** The clock of the first run or Submit whose code compiled (Python: passed the syntax check). */
  firstCompileMs: number | null;
  /** The clock of the first Submit accepted. */
  firstAcceptedMs: number | null;
  /** The latest Submit's performance check, when one ran. */
  performance: { ratio: number; passed: boolean } | null;
  /** Runs and Submits in which the race detector found a data race, and in which threads were stuck waiting. */
  raceFindings: number;
  deadlockFindings: number;
  hintsOpened: number;
  hintsTotal: number;
}

export interface QuestionSignal {
  key: string;
  text: string;
  asked: boolean;
  clockMs: number | null;
}

export interface ScorecardSignals {
  exercises: ExerciseSignals[];
  questions: QuestionSignal[];
}

export interface SignalSources {
  startedAt: Date | null;
  exercises: { slug: string; title: string; hintsTotal: number }[];
  /** The room's runs and Submits, any order. */
  submissions: {
    id: string;
    kind: "run" | "submit";
    exerciseSlug: string;
    language: string;
    authorName: string;
    status: RunSignal["status"];
    verdict: string | null;
    results: GradingResult | null;
    queuedAt: Date;
  }[];
  /** Per exercise, how many of its hints the candidate opened (they open in order). */
  hintsOpened: Record<string, number>;
  /** The planned questions, spoken and from the bank, in the room's order. */
  questions: { key: string; text: string }[];
  asked: { questionKey: string; clockMs: number | null }[];
}

export function runSignal(submission: SignalSources["submissions"][number], startedAt: Date | null): RunSignal {
  const graded = submission.status === "done" && submission.results ? submission.results.tests.filter((test) => !test.ownInput) : null;
  const performance = submission.status === "done" ? submission.results?.performance : undefined;
  const findings = new Set<"race" | "deadlock">();
  for (const test of submission.results?.tests ?? []) if (test.finding) findings.add(test.finding);
  return {
    id: submission.id,
    kind: submission.kind,
    language: submission.language,
    authorName: submission.authorName,
    clockMs: interviewClockMs({ startedAt }, submission.queuedAt),
    status: submission.status,
    verdict: submission.verdict,
    passed: graded ? graded.filter((test) => test.status === "pass").length : null,
    total: graded ? graded.length : null,
    performanceRatio: performance ? performance.ratio : null,
    performancePassed: performance ? performance.passed : null,
    findings: [...findings].sort(),
  };
}

export function computeSignals(sources: SignalSources): ScorecardSignals {
  const ordered = [...sources.submissions].sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.id.localeCompare(b.id));
  const exercises = sources.exercises.map(({ slug, title, hintsTotal }): ExerciseSignals => {
    const runs = ordered.filter((s) => s.exerciseSlug === slug).map((s) => runSignal(s, sources.startedAt));
    const done = runs.filter((run) => run.status === "done");
    const lastPerformance = done.filter((run) => run.kind === "submit" && run.performanceRatio !== null).at(-1);
    return {
      slug,
      title,
      runs,
      runCount: runs.filter((run) => run.kind === "run").length,
      submitCount: runs.filter((run) => run.kind === "submit").length,
      compileErrors: done.filter((run) => run.verdict === "CE").length,
      firstCompileMs: done.find((run) => run.verdict !== "CE")?.clockMs ?? null,
      firstAcceptedMs: done.find((run) => run.kind === "submit" && run.verdict === "AC")?.clockMs ?? null,
      performance: lastPerformance ? { ratio: lastPerformance.performanceRatio!, passed: lastPerformance.performancePassed! } : null,
      raceFindings: runs.filter((run) => run.findings.includes("race")).length,
      deadlockFindings: runs.filter((run) => run.findings.includes("deadlock")).length,
      hintsOpened: Math.min(sources.hintsOpened[slug] ?? 0, hintsTotal),
      hintsTotal,
    };
  });
  const asked = new Map(sources.asked.map((mark) => [mark.questionKey, mark.clockMs]));
  return {
    exercises,
    questions: sources.questions.map(({ key, text }) => ({ key, text, asked: asked.has(key), clockMs: asked.get(key) ?? null })),
  };
}

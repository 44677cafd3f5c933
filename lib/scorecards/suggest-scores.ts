// The scores a scorecard opens with, for the rubric's dimensions that take a suggestion from the
// room's grading. Only what the graders measured is suggested; the interviewer confirms or overrides
// each, and a dimension without a source (or with nothing graded) opens unscored.
import type { Rubric, Score, SuggestionSource } from "@/lib/validations/scorecards";
import type { ExerciseSignals, ScorecardSignals } from "@/lib/scorecards/signals";

/** A ratio at or under this is as fast as the reference, give or take the machine's noise. */
export const AS_FAST_AS_REFERENCE = 1.5;

function mean(scores: Score[]): Score | null {
  if (scores.length === 0) return null;
  return Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length) as Score;
}

/**
 * Per exercise the candidate worked on, its best graded Submit: 4 accepted; 3 every test passed but
 * not the performance check; 2 at least half the tests passed; 1 fewer, or no Submit graded.
 */
function correctness(exercise: ExerciseSignals): Score | null {
  if (exercise.runs.length === 0) return null;
  const submits = exercise.runs.filter((run) => run.kind === "submit" && run.status === "done" && run.total !== null);
  const scoreOf = (run: (typeof submits)[number]): Score => {
    if (run.verdict === "AC") return 4;
    const share = run.total! > 0 ? run.passed! / run.total! : 0;
    if (share === 1) return 3;
    return share >= 0.5 ? 2 : 1;
  };
  return submits.reduce<Score>((best, run) => Math.max(best, scoreOf(run)) as Score, 1);
}

/** The latest performance check: 4 passed within 1.5× the reference's CPU time; 3 passed; 2 too slow. */
function performance(exercise: ExerciseSignals): Score | null {
  if (!exercise.performance) return null;
  if (!exercise.performance.passed) return 2;
  return exercise.performance.ratio <= AS_FAST_AS_REFERENCE ? 4 : 3;
}

const FROM: Record<SuggestionSource, (exercise: ExerciseSignals) => Score | null> = { correctness, performance };

/** Per dimension key, the suggested score, or null. Several exercises: the rounded mean of theirs. */
export function suggestScores(rubric: Rubric, signals: ScorecardSignals): Record<string, Score | null> {
  return Object.fromEntries(
    rubric.map((dimension) => {
      if (!dimension.suggestFrom) return [dimension.key, null];
      const per = signals.exercises.map(FROM[dimension.suggestFrom]).filter((score): score is Score => score !== null);
      return [dimension.key, mean(per)];
    }),
  );
}

import "server-only";
// Loads what an interview's scorecard signals are made of (lib/scorecards/signals.ts): the room's
// runs and Submits as the worker recorded them, the hints opened, the planned questions and which were asked.
import { db } from "@/lib/db";
import { getExercisePackage } from "@/lib/exercises/exercise-catalog";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { computeSignals, type ScorecardSignals } from "@/lib/scorecards/signals";
import { plannedQuestions } from "@/lib/server/interviews/asked-questions";
import { hintCount, readHintsOpened } from "@/lib/server/interviews/room-hints";
import { readGradedRoomRuns } from "@/lib/server/interviews/room-runs";

export async function loadSignals(interview: {
  id: string;
  startedAt: Date | null;
  exerciseSlugs: string[];
  questions: string[];
  questionSlugs: string[];
}): Promise<ScorecardSignals> {
  const [exercises, submissions, hintsOpened, asked, bank] = await Promise.all([
    Promise.all(
      interview.exerciseSlugs.map(async (slug) => ({ slug, title: (await getExercisePackage(slug)).manifest.title, hintsTotal: await hintCount(slug) })),
    ),
    readGradedRoomRuns(interview.id),
    readHintsOpened(interview.id),
    db.interviewQuestionAsked.findMany({ where: { interviewId: interview.id }, select: { questionKey: true, clockMs: true } }),
    interview.questionSlugs.length > 0 ? getQuestionBank() : null,
  ]);
  return computeSignals({
    startedAt: interview.startedAt,
    exercises,
    submissions,
    hintsOpened,
    questions: plannedQuestions(interview, bank),
    asked,
  });
}

import "server-only";
// What a user has shown on the roadmap, read in three small queries: the exercises accepted, the
// latest answer to each multiple-choice question, and each flashcard's FSRS state.
import { db } from "@/lib/db";
import { type CardRow, retrievability } from "@/lib/progress/flashcard-schedule";
import type { UserEvidence } from "@/lib/progress/mastery";

export interface UserProgressEvidence extends UserEvidence {
  /** Exercises submitted to, accepted or not. */
  attempted: Set<string>;
  cards: Map<string, CardRow>;
}

export async function loadUserEvidence({ userId, now }: { userId: string; now: Date }): Promise<UserProgressEvidence> {
  const [progressRows, quizRows, cardRows] = await Promise.all([
    db.exerciseProgress.findMany({ where: { userId }, select: { exerciseSlug: true, firstSolvedAt: true } }),
    db.$queryRaw<{ questionSlug: string; correct: boolean }[]>`
      SELECT DISTINCT ON ("questionSlug") "questionSlug", "correct"
      FROM "QuizAnswer" WHERE "userId" = ${userId}
      ORDER BY "questionSlug", "answeredAt" DESC`,
    db.reviewCard.findMany({ where: { userId } }),
  ]);
  const cards = new Map(cardRows.map((row) => [row.questionSlug, row]));
  return {
    solved: new Set(progressRows.filter((row) => row.firstSolvedAt).map((row) => row.exerciseSlug)),
    attempted: new Set(progressRows.map((row) => row.exerciseSlug)),
    latestQuizAnswer: new Map(quizRows.map((row) => [row.questionSlug, row.correct])),
    retention: new Map(cardRows.map((row) => [row.questionSlug, retrievability(row, now)])),
    cards,
  };
}

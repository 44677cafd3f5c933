import "server-only";
// What a user has shown on the roadmap, read in one round trip: the exercises submitted to (and
// accepted), the latest answer to each multiple-choice question of the bank, each flashcard's FSRS state, their
// topic marks and their time zone.
import { db } from "@/lib/db";
import type { TopicStatus } from "@/lib/generated/prisma/client";
import { type CardRow, retrievability } from "@/lib/progress/flashcard-schedule";
import type { UserEvidence } from "@/lib/progress/mastery";
import { getQuestionBank } from "@/lib/questions/question-bank";

export interface UserProgressEvidence extends UserEvidence {
  /** Exercises submitted to, accepted or not. */
  attempted: Set<string>;
  cards: Map<string, CardRow>;
  marks: Map<string, TopicStatus>;
  timeZone: string;
}

interface EvidenceRow {
  timeZone: string | null;
  progress: { slug: string; solved: boolean }[];
  quiz: { slug: string; correct: boolean }[];
  cards: (Omit<CardRow, "due" | "lastReview"> & { slug: string; due: number; lastReview: number | null })[];
  marks: { topic: string; status: TopicStatus }[];
}

const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** The latest answer to one question, by the (userId, questionSlug, answeredAt DESC) index: one probe per question. */
export const LATEST_ANSWER_SQL = (user: string, question: string) =>
  `SELECT correct FROM "QuizAnswer" WHERE "userId" = ${user} AND "questionSlug" = ${question} ORDER BY "answeredAt" DESC LIMIT 1`;

export async function loadUserEvidence({ userId, now }: { userId: string; now: Date }): Promise<UserProgressEvidence> {
  const choiceSlugs = (await getQuestionBank()).questions.flatMap((q) => (q.kind === "choice" ? [q.slug] : []));
  const [row] = await db.$queryRawUnsafe<EvidenceRow[]>(
    `SELECT
       (SELECT "timeZone" FROM "User" WHERE id = $1) AS "timeZone",
       (SELECT coalesce(json_agg(json_build_object('slug', "exerciseSlug", 'solved', "firstSolvedAt" IS NOT NULL)), '[]')
          FROM "ExerciseProgress" WHERE "userId" = $1) AS progress,
       (SELECT coalesce(json_agg(json_build_object('slug', q.slug, 'correct', latest.correct)), '[]')
          FROM unnest($2::text[]) AS q(slug) CROSS JOIN LATERAL (${LATEST_ANSWER_SQL("$1", "q.slug")}) AS latest) AS quiz,
       (SELECT coalesce(json_agg(json_build_object(
            'slug', "questionSlug", 'due', ${epochMs('"due"')}, 'stability', stability, 'difficulty', difficulty,
            'elapsedDays', "elapsedDays", 'scheduledDays', "scheduledDays", 'learningSteps', "learningSteps",
            'reps', reps, 'lapses', lapses, 'state', state, 'lastReview', ${epochMs('"lastReview"')})), '[]')
          FROM "ReviewCard" WHERE "userId" = $1) AS cards,
       (SELECT coalesce(json_agg(json_build_object('topic', "topicId", 'status', status)), '[]')
          FROM "TopicMark" WHERE "userId" = $1) AS marks`,
    userId,
    choiceSlugs,
  );
  const evidence = row ?? { timeZone: null, progress: [], quiz: [], cards: [], marks: [] };
  const cards = new Map<string, CardRow>(
    evidence.cards.map(({ slug, due, lastReview, ...card }) => [
      slug,
      { ...card, due: new Date(due), lastReview: lastReview === null ? null : new Date(lastReview) },
    ]),
  );
  return {
    solved: new Set(evidence.progress.filter((p) => p.solved).map((p) => p.slug)),
    attempted: new Set(evidence.progress.map((p) => p.slug)),
    latestQuizAnswer: new Map(evidence.quiz.map((q) => [q.slug, q.correct])),
    retention: new Map([...cards].map(([slug, card]) => [slug, retrievability(card, now)])),
    cards,
    marks: new Map(evidence.marks.map((m) => [m.topic, m.status])),
    timeZone: evidence.timeZone ?? "UTC",
  };
}

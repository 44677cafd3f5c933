import "server-only";
// A topic's quiz: its multiple-choice questions as the user sees them before answering (which
// options are right, and why, stay on the server until an answer is checked).
import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/exercises/render-statement";
import { getQuestionBank, questionsOfTopic } from "@/lib/questions/question-bank";

export interface QuizQuestionView {
  slug: string;
  promptHtml: string;
  options: string[];
  /** How many options are right: more than one asks for all that apply. */
  answersToChoose: number;
  /** Whether the user's latest answer was right (null: never answered). */
  lastAnswerRight: boolean | null;
}

export async function getQuiz({ userId, topicId }: { userId: string; topicId: string }): Promise<QuizQuestionView[]> {
  const bank = await getQuestionBank();
  const questions = questionsOfTopic(bank.questions, topicId).flatMap((q) => (q.kind === "choice" ? [q] : []));
  const latest = await db.$queryRaw<{ questionSlug: string; correct: boolean }[]>`
    SELECT DISTINCT ON ("questionSlug") "questionSlug", "correct"
    FROM "QuizAnswer" WHERE "userId" = ${userId} AND "questionSlug" = ANY(${questions.map((q) => q.slug)})
    ORDER BY "questionSlug", "answeredAt" DESC`;
  const last = new Map(latest.map((row) => [row.questionSlug, row.correct]));
  return Promise.all(
    questions.map(async (q) => ({
      slug: q.slug,
      promptHtml: await renderMarkdown(q.prompt),
      options: q.options.map((o) => o.text),
      answersToChoose: q.options.filter((o) => o.correct).length,
      lastAnswerRight: last.get(q.slug) ?? null,
    })),
  );
}

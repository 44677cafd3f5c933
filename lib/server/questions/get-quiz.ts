import "server-only";
// A topic's quiz: its multiple-choice questions as the user sees them before answering (which
// options are right, and why, stay on the server until an answer is checked).
import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/exercises/render-statement";
import { getQuestionBank, questionsOfTopic } from "@/lib/questions/question-bank";
import { LATEST_ANSWER_SQL } from "@/lib/server/progress/load-user-evidence";

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
  const latest = await db.$queryRawUnsafe<{ questionSlug: string; correct: boolean }[]>(
    `SELECT q.slug AS "questionSlug", latest.correct FROM unnest($2::text[]) AS q(slug) CROSS JOIN LATERAL (${LATEST_ANSWER_SQL("$1", "q.slug")}) AS latest`,
    userId,
    questions.map((q) => q.slug),
  );
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

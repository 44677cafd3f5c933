import "server-only";
// Checks one answer to a multiple-choice question and records it: right only when exactly the
// right options are chosen. The reply carries every option's verdict and explanation.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireChoiceQuestion } from "@/lib/questions/question-bank";
import { recordActivity } from "@/lib/server/progress/record-activity";

export interface QuizAnswerResult {
  correct: boolean;
  options: { correct: boolean; explanation: string }[];
}

export async function answerQuizQuestion({
  userId,
  questionSlug,
  chosen,
}: {
  userId: string;
  questionSlug: string;
  chosen: number[];
}): Promise<QuizAnswerResult> {
  const question = await requireChoiceQuestion(questionSlug);
  if (chosen.some((index) => index >= question.options.length))
    throw new AppError("INVALID_INPUT", `That question has ${question.options.length} options: choose among them.`);
  const picked = new Set(chosen);
  const correct = question.options.every((option, index) => option.correct === picked.has(index));
  await db.$transaction(async (tx) => {
    await tx.quizAnswer.create({ data: { userId, questionSlug, chosen: [...picked].sort(), correct } });
    await recordActivity(tx, { userId });
  });
  return { correct, options: question.options.map((option) => ({ correct: option.correct, explanation: option.explanation })) };
}

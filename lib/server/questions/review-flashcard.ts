import "server-only";
// One review of a flashcard: ts-fsrs computes the card's next state from its stored one, and the
// card and the log of the review are written together.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { describeInterval, type GradeName, reviewCard } from "@/lib/progress/flashcard-schedule";
import { isReviewable, requireQuestion } from "@/lib/questions/question-bank";
import { recordActivity } from "@/lib/server/progress/record-activity";

export async function reviewFlashcard({
  userId,
  questionSlug,
  grade,
  now = new Date(),
}: {
  userId: string;
  questionSlug: string;
  grade: GradeName;
  now?: Date;
}): Promise<{ due: string; interval: string }> {
  const question = await requireQuestion(questionSlug);
  if (!isReviewable(question))
    throw new AppError("INVALID_INPUT", "Only flashcards and open questions are reviewed; answer multiple-choice questions in the quiz.");
  return db.$transaction(async (tx) => {
    const row = await tx.reviewCard.findUnique({ where: { userId_questionSlug: { userId, questionSlug } } });
    const { card, log } = reviewCard(row, grade, now);
    await tx.reviewCard.upsert({
      where: { userId_questionSlug: { userId, questionSlug } },
      create: { userId, questionSlug, ...card },
      update: card,
    });
    await tx.reviewLog.create({ data: { userId, questionSlug, ...log } });
    await recordActivity(tx, { userId, at: now });
    return { due: card.due.toISOString(), interval: describeInterval(now, card.due) };
  });
}

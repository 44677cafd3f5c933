"use server";
// Server actions of the roadmap's practice: quiz answers, flashcard reviews, topic marks, the time zone.
import { authedAction } from "@/lib/actions/safe-action";
import { markTopic } from "@/lib/server/progress/mark-topic";
import { rememberTimeZone } from "@/lib/server/progress/remember-time-zone";
import { answerQuizQuestion } from "@/lib/server/questions/answer-quiz-question";
import { reviewFlashcard } from "@/lib/server/questions/review-flashcard";
import { answerQuizSchema, markTopicSchema, reviewFlashcardSchema, timeZoneSchema } from "@/lib/validations/progress";

export const answerQuizAction = authedAction(answerQuizSchema, (input, { user }) => answerQuizQuestion({ userId: user.id, ...input }));

export const reviewFlashcardAction = authedAction(reviewFlashcardSchema, (input, { user }) => reviewFlashcard({ userId: user.id, ...input }));

export const markTopicAction = authedAction(markTopicSchema, async (input, { user }) => {
  await markTopic({ userId: user.id, ...input });
  return null;
});

export const rememberTimeZoneAction = authedAction(timeZoneSchema, async (input, { user }) => {
  await rememberTimeZone({ userId: user.id, ...input });
  return null;
});

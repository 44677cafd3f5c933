// Contracts of the roadmap's practice: quiz answers, flashcard reviews, topic marks, the time zone.
import "@/lib/validations/zod-setup";
import { z } from "zod";

export const questionSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "That question does not exist.")
  .max(100);
export const topicIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "That topic does not exist.")
  .max(100);

export const answerQuizSchema = z.object({
  questionSlug: questionSlugSchema,
  /** Indexes of the options chosen: at least one, each once. */
  chosen: z
    .array(z.int().min(0).max(5))
    .min(1, "Choose an answer first.")
    .max(6)
    .refine((chosen) => new Set(chosen).size === chosen.length, "Each option can be chosen once."),
});

export const reviewFlashcardSchema = z.object({
  questionSlug: questionSlugSchema,
  grade: z.enum(["again", "hard", "good", "easy"]),
});

export const markTopicSchema = z.object({
  topicId: topicIdSchema,
  /** null takes the mark away. */
  status: z.enum(["learning", "done", "skipped"]).nullable(),
});

export const timeZoneSchema = z.object({ timeZone: z.string().min(1).max(64) });

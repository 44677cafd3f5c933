// The contract of questions/<topic>.yaml: the concept questions filed under one roadmap topic.
import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens");
const text = (max: number) => z.string().trim().min(3).max(max);

const common = {
  slug,
  /** Markdown: the question as the user reads it. */
  prompt: text(1200),
  /** Further roadmap topics the question belongs to (the file names the first). */
  also: z.array(slug).default([]),
  /** Items of questions/coverage.yaml the question answers (a seed interview question, a key concept, a Go mapping). */
  covers: z.array(z.string().regex(/^(seed|concept|go):[a-z0-9-]+$/, 'must be "seed:<id>", "concept:<id>" or "go:<id>"')).default([]),
};

const choiceOption = z
  .object({
    text: text(400),
    correct: z.boolean(),
    /** Why this option is right or wrong: shown after the answer is checked. */
    explanation: text(800),
  })
  .strict();

export const choiceQuestionSchema = z
  .object({
    ...common,
    kind: z.literal("choice"),
    options: z
      .array(choiceOption)
      .min(3, "offer at least three options")
      .max(6)
      .refine((options) => options.some((o) => o.correct), "mark at least one option correct")
      .refine((options) => options.some((o) => !o.correct), "leave at least one option wrong"),
  })
  .strict();

export const flashcardQuestionSchema = z.object({ ...common, kind: z.literal("flashcard"), answer: text(1500) }).strict();

export const openQuestionSchema = z
  .object({
    ...common,
    kind: z.literal("open"),
    modelAnswer: text(3000),
    /** What a strong answer contains: the points an interviewer listens for. */
    strongAnswer: z.array(text(300)).min(2),
    commonMistakes: z.array(text(300)).min(1),
  })
  .strict();

export const questionSchema = z.discriminatedUnion("kind", [choiceQuestionSchema, flashcardQuestionSchema, openQuestionSchema]);

export const questionFileSchema = z
  .object({
    topic: slug,
    questions: z.array(z.unknown()).min(1),
  })
  .strict();

export const coverageSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            id: z.string().regex(/^(seed|concept|go):[a-z0-9-]+$/),
            /** The seed question, concept or mapping in words. */
            title: text(200),
            /** The seed document it comes from. */
            source: z.string().min(3),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type ChoiceQuestion = z.infer<typeof choiceQuestionSchema>;
export type FlashcardQuestion = z.infer<typeof flashcardQuestionSchema>;
export type OpenQuestion = z.infer<typeof openQuestionSchema>;
export type QuestionData = z.infer<typeof questionSchema>;
export type QuestionKind = QuestionData["kind"];
/** A question with the topics it is filed under (its file's topic first). */
export type Question = QuestionData & { topics: string[] };
export type Coverage = z.infer<typeof coverageSchema>;

// Contracts of rubrics and scorecards: what their forms send and the server checks.
import "@/lib/validations/zod-setup";
import { z } from "zod";
import { teamSlugSchema } from "@/lib/validations/interviews";

// A rubric: dimensions scored 1 to 4, each score with a written anchor, and an overall
// recommendation; a dimension may take a suggested score from the room's grading (lib/scorecards/suggest-scores.ts).
export const SCORES = [1, 2, 3, 4] as const;
export type Score = (typeof SCORES)[number];

export const RECOMMENDATIONS = ["strong_no", "no", "yes", "strong_yes"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** What the room's grading can suggest a dimension's score from. */
export const SUGGESTION_SOURCES = ["correctness", "performance"] as const;
export type SuggestionSource = (typeof SUGGESTION_SOURCES)[number];

export const MAX_DIMENSIONS = 10;

export const rubricDimensionSchema = z.object({
  /** Stable across renames: a scorecard's scores are keyed by it. */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "A dimension's key is lowercase letters, digits and hyphens."),
  name: z.string().trim().min(1, "Name every dimension.").max(60, "Keep a dimension's name to 60 characters."),
  description: z.string().trim().max(300, "Keep a dimension's description to 300 characters."),
  anchors: z
    .array(z.string().trim().min(1, "Write what each score means: every anchor is needed.").max(300, "Keep each anchor to 300 characters."))
    .length(4, "A dimension has four anchors, one per score from 1 to 4."),
  suggestFrom: z.enum(SUGGESTION_SOURCES).nullable(),
});
export type RubricDimension = z.infer<typeof rubricDimensionSchema>;

export const rubricSchema = z
  .array(rubricDimensionSchema)
  .min(1, "A rubric has at least one dimension.")
  .max(MAX_DIMENSIONS, `A rubric has at most ${MAX_DIMENSIONS} dimensions.`)
  .refine((dimensions) => new Set(dimensions.map((d) => d.key)).size === dimensions.length, "Each dimension's key must be different.")
  .refine(
    (dimensions) => new Set(dimensions.map((d) => d.name.toLowerCase())).size === dimensions.length,
    "Two dimensions have the same name: give each its own.",
  );
export type Rubric = z.infer<typeof rubricSchema>;

const idSchema = z.string().regex(/^[\w-]{1,64}$/, "That id names nothing here.");
export const MAX_SUMMARY_CHARS = 20_000;

/** A rubric as its editor sends it: a new dimension has no key yet (the server gives it one from its name). */
export const saveRubricSchema = z.object({
  slug: teamSlugSchema,
  dimensions: z
    .array(rubricDimensionSchema.extend({ key: rubricDimensionSchema.shape.key.optional() }))
    .min(1, "A rubric has at least one dimension.")
    .max(MAX_DIMENSIONS, `A rubric has at most ${MAX_DIMENSIONS} dimensions.`),
});
export type SaveRubricInput = z.infer<typeof saveRubricSchema>;

export const teamSlugInputSchema = z.object({ slug: teamSlugSchema });

export const saveScorecardSchema = z.object({
  interviewId: idSchema,
  scores: z.record(z.string().max(40), z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable()),
  recommendation: z.enum(RECOMMENDATIONS, { error: "A recommendation is strong no, no, yes or strong yes." }).nullable(),
  summary: z.string().max(MAX_SUMMARY_CHARS, `Keep the summary to ${MAX_SUMMARY_CHARS.toLocaleString("en")} characters.`),
  submit: z.boolean(),
});
export type SaveScorecardInput = z.infer<typeof saveScorecardSchema>;

import { z } from "zod";
import { LANGUAGES } from "@/lib/exercises/manifest";
import { codeSchema } from "@/lib/validations/submissions";

export const saveDraftSchema = z.object({
  exerciseSlug: z.string().min(1).max(100),
  language: z.enum(LANGUAGES),
  code: codeSchema,
});

export const resetDraftSchema = saveDraftSchema.omit({ code: true });

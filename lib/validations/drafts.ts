import "@/lib/validations/zod-setup";
import { z } from "zod";
import { LANGUAGES } from "@/contracts/languages";
import { codeSchema, exerciseSlugSchema } from "@/lib/validations/submissions";

export const saveDraftSchema = z.object({
  exerciseSlug: exerciseSlugSchema,
  language: z.enum(LANGUAGES),
  code: codeSchema,
});

export const resetDraftSchema = saveDraftSchema.omit({ code: true });

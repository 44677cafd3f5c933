import { z } from "zod";
import { LANGUAGES } from "@/lib/exercises/manifest";
import { MAX_CODE_BYTES } from "@/lib/validations/submissions";

export const saveDraftSchema = z.object({
  exerciseSlug: z.string().min(1).max(100),
  language: z.enum(LANGUAGES),
  code: z.string().refine((code) => Buffer.byteLength(code, "utf8") <= MAX_CODE_BYTES, "Code is limited to 64 KiB."),
});

export const resetDraftSchema = saveDraftSchema.omit({ code: true });

// The contract of exercises/<slug>/exercise.yaml.
import { z } from "zod";
import { LANGUAGES } from "@/contracts/languages";
import { exerciseLimitsSchema } from "@/contracts/programs";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens");
const fileName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, "must be a plain file name (no folders, no leading dot)");

export const exerciseManifestSchema = z
  .object({
    slug,
    title: z.string().min(3).max(80),
    summary: z.string().min(10).max(280),
    /** Roadmap topic ids (roadmap/roadmap.yaml). */
    topics: z.array(slug).min(1),
    difficulty: z.enum(["easy", "medium", "hard"]),
    kind: z.enum(["io", "link", "server"]),
    /** For each language offered: the one file the user writes; the starter folder holds the rest read-only. */
    languages: z
      .partialRecord(z.enum(LANGUAGES), z.object({ edit: fileName }).strict())
      .refine((languages) => Object.keys(languages).length > 0, "offer at least one language"),
    limits: exerciseLimitsSchema.optional(),
    tags: z.array(z.string().min(1).max(40)).default([]),
  })
  .strict();

export type ExerciseManifest = z.infer<typeof exerciseManifestSchema>;

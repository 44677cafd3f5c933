import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findExerciseManifest } from "@/lib/exercises/exercise-catalog";
import type { Language } from "@/contracts/languages";

/** Keeps the code a user is writing, per exercise and language, so it follows them to any browser. */
export async function saveDraft(options: { userId: string; exerciseSlug: string; language: Language; code: string }): Promise<{ savedAt: Date }> {
  const manifest = await findExerciseManifest(options.exerciseSlug);
  if (!manifest?.languages[options.language]) throw new AppError("NOT_FOUND", "That exercise or language does not exist.");
  const { userId, exerciseSlug, language, code } = options;
  const draft = await db.draft.upsert({
    where: { userId_exerciseSlug_language: { userId, exerciseSlug, language } },
    create: { userId, exerciseSlug, language, code },
    update: { code },
    select: { updatedAt: true },
  });
  return { savedAt: draft.updatedAt };
}

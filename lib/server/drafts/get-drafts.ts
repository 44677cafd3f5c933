import "server-only";
import { db } from "@/lib/db";
import type { Language } from "@/contracts/languages";

/** A user's saved code for an exercise, by language. */
export async function getDrafts(options: { userId: string; exerciseSlug: string }): Promise<Partial<Record<Language, string>>> {
  const drafts = await db.draft.findMany({ where: options, select: { language: true, code: true } });
  return Object.fromEntries(drafts.map((draft) => [draft.language, draft.code]));
}

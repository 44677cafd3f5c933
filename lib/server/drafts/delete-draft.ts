import "server-only";
import { db } from "@/lib/db";
import type { Language } from "@/contracts/languages";

/** "Reset to starter": forgets the saved draft of one language. */
export async function deleteDraft(options: { userId: string; exerciseSlug: string; language: Language }): Promise<void> {
  await db.draft.deleteMany({ where: options });
}

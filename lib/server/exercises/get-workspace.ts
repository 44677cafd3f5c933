import "server-only";
import { findExerciseManifest } from "@/lib/exercises/exercise-catalog";
import { AppError } from "@/lib/errors";
import { getDrafts } from "@/lib/server/drafts/get-drafts";
import { listSubmissions } from "@/lib/server/submissions/list-submissions";
import { type Workspace, workspaceSchema } from "@/lib/validations/workspace";

/** A reader's own work on an exercise (nothing when signed out); parsed on the way out. */
export async function getWorkspace(options: { userId: string | null; exerciseSlug: string }): Promise<Workspace> {
  if (!(await findExerciseManifest(options.exerciseSlug))) throw new AppError("NOT_FOUND", `There is no exercise "${options.exerciseSlug}".`);
  if (!options.userId) return { signedIn: false, drafts: {}, history: [] };
  const [drafts, history] = await Promise.all([
    getDrafts({ userId: options.userId, exerciseSlug: options.exerciseSlug }),
    listSubmissions({ userId: options.userId, exerciseSlug: options.exerciseSlug }),
  ]);
  return workspaceSchema.parse({ signedIn: true, drafts, history: history.map((entry) => ({ ...entry, queuedAt: entry.queuedAt.toISOString() })) });
}

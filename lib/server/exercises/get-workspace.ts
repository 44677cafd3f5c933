import "server-only";
import { requireExerciseManifest } from "@/lib/exercises/exercise-catalog";
import { getDrafts } from "@/lib/server/drafts/get-drafts";
import { listSubmissions } from "@/lib/server/submissions/list-submissions";
import { type Workspace, workspaceSchema } from "@/lib/validations/workspace";

/** A reader's own work on an exercise (nothing when signed out); parsed on the way out. */
export async function getWorkspace(options: { userId: string | null; exerciseSlug: string }): Promise<Workspace> {
  await requireExerciseManifest(options.exerciseSlug);
  if (!options.userId) return { signedIn: false, drafts: {}, history: [] };
  const [drafts, history] = await Promise.all([
    getDrafts({ userId: options.userId, exerciseSlug: options.exerciseSlug }),
    listSubmissions({ userId: options.userId, exerciseSlug: options.exerciseSlug }),
  ]);
  return workspaceSchema.parse({ signedIn: true, drafts, history: history.map((entry) => ({ ...entry, queuedAt: entry.queuedAt.toISOString() })) });
}

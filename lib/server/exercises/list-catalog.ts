import "server-only";
import type { CatalogEntry } from "@/lib/exercises/catalog-search";
import { getExerciseManifests } from "@/lib/exercises/exercise-catalog";
import { LANGUAGE_LABELS, type Language } from "@/contracts/languages";
import { getRoadmap } from "@/lib/exercises/roadmap";
import { getExerciseStatuses } from "@/lib/server/progress/get-exercise-statuses";

/** Every exercise as the catalog shows it, with the signed-in user's status on each. */
export async function listCatalog({ userId }: { userId: string | null }): Promise<CatalogEntry[]> {
  const [manifests, roadmap, statuses] = await Promise.all([
    getExerciseManifests(),
    getRoadmap(),
    userId ? getExerciseStatuses({ userId }) : Promise.resolve(null),
  ]);
  const topicTitles = new Map(roadmap.sections.flatMap((section) => section.topics.map((topic) => [topic.id, topic.title])));
  return manifests.map((manifest) => ({
    slug: manifest.slug,
    title: manifest.title,
    summary: manifest.summary,
    difficulty: manifest.difficulty,
    kind: manifest.kind,
    languages: (Object.keys(manifest.languages) as Language[]).map((id) => ({ id, label: LANGUAGE_LABELS[id] })),
    topics: manifest.topics.map((id) => ({ id, title: topicTitles.get(id) ?? id })),
    status: statuses ? (statuses[manifest.slug] ?? "new") : null,
  }));
}

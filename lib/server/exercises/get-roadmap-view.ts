import "server-only";
import { getExerciseManifests } from "@/lib/exercises/exercise-catalog";
import { loadRoadmap } from "@/lib/exercises/roadmap";
import { type ExerciseStatus, getExerciseStatuses } from "@/lib/server/progress/get-exercise-statuses";

export interface RoadmapTopicView {
  id: string;
  title: string;
  exercises: { slug: string; title: string; difficulty: string; status: ExerciseStatus | null }[];
}

export interface RoadmapSectionView {
  id: string;
  title: string;
  topics: RoadmapTopicView[];
}

/** The roadmap's sections and topics with the exercises filed under each, and the user's status on them. */
export async function getRoadmapView({ userId }: { userId: string | null }): Promise<RoadmapSectionView[]> {
  const [roadmap, manifests, statuses] = await Promise.all([
    loadRoadmap(),
    getExerciseManifests(),
    userId ? getExerciseStatuses({ userId }) : Promise.resolve(null),
  ]);
  return roadmap.sections.map((section) => ({
    id: section.id,
    title: section.title,
    topics: section.topics.map((topic) => ({
      id: topic.id,
      title: topic.title,
      exercises: manifests
        .filter((manifest) => manifest.topics.includes(topic.id))
        .map((manifest) => ({
          slug: manifest.slug,
          title: manifest.title,
          difficulty: manifest.difficulty,
          status: statuses ? (statuses[manifest.slug] ?? "new") : null,
        })),
    })),
  }));
}

import "server-only";
// The roadmap with a user's standing on every topic: mastery and its parts, their own mark
// (learning / done / skipped), the exercises and questions filed under it, and cards due today.
import type { TopicStatus } from "@/lib/generated/prisma/client";
import { getExerciseManifests } from "@/lib/exercises/exercise-catalog";
import { getRoadmap } from "@/lib/exercises/roadmap";
import { getQuestionBank, isReviewable, questionsOfTopic } from "@/lib/questions/question-bank";
import { type TopicMastery, topicMastery } from "@/lib/progress/mastery";
import { endOfDay } from "@/lib/progress/time-zone";
import { loadUserEvidence } from "@/lib/server/progress/load-user-evidence";
import type { ExerciseStatus } from "@/lib/server/progress/get-exercise-statuses";

export interface TopicProgress {
  id: string;
  title: string;
  sectionId: string;
  /** Null for a visitor who is not signed in. */
  mastery: TopicMastery | null;
  status: TopicStatus | null;
  exercises: { slug: string; title: string; difficulty: "easy" | "medium" | "hard"; status: ExerciseStatus | null }[];
  questions: { choice: number; cards: number; open: number };
  /** This topic's cards due before the user's day ends. */
  reviewsDue: number;
  /** Its flashcards and open questions not yet in the user's deck. */
  newCards: number;
}

export interface SectionProgress {
  id: string;
  title: string;
  topics: TopicProgress[];
  /** Mean mastery of its topics not skipped (null when signed out). */
  mastery: number | null;
  done: number;
}

export interface RoadmapProgress {
  sections: SectionProgress[];
  /** The user's time zone (UTC for a visitor). */
  timeZone: string;
  /** Distinct cards due before the user's day ends. */
  reviewsDue: number;
}

export async function getRoadmapProgress({ userId, now = new Date() }: { userId: string | null; now?: Date }): Promise<RoadmapProgress> {
  const [roadmap, manifests, bank, evidence] = await Promise.all([
    getRoadmap(),
    getExerciseManifests(),
    getQuestionBank(),
    userId ? loadUserEvidence({ userId, now }) : null,
  ]);
  const timeZone = evidence?.timeZone ?? "UTC";
  const dayEnds = endOfDay(timeZone, now);
  const statusOf = evidence?.marks ?? new Map<string, TopicStatus>();
  const isDue = (slug: string) => {
    const card = evidence?.cards.get(slug);
    return card !== undefined && card.due <= dayEnds;
  };

  const sections = roadmap.sections.map((section): SectionProgress => {
    const topics = section.topics.map((topic): TopicProgress => {
      const questions = questionsOfTopic(bank.questions, topic.id);
      const cardSlugs = questions.filter(isReviewable).map((q) => q.slug);
      const choiceSlugs = questions.filter((q) => q.kind === "choice").map((q) => q.slug);
      const exercises = manifests
        .filter((manifest) => manifest.topics.includes(topic.id))
        .map((manifest) => ({
          slug: manifest.slug,
          title: manifest.title,
          difficulty: manifest.difficulty,
          status: evidence ? (evidence.solved.has(manifest.slug) ? "solved" : evidence.attempted.has(manifest.slug) ? "attempted" : "new") : null,
        })) satisfies TopicProgress["exercises"];
      return {
        id: topic.id,
        title: topic.title,
        sectionId: section.id,
        mastery: evidence ? topicMastery({ exercises, choiceSlugs, cardSlugs }, evidence) : null,
        status: statusOf.get(topic.id) ?? null,
        exercises,
        questions: { choice: choiceSlugs.length, cards: cardSlugs.length, open: questions.filter((q) => q.kind === "open").length },
        reviewsDue: cardSlugs.filter(isDue).length,
        newCards: evidence ? cardSlugs.filter((slug) => !evidence.cards.has(slug)).length : cardSlugs.length,
      };
    });
    const counted = topics.filter((topic) => topic.status !== "skipped");
    return {
      id: section.id,
      title: section.title,
      topics,
      mastery: evidence && counted.length > 0 ? counted.reduce((sum, topic) => sum + (topic.mastery?.mastery ?? 0), 0) / counted.length : null,
      done: topics.filter((topic) => topic.status === "done").length,
    };
  });
  const reviewsDue = evidence ? [...evidence.cards.values()].filter((card) => card.due <= dayEnds).length : 0;
  return { sections, reviewsDue, timeZone };
}

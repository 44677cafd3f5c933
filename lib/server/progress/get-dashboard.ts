import "server-only";
// Everything the dashboard shows, for one user: mastery by section and topic, activity and streaks
// in their time zone, where they left off, reviews due, the next step, and each exercise's history.
import { db } from "@/lib/db";
import { getExerciseManifests } from "@/lib/exercises/exercise-catalog";
import { addDays, dayIn, streaks } from "@/lib/progress/streaks";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { type ActivityDay, getActivity } from "@/lib/server/progress/get-activity";
import { getRoadmapProgress, type RoadmapProgress, type TopicProgress } from "@/lib/server/progress/get-roadmap-progress";

export interface NextStep {
  topic: { id: string; title: string; mastery: number };
  action: { kind: "exercise" | "quiz" | "flashcards" | "topic"; label: string; href: string };
}

export interface ExerciseHistory {
  slug: string;
  title: string;
  /** Oldest first. `ratio` is CPU time against the reference's (null when no performance check ran). */
  submits: { at: string; verdict: string | null; ratio: number | null }[];
}

export interface Dashboard {
  roadmap: RoadmapProgress;
  timeZone: string;
  today: string;
  /** The last year, by day (only days with activity). */
  activity: ActivityDay[];
  streak: { current: number; longest: number };
  continueWith: { label: string; href: string } | null;
  nextStep: NextStep | null;
  history: ExerciseHistory[];
}

/** What GET /api/progress/dashboard answers: the dashboard and whom it greets. */
export interface DashboardResponse {
  userName: string;
  dashboard: Dashboard;
}

const HISTORY_PER_EXERCISE = 30;

/** The weakest topic in roadmap order (not marked done or skipped), with the first thing to open in it. */
export function chooseNextStep(topics: TopicProgress[]): NextStep | null {
  let weakest: TopicProgress | undefined;
  for (const topic of topics) {
    if (topic.status === "done" || topic.status === "skipped" || !topic.mastery) continue;
    if (topic.mastery.mastery >= 0.999) continue;
    if (!weakest || topic.mastery.mastery < (weakest.mastery?.mastery ?? 0)) weakest = topic;
  }
  if (!weakest?.mastery) return null;
  const order = { easy: 0, medium: 1, hard: 2 } as const;
  const exercise = weakest.exercises.filter((e) => e.status !== "solved").sort((a, b) => order[a.difficulty] - order[b.difficulty])[0];
  const quizOpen = weakest.questions.choice > 0 && (weakest.mastery.quiz ?? 1) < 1;
  const action: NextStep["action"] = exercise
    ? { kind: "exercise", label: `Solve ${exercise.title}`, href: `/exercises/${exercise.slug}` }
    : quizOpen
      ? { kind: "quiz", label: `Take the ${weakest.title} quiz`, href: `/roadmap/${weakest.id}/quiz` }
      : weakest.newCards > 0 || weakest.reviewsDue > 0
        ? { kind: "flashcards", label: `Study the ${weakest.title} flashcards`, href: `/review?topic=${weakest.id}` }
        : { kind: "topic", label: `Open ${weakest.title}`, href: `/roadmap/${weakest.id}` };
  return { topic: { id: weakest.id, title: weakest.title, mastery: weakest.mastery.mastery }, action };
}

/** The latest of: a draft or a submitted exercise not yet solved, the last quiz answered. */
async function findContinue(userId: string, roadmapProgress: Promise<RoadmapProgress>): Promise<Dashboard["continueWith"]> {
  const [manifests, bank, roadmap, rows] = await Promise.all([
    getExerciseManifests(),
    getQuestionBank(),
    roadmapProgress,
    db.$queryRaw<{ kind: "exercise" | "quiz"; slug: string; at: Date }[]>`
      (SELECT 'exercise' AS kind, "exerciseSlug" AS slug, "updatedAt" AS at FROM "Draft" WHERE "userId" = ${userId} ORDER BY "updatedAt" DESC LIMIT 5)
      UNION ALL
      (SELECT 'exercise', "exerciseSlug", "lastSubmittedAt" FROM "ExerciseProgress"
        WHERE "userId" = ${userId} AND "firstSolvedAt" IS NULL AND "lastSubmittedAt" IS NOT NULL ORDER BY "lastSubmittedAt" DESC LIMIT 1)
      UNION ALL
      (SELECT 'quiz', "questionSlug", "answeredAt" FROM "QuizAnswer" WHERE "userId" = ${userId} ORDER BY "answeredAt" DESC LIMIT 1)`,
  ]);
  const titleOf = new Map(manifests.map((m) => [m.slug, m.title]));
  const solved = new Set(roadmap.sections.flatMap((s) => s.topics.flatMap((t) => t.exercises.filter((e) => e.status === "solved").map((e) => e.slug))));
  const latest = rows
    .filter((row) => (row.kind === "exercise" ? titleOf.has(row.slug) && !solved.has(row.slug) : true))
    .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  if (!latest) return null;
  if (latest.kind === "exercise") return { label: `Continue ${titleOf.get(latest.slug)}`, href: `/exercises/${latest.slug}` };
  const topic = bank.questions.find((q) => q.slug === latest.slug)?.topics[0];
  return topic ? { label: "Continue your last quiz", href: `/roadmap/${topic}/quiz` } : null;
}

async function getHistory(userId: string): Promise<ExerciseHistory[]> {
  const manifests = await getExerciseManifests();
  const rows = await db.$queryRaw<{ slug: string; verdict: string | null; ratio: number | null; at: Date }[]>`
    SELECT e.slug, s.verdict, s.ratio, s.at FROM unnest(${manifests.map((m) => m.slug)}::text[]) AS e(slug)
    CROSS JOIN LATERAL (
      SELECT "verdict"::text AS verdict, ("metrics"->'performance'->>'ratio')::float8 AS ratio, "queuedAt" AS at
      FROM "Submission"
      WHERE "userId" = ${userId} AND "exerciseSlug" = e.slug AND "kind" = 'submit' AND "interviewId" IS NULL AND "status" = 'done'
      ORDER BY "queuedAt" DESC LIMIT ${HISTORY_PER_EXERCISE}
    ) AS s`;
  return manifests
    .map((manifest) => ({
      slug: manifest.slug,
      title: manifest.title,
      submits: rows
        .filter((row) => row.slug === manifest.slug)
        .reverse()
        .map((row) => ({ at: row.at.toISOString(), verdict: row.verdict, ratio: row.ratio })),
    }))
    .filter((history) => history.submits.length > 0);
}

export async function getDashboard({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<Dashboard> {
  const roadmapProgress = getRoadmapProgress({ userId, now });
  const [roadmap, activity, continueWith, history] = await Promise.all([
    roadmapProgress,
    getActivity({ userId }),
    findContinue(userId, roadmapProgress),
    getHistory(userId),
  ]);
  const timeZone = roadmap.timeZone;
  const today = dayIn(timeZone, now);
  const yearAgo = addDays(today, -364);
  return {
    roadmap,
    timeZone,
    today,
    activity: activity.filter((day) => day.date >= yearAgo && day.date <= today),
    streak: streaks(
      activity.map((day) => day.date),
      today,
    ),
    continueWith,
    nextStep: chooseNextStep(roadmap.sections.flatMap((section) => section.topics)),
    history,
  };
}

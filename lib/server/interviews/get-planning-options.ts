import "server-only";
import { db } from "@/lib/db";
import { getExerciseManifests } from "@/lib/exercises/exercise-catalog";
import { getRoadmap } from "@/lib/exercises/roadmap";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { listTeams } from "@/lib/server/teams/list-teams";

export interface PlanningOptions {
  /** The teams the user may plan interviews for (as an owner or interviewer), with their candidates. */
  teams: { id: string; name: string; candidates: { userId: string; name: string }[] }[];
  exercises: { slug: string; title: string }[];
  /** The bank's open interview questions, by roadmap topic. */
  bankQuestions: { topicTitle: string; questions: { slug: string; prompt: string }[] }[];
}

export async function getPlanningOptions({ userId }: { userId: string }): Promise<PlanningOptions> {
  const leading = (await listTeams({ userId })).filter((team) => team.role !== "candidate");
  const [bank, roadmap] = await Promise.all([getQuestionBank(), getRoadmap()]);
  const candidates = await db.member.findMany({
    where: { organizationId: { in: leading.map((team) => team.id) }, role: "candidate" },
    select: { organizationId: true, userId: true, user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return {
    teams: leading.map((team) => ({
      id: team.id,
      name: team.name,
      candidates: candidates.filter((c) => c.organizationId === team.id).map((c) => ({ userId: c.userId, name: c.user.name })),
    })),
    exercises: (await getExerciseManifests()).map((manifest) => ({ slug: manifest.slug, title: manifest.title })),
    bankQuestions: roadmap.sections
      .flatMap((section) => section.topics)
      .map((topic) => ({
        topicTitle: topic.title,
        questions: bank.questions.filter((q) => q.kind === "open" && q.topics[0] === topic.id).map((q) => ({ slug: q.slug, prompt: q.prompt.trim() })),
      }))
      .filter((group) => group.questions.length > 0),
  };
}

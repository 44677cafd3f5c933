import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findExerciseManifest } from "@/lib/exercises/exercise-catalog";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { teamRoleOf } from "@/lib/server/interviews/room-access";
import type { PlanInterviewInput } from "@/lib/validations/interviews";

/** An owner or interviewer plans an interview of their team; the candidate, when named, must be one of its candidates. */
export async function planInterview({ userId, input }: { userId: string; input: PlanInterviewInput }): Promise<{ id: string }> {
  const role = await teamRoleOf(userId, input.teamId);
  if (role === null) throw new AppError("NOT_FOUND", "There is no such team, or you are not one of its members.");
  if (role === "candidate") throw new AppError("FORBIDDEN", "Only the team's owners and interviewers plan interviews.");
  for (const slug of input.exerciseSlugs) {
    if (!(await findExerciseManifest(slug))) throw new AppError("INVALID_INPUT", `There is no exercise "${slug}" in the catalog.`);
  }
  const bank = await getQuestionBank();
  for (const slug of input.questionSlugs) {
    if (bank.questions.find((q) => q.slug === slug)?.kind !== "open")
      throw new AppError("INVALID_INPUT", `There is no open interview question "${slug}" in the question bank.`);
  }
  if (input.candidateUserId) {
    const candidateRole = await teamRoleOf(input.candidateUserId, input.teamId);
    if (candidateRole !== "candidate") {
      throw new AppError("INVALID_INPUT", "The candidate must be a member of the team with the candidate role; or leave it empty to invite a guest by link.");
    }
  }
  return db.interview.create({
    data: {
      organizationId: input.teamId,
      title: input.title,
      plannedById: userId,
      candidateUserId: input.candidateUserId ?? null,
      exerciseSlugs: input.exerciseSlugs,
      durationMinutes: input.durationMinutes,
      questions: input.questions,
      questionSlugs: input.questionSlugs,
    },
    select: { id: true },
  });
}

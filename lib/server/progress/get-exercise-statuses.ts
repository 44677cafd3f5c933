import "server-only";
import { db } from "@/lib/db";

export type ExerciseStatus = "solved" | "attempted" | "new";

/** For each exercise a user has submitted to: solved (ever accepted) or attempted. */
export async function getExerciseStatuses({ userId }: { userId: string }): Promise<Record<string, ExerciseStatus>> {
  const rows = await db.exerciseProgress.findMany({ where: { userId }, select: { exerciseSlug: true, firstSolvedAt: true } });
  return Object.fromEntries(rows.map((row) => [row.exerciseSlug, row.firstSolvedAt ? "solved" : "attempted"]));
}

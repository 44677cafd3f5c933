import "server-only";
import { db } from "@/lib/db";

export interface ProgressSummary {
  submissions: number;
  attempted: number;
  solved: number;
  lastSubmittedAt: Date | null;
}

/** A user's totals across all exercises, for the dashboard. */
export async function getProgressSummary({ userId }: { userId: string }): Promise<ProgressSummary> {
  const [submissions, attempted, solved, latest] = await Promise.all([
    db.submission.count({ where: { userId, kind: "submit", interviewId: null } }),
    db.exerciseProgress.count({ where: { userId } }),
    db.exerciseProgress.count({ where: { userId, firstSolvedAt: { not: null } } }),
    db.exerciseProgress.findFirst({
      where: { userId, lastSubmittedAt: { not: null } },
      orderBy: { lastSubmittedAt: "desc" },
      select: { lastSubmittedAt: true },
    }),
  ]);
  return { submissions, attempted, solved, lastSubmittedAt: latest?.lastSubmittedAt ?? null };
}

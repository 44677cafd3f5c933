import "server-only";
import { db } from "@/lib/db";

export interface SubmissionSummary {
  id: string;
  kind: "run" | "submit";
  language: string;
  status: "queued" | "running" | "done" | "internal_error";
  verdict: string | null;
  score: number | null;
  queuedAt: Date;
  code: string;
}

/** A user's latest submissions for one exercise, newest first, with their code (theirs to see). */
export async function listSubmissions(options: { userId: string; exerciseSlug: string; limit?: number }): Promise<SubmissionSummary[]> {
  return db.submission.findMany({
    where: { userId: options.userId, exerciseSlug: options.exerciseSlug },
    orderBy: { queuedAt: "desc" },
    take: options.limit ?? 20,
    select: { id: true, kind: true, language: true, status: true, verdict: true, score: true, queuedAt: true, code: true },
  });
}

import "server-only";
import { db } from "@/lib/db";
import type { ResultSummary } from "@/lib/validations/workspace";

export interface SubmissionSummary extends ResultSummary {
  id: string;
  kind: "run" | "submit";
  language: string;
  status: "queued" | "running" | "done" | "internal_error";
  verdict: string | null;
  score: number | null;
  queuedAt: Date;
  code: string;
}

/**
 * A user's latest practice submissions for one exercise (an interview room's runs are the room's), newest first, with their code (theirs to see) and
 * their results in figures: computed in the database (as summarizeResult does), so the results
 * themselves, tests and outputs, never leave it for a list.
 */
export async function listSubmissions(options: { userId: string; exerciseSlug: string; limit?: number }): Promise<SubmissionSummary[]> {
  return db.$queryRaw<SubmissionSummary[]>`
    SELECT id, kind::text AS kind, language, status::text AS status, verdict::text AS verdict, score, "queuedAt", code,
      CASE WHEN results IS NULL THEN NULL
        ELSE (SELECT count(*) FROM jsonb_array_elements(results->'tests') AS test WHERE test->>'status' = 'pass')::int END AS "testsPassed",
      CASE WHEN results IS NULL THEN NULL ELSE jsonb_array_length(results->'tests') END AS "testsTotal",
      (results->'metrics'->>'maxCpuMs')::float8 AS "cpuMs",
      (results->'performance'->>'ratio')::float8 AS "performanceRatio"
    FROM "Submission"
    WHERE "userId" = ${options.userId} AND "exerciseSlug" = ${options.exerciseSlug} AND "interviewId" IS NULL
    ORDER BY "queuedAt" DESC
    LIMIT ${options.limit ?? 20}`;
}

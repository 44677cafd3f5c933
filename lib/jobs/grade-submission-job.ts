// The grading job's definition, apart from its handler (worker/grade-submission.ts): the web tier
// enqueues it, the worker re-validates the payload. Keyed by submission id, so a job added twice for
// the same submission is one job, and a retry grades the same row.
import { z } from "zod";

export const gradeSubmissionJob = {
  id: "grade-submission",
  version: 1,
  payload: z.object({ version: z.literal(1), submissionId: z.string().min(1) }),
  /** Tries before a submission ends as internal_error (graphile-worker backs off exponentially between them). */
  maxAttempts: 4,
  jobKey: (submissionId: string) => `grade:${submissionId}`,
} as const;

export type GradeSubmissionPayload = z.infer<typeof gradeSubmissionJob.payload>;

/**
 * SQL that enqueues the job; run it in the transaction that inserts the submission so that either
 * both exist or neither does. Returns the statement and its parameters for any SQL client.
 */
export function enqueueGradeSubmissionSql(submissionId: string): { text: string; values: unknown[] } {
  const payload: GradeSubmissionPayload = { version: gradeSubmissionJob.version, submissionId };
  return {
    text: `SELECT graphile_worker.add_job($1, $2::json, job_key := $3, max_attempts := $4)`,
    values: [gradeSubmissionJob.id, JSON.stringify(payload), gradeSubmissionJob.jobKey(submissionId), gradeSubmissionJob.maxAttempts],
  };
}

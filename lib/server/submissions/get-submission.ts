import "server-only";
import { gradingResultSchema } from "@/contracts/grading-result";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { INTERNAL_ERROR_NOTICE, type PublicSubmission, publicSubmissionSchema } from "@/lib/validations/submissions";

const SUBMISSION_ID = /^[\w-]{1,64}$/;

/**
 * A submission as its owner sees it. Anyone else gets "not found", so ids reveal nothing.
 * The result is parsed through the public schema on the way out.
 */
export async function getSubmission({ userId, submissionId }: { userId: string; submissionId: string }): Promise<PublicSubmission> {
  // Ids are short runs of letters, digits, - and _; anything else (a NUL, which the database refuses) names nothing.
  const submission = SUBMISSION_ID.test(submissionId) ? await db.submission.findFirst({ where: { id: submissionId, userId } }) : null;
  if (!submission) throw new AppError("NOT_FOUND", "There is no such submission, or it is not yours.");
  return publicSubmissionOf(submission);
}

type SubmissionRow = NonNullable<Awaited<ReturnType<typeof db.submission.findFirst>>>;

/** A stored submission as whoever may see it sees it: parsed through the public schema on the way out. */
export async function publicSubmissionOf(submission: SubmissionRow): Promise<PublicSubmission> {
  const queuePosition =
    submission.status === "queued" ? 1 + (await db.submission.count({ where: { status: "queued", queuedAt: { lt: submission.queuedAt } } })) : null;
  return publicSubmissionSchema.parse({
    id: submission.id,
    exerciseSlug: submission.exerciseSlug,
    language: submission.language,
    kind: submission.kind,
    status: submission.status,
    verdict: submission.verdict,
    score: submission.score,
    result: submission.results === null ? null : gradingResultSchema.parse(submission.results),
    notice: submission.status === "internal_error" ? INTERNAL_ERROR_NOTICE : null,
    queuePosition,
    queuedAt: submission.queuedAt,
    startedAt: submission.startedAt,
    finishedAt: submission.finishedAt,
  });
}

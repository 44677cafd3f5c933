import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireExerciseManifest } from "@/lib/exercises/exercise-catalog";
import { LANGUAGE_LABELS } from "@/contracts/languages";
import { publishSubmissionEvent } from "@/lib/grading/submission-events";
import { enqueueGradeSubmissionSql } from "@/lib/jobs/grade-submission-job";
import { getGradingStatus } from "@/lib/server/grading/get-grading-status";
import { recordActivity } from "@/lib/server/progress/record-activity";
import type { CreateSubmissionInput } from "@/lib/validations/submissions";

/** Submissions of one user waiting or being graded at once. */
export const MAX_PENDING_PER_USER = 5;
/** Submissions of one user per minute. */
export const MAX_PER_MINUTE = 30;
/** The first key of the advisory lock that serialises one user's new submissions (the second is the user). */
const SUBMISSION_LIMIT_LOCK = 0x5_0b_31;

/** Who submits: a user (practising, or in an interview room), or an interview's guest. */
export type SubmissionAuthor = { userId: string } | { guestId: string };

/**
 * Records a Run or Submit and enqueues its grading in one transaction: either both happen or
 * neither does, so no submission waits for a job that was never queued. A run from an interview
 * room names the interview; it counts toward its author's limits like any other.
 */
export async function createSubmission({
  author,
  interviewId,
  input,
}: {
  author: SubmissionAuthor;
  interviewId?: string;
  input: CreateSubmissionInput;
}): Promise<{ id: string }> {
  const authorKey = "userId" in author ? author.userId : `guest:${author.guestId}`;
  const byAuthor = "userId" in author ? { userId: author.userId } : { guestId: author.guestId };
  const manifest = await requireExerciseManifest(input.exerciseSlug);
  if (!manifest.languages[input.language]) {
    const offered = Object.keys(manifest.languages).map((l) => LANGUAGE_LABELS[l as keyof typeof LANGUAGE_LABELS]);
    throw new AppError("INVALID_INPUT", `${manifest.title} is offered in ${offered.join(", ")}, not ${LANGUAGE_LABELS[input.language]}.`);
  }
  if (input.stdin !== undefined && manifest.kind === "server") {
    throw new AppError("INVALID_INPUT", `${manifest.title} is a server: a Run tests it with its own clients and takes no input of yours.`);
  }

  return db.$transaction(
    async (tx) => {
      // One user's submissions are counted and inserted under a lock held to the end of this
      // transaction: parallel requests take turns, so none counts before another's insert commits.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SUBMISSION_LIMIT_LOCK}::int, hashtext(${authorKey}))`;
      const pending = await tx.submission.count({ where: { ...byAuthor, status: { in: ["queued", "running"] } } });
      if (pending >= MAX_PENDING_PER_USER) {
        const why =
          (await getGradingStatus({ client: tx })) === "paused"
            ? `You have ${pending} submissions waiting, and grading is paused: no worker is running. They are graded when one starts; then try again.`
            : `You have ${pending} submissions still being graded. Wait for one to finish, then try again.`;
        throw new AppError("RATE_LIMITED", why, { retryAfterSeconds: 5 });
      }
      const lastMinute = await tx.submission.count({ where: { ...byAuthor, queuedAt: { gt: new Date(Date.now() - 60_000) } } });
      if (lastMinute >= MAX_PER_MINUTE) {
        throw new AppError("RATE_LIMITED", `That is ${lastMinute} submissions in the last minute. Wait a minute, then try again.`, { retryAfterSeconds: 60 });
      }
      const submission = await tx.submission.create({
        data: {
          ...byAuthor,
          interviewId,
          exerciseSlug: input.exerciseSlug,
          language: input.language,
          code: input.code,
          kind: input.kind,
          stdin: input.stdin === undefined ? undefined : Buffer.from(input.stdin, "utf8"),
        },
        select: { id: true },
      });
      if ("userId" in author && !interviewId) await recordActivity(tx, { userId: author.userId });
      const job = enqueueGradeSubmissionSql(submission.id);
      await tx.$executeRawUnsafe(job.text, ...job.values);
      await publishSubmissionEvent(tx, submission.id, { type: "queued" });
      return submission;
    },
    // A burst from one user queues on the lock; each turn takes milliseconds.
    { maxWait: 10_000, timeout: 10_000 },
  );
}

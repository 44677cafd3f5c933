// The grading job's handler: re-validates the payload, grades the submission once, and records the
// verdict; our own failures are retried, and after the last try end as internal_error.
import type { JobHelpers } from "graphile-worker";
import type { Logger } from "pino";
import { db } from "@/lib/db";
import { getExercisePackage } from "@/lib/exercises/exercise-catalog";
import { LANGUAGES, type Language } from "@/contracts/languages";
import type { ProgramBuilder } from "@/contracts/programs";
import { loadGrader } from "@/graders/core/load-grader";
import { publishSubmissionEvent } from "@/lib/grading/submission-events";
import type { SubmissionEvent } from "@/lib/validations/submissions";
import { gradeSubmissionJob } from "@/lib/jobs/grade-submission-job";
import { judgeSubmission } from "@/graders/core/judge-submission";
import { recordInternalError, recordResult } from "@/worker/record-result";

/** A grading that takes longer than this is abandoned and retried: something on our side hangs. */
const GRADING_TIMEOUT_MS = 10 * 60_000;

export function makeGradeSubmissionTask(options: { builder: ProgramBuilder; logger: Logger; workerName: string }) {
  return async (rawPayload: unknown, helpers: JobHelpers): Promise<void> => {
    const payload = gradeSubmissionJob.payload.safeParse(rawPayload);
    if (!payload.success) {
      options.logger.error({ payload: rawPayload, issues: payload.error.issues }, "dropping a grading job with an invalid payload");
      return;
    }
    const { submissionId } = payload.data;
    const attempt = helpers.job.attempts;
    const log = options.logger.child({ submissionId, attempt, jobId: helpers.job.id });

    const submission = await db.submission.findUnique({ where: { id: submissionId } });
    if (!submission) {
      log.warn("submission no longer exists; nothing to grade");
      return;
    }
    if (submission.status === "done" || submission.status === "internal_error") {
      log.info("submission already graded; not grading it twice");
      return;
    }

    await db.submission.update({
      where: { id: submissionId },
      data: { status: "running", startedAt: new Date(), workerId: options.workerName, attempts: attempt },
    });
    await publishSubmissionEvent(db, submissionId, { type: "started", attempt });

    // Progress events are written in order in the background while grading goes on; all of them
    // are in before the result (which ends the stream) is recorded.
    let published: Promise<void> = Promise.resolve();
    const publish = (event: SubmissionEvent): void => {
      published = published.then(() => publishSubmissionEvent(db, submissionId, event));
    };
    try {
      const language = submission.language as Language;
      if (!LANGUAGES.includes(language)) throw new Error(`Unknown language ${submission.language}.`);
      const [exercise, grader] = await Promise.all([getExercisePackage(submission.exerciseSlug), loadGrader(submission.exerciseSlug)]);
      const result = await withTimeout(
        judgeSubmission({
          exercise,
          grader,
          language,
          code: submission.code,
          mode: submission.kind,
          customInput: submission.stdin === null ? undefined : Buffer.from(submission.stdin).toString("utf8"),
          builder: options.builder,
          onCompiling: (step) => publish({ type: "compiling", step }),
          onProgress: (progress) => publish(progress),
        }),
        GRADING_TIMEOUT_MS,
      );
      await published;
      await recordResult({
        submissionId,
        practiceUserId: submission.interviewId ? null : submission.userId,
        exerciseSlug: submission.exerciseSlug,
        kind: submission.kind,
        result,
      });
      log.info({ verdict: result.verdict, score: result.score }, "graded");
    } catch (error) {
      await published.catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= helpers.job.max_attempts) {
        log.error({ err: error }, "grading failed on the last try; the submission ends as internal_error");
        await recordInternalError({ submissionId, reason });
        return;
      }
      log.warn({ err: error }, "grading failed on our side; it will be retried");
      await db.submission.update({ where: { id: submissionId }, data: { status: "queued", errorReason: reason.slice(0, 4000) } });
      await publishSubmissionEvent(db, submissionId, { type: "retrying", attempt });
      throw error;
    }
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Grading took longer than ${ms / 1000} s.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Writes a finished grading, as its user may see it (publicResult): the submission's verdict and,
// for a practice Submit, the user's progress on the exercise, with the final `done` event, in one
// transaction. A run from an interview room is no practice: it leaves progress alone.
import type { GradingResult } from "@/contracts/grading-result";
import { publicResult } from "@/graders/core/results";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishSubmissionEvent } from "@/lib/grading/submission-events";

export async function recordResult(options: {
  submissionId: string;
  /** The user whose practice progress a Submit moves; null for an interview room's runs. */
  practiceUserId: string | null;
  exerciseSlug: string;
  kind: "run" | "submit";
  result: GradingResult;
}): Promise<void> {
  const { submissionId, practiceUserId, exerciseSlug, kind } = options;
  // What is stored is what its user may see (the API and the page read it as it is).
  const result = publicResult(options.result);
  const finishedAt = new Date();
  await db.$transaction(async (tx) => {
    // Only a row still being graded is written: a late duplicate of a finished job changes nothing.
    const updated = await tx.submission.updateMany({
      where: { id: submissionId, status: { in: ["queued", "running"] } },
      data: {
        status: "done",
        verdict: result.verdict,
        score: result.score,
        results: result as unknown as Prisma.InputJsonValue,
        metrics: { ...result.metrics, performance: result.performance ?? null } as Prisma.InputJsonValue,
        finishedAt,
        errorReason: null,
      },
    });
    if (updated.count === 0) return;
    if (kind === "submit" && practiceUserId) await updateProgress(tx, { userId: practiceUserId, exerciseSlug, result, at: finishedAt });
    await publishSubmissionEvent(tx, submissionId, { type: "done", status: "done", verdict: result.verdict, score: result.score });
  });
}

async function updateProgress(
  tx: Prisma.TransactionClient,
  { userId, exerciseSlug, result, at }: { userId: string; exerciseSlug: string; result: GradingResult; at: Date },
): Promise<void> {
  const solved = result.verdict === "AC";
  const current = await tx.exerciseProgress.findUnique({ where: { userId_exerciseSlug: { userId, exerciseSlug } } });
  const improves = !current || solved || (current.bestVerdict !== "AC" && result.score > current.bestScore);
  await tx.exerciseProgress.upsert({
    where: { userId_exerciseSlug: { userId, exerciseSlug } },
    create: {
      userId,
      exerciseSlug,
      attempts: 1,
      bestVerdict: result.verdict,
      bestScore: result.score,
      firstSolvedAt: solved ? at : null,
      lastSubmittedAt: at,
    },
    update: {
      attempts: { increment: 1 },
      lastSubmittedAt: at,
      ...(improves ? { bestVerdict: current?.bestVerdict === "AC" ? "AC" : result.verdict, bestScore: Math.max(result.score, current?.bestScore ?? 0) } : {}),
      ...(solved && !current?.firstSolvedAt ? { firstSolvedAt: at } : {}),
    },
  });
}

/** After the last try: the submission ends as our fault, with the reason kept for operators. */
export async function recordInternalError(options: { submissionId: string; reason: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.submission.updateMany({
      where: { id: options.submissionId, status: { in: ["queued", "running"] } },
      data: { status: "internal_error", verdict: "IE", errorReason: options.reason.slice(0, 4000), finishedAt: new Date() },
    });
    if (updated.count === 0) return;
    await publishSubmissionEvent(tx, options.submissionId, { type: "done", status: "internal_error", verdict: "IE", score: null });
  });
}

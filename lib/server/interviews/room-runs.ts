import "server-only";
// Runs and Submits from an interview room: graded by the normal pipeline, seen by everyone in the
// room (live progress and results), kept in the room's list.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { announceInterviewChange } from "@/lib/interviews/interview-events";
import { interviewPhase } from "@/lib/interviews/interview-phase";
import { guestName } from "@/lib/interviews/display-names";
import { requireRoomAccess, type Viewer } from "@/lib/server/interviews/room-access";
import { createSubmission } from "@/lib/server/submissions/create-submission";
import type { RoomRunInput } from "@/lib/validations/interviews";
import { type GradingResult, gradingResultSchema } from "@/contracts/grading-result";
import { publicSubmissionOf } from "@/lib/server/submissions/get-submission";
import type { PublicSubmission } from "@/lib/validations/submissions";

export interface RoomRun {
  id: string;
  kind: "run" | "submit";
  exerciseSlug: string;
  language: string;
  authorName: string;
  status: string;
  verdict: string | null;
  score: number | null;
  queuedAt: Date;
}

/** A room run's author as the room names them. */
function authorName({ user, guest }: { user: { name: string } | null; guest: { name: string } | null }): string {
  return user?.name ?? (guest ? guestName(guest.name) : "someone");
}

/** What every listing of the room's runs reads: the run, its verdict and its author. */
const runSelect = {
  id: true,
  kind: true,
  exerciseSlug: true,
  language: true,
  status: true,
  verdict: true,
  queuedAt: true,
  user: { select: { name: true } },
  guest: { select: { name: true } },
} as const;

export interface GradedRoomRun {
  id: string;
  kind: "run" | "submit";
  exerciseSlug: string;
  language: string;
  authorName: string;
  status: "queued" | "running" | "done" | "internal_error";
  verdict: string | null;
  /** As the worker recorded it; null until graded (or when it cannot be read). */
  results: GradingResult | null;
  queuedAt: Date;
  finishedAt: Date | null;
}

/** Enough for the busiest interview; a room sending more is refused long before (the submission throttle). */
const MAX_GRADED_RUNS = 2_000;

/** The room's runs and Submits, oldest first, with their results: what a scorecard's signals and the replay are made of. */
export async function readGradedRoomRuns(interviewId: string): Promise<GradedRoomRun[]> {
  const rows = await db.submission.findMany({
    where: { interviewId },
    orderBy: { queuedAt: "asc" },
    take: MAX_GRADED_RUNS,
    select: { ...runSelect, results: true, finishedAt: true },
  });
  return rows.map(({ user, guest, results, ...row }) => {
    const parsed = results === null ? null : gradingResultSchema.safeParse(results);
    return { ...row, authorName: authorName({ user, guest }), results: parsed?.success ? parsed.data : null };
  });
}

export async function createRoomRun({ viewer, input }: { viewer: Viewer; input: RoomRunInput }): Promise<{ id: string }> {
  const { interview, participant } = await requireRoomAccess({ interviewId: input.interviewId, viewer });
  if (!interview.exerciseSlugs.includes(input.exerciseSlug)) throw new AppError("INVALID_INPUT", "That exercise is not one of this interview's.");
  if (participant.role === "candidate" && interviewPhase(interview) === "finished") {
    throw new AppError("FORBIDDEN", "The interview has ended: its code can no longer be run.");
  }
  const author = participant.kind === "member" ? { userId: participant.id } : { guestId: participant.id };
  const { exerciseSlug, language, code, kind } = input;
  const created = await createSubmission({ author, interviewId: interview.id, input: { exerciseSlug, language, code, kind } });
  await announceInterviewChange(db, interview.id);
  return created;
}

export async function listRoomRuns({ interviewId }: { interviewId: string }): Promise<RoomRun[]> {
  const rows = await db.submission.findMany({
    where: { interviewId },
    orderBy: { queuedAt: "desc" },
    take: 100,
    select: { ...runSelect, score: true },
  });
  return rows.map(({ user, guest, ...row }) => ({ ...row, authorName: authorName({ user, guest }) }));
}

/** One of the room's runs as every participant may see it (its code is the room's anyway). */
export async function getRoomRun({
  viewer,
  interviewId,
  submissionId,
}: {
  viewer: Viewer;
  interviewId: string;
  submissionId: string;
}): Promise<PublicSubmission> {
  await requireRoomAccess({ interviewId, viewer });
  const submission = /^[\w-]{1,64}$/.test(submissionId) ? await db.submission.findFirst({ where: { id: submissionId, interviewId } }) : null;
  if (!submission) throw new AppError("NOT_FOUND", "There is no such run in this interview.");
  return publicSubmissionOf(submission);
}

import "server-only";
// Runs and Submits from an interview room: graded by the normal pipeline, seen by everyone in the
// room (live progress and results), kept in the room's list.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { announceInterviewChange } from "@/lib/interviews/interview-events";
import { interviewPhase } from "@/lib/interviews/interview-phase";
import { requireRoomAccess, type Viewer } from "@/lib/server/interviews/room-access";
import { createSubmission } from "@/lib/server/submissions/create-submission";
import type { RoomRunInput } from "@/lib/validations/interviews";
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
    select: {
      id: true,
      kind: true,
      exerciseSlug: true,
      language: true,
      status: true,
      verdict: true,
      score: true,
      queuedAt: true,
      user: { select: { name: true } },
      guest: { select: { name: true } },
    },
  });
  return rows.map(({ user, guest, ...row }) => ({ ...row, authorName: user?.name ?? (guest ? `${guest.name} (guest)` : "someone") }));
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

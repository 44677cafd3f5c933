import "server-only";
// The exercises' hints in an interview room. The candidate reveals them one at a time, in order,
// for everyone in the room, and each one opened is kept (a room event) as a signal for the
// scorecards; interviewers see every hint from the start and open none.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { announceInterviewChange } from "@/lib/interviews/interview-events";
import { interviewPhase } from "@/lib/interviews/interview-phase";
import { splitHints } from "@/lib/exercises/render-statement";
import { getExercisePackage } from "@/lib/exercises/exercise-catalog";
import { requireRoomAccess, type Viewer } from "@/lib/server/interviews/room-access";

/** Per exercise of the interview, how many of its hints the candidate has opened. */
export async function readHintsOpened(interviewId: string): Promise<Record<string, number>> {
  const events = await db.interviewEvent.findMany({ where: { interviewId, kind: "hint" }, select: { data: true } });
  const opened: Record<string, number> = {};
  for (const { data } of events) {
    const { exercise, index } = data as { exercise: string; index: number };
    opened[exercise] = Math.max(opened[exercise] ?? 0, index + 1);
  }
  return opened;
}

export async function hintCount(exerciseSlug: string): Promise<number> {
  const exercise = await getExercisePackage(exerciseSlug);
  return splitHints(exercise.statement).hints.length;
}

/** Opens the candidate's next hint of an exercise; returns how many are open now. Opening one already open changes nothing. */
export async function openHint({
  interviewId,
  viewer,
  exerciseSlug,
  index,
}: {
  interviewId: string;
  viewer: Viewer;
  exerciseSlug: string;
  index: number;
}): Promise<{ opened: number }> {
  const { interview, participant } = await requireRoomAccess({ interviewId, viewer });
  if (participant.role !== "candidate") throw new AppError("FORBIDDEN", "Interviewers see every hint already; only the candidate opens them.");
  if (!interview.exerciseSlugs.includes(exerciseSlug)) throw new AppError("INVALID_INPUT", "That exercise is not one of this interview's.");
  if (interviewPhase(interview) !== "live") throw new AppError("CONFLICT", "Hints open while the interview is running.");
  const total = await hintCount(exerciseSlug);
  if (index >= total) throw new AppError("INVALID_INPUT", `This exercise has ${total} hints.`);
  const opened = (await readHintsOpened(interviewId))[exerciseSlug] ?? 0;
  if (index < opened) return { opened };
  if (index > opened) throw new AppError("CONFLICT", `Hints open in order: open hint ${opened + 1} first.`);
  await db.interviewEvent.create({
    data: { interviewId, kind: "hint", actorKind: participant.kind, actorId: participant.id, data: { exercise: exerciseSlug, index } },
  });
  await announceInterviewChange(db, interviewId);
  return { opened: index + 1 };
}

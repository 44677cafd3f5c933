import "server-only";
// The interview's timer, held by the server: an interviewer starts it (now + the planned duration),
// extends it, or ends it. Each change is announced (the collaboration server tells the room, locks
// the candidate's editor at the end and keeps the final code) and kept as a room event for the replay.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { announceInterviewChange } from "@/lib/interviews/interview-events";
import { interviewPhase } from "@/lib/interviews/interview-phase";
import { requireInterviewer, type Viewer } from "@/lib/server/interviews/room-access";

type TimerChange = { action: "start" } | { action: "extend"; minutes: number } | { action: "end" };

export async function controlTimer({ interviewId, viewer, change }: { interviewId: string; viewer: Viewer; change: TimerChange }): Promise<void> {
  const { interview, participant } = await requireInterviewer({ interviewId, viewer });
  const now = new Date();
  const phase = interviewPhase(interview, now.getTime());
  await db.$transaction(async (tx) => {
    // Only the state this decision was made on is changed: two interviewers pressing at once do not stack up.
    const where = { id: interviewId, startedAt: interview.startedAt, endsAt: interview.endsAt, endedAt: interview.endedAt };
    let updated: { count: number };
    switch (change.action) {
      case "start":
        if (phase !== "planned") throw new AppError("CONFLICT", phase === "live" ? "The interview has already started." : "The interview has ended.");
        updated = await tx.interview.updateMany({ where, data: { startedAt: now, endsAt: new Date(now.getTime() + interview.durationMinutes * 60_000) } });
        break;
      case "extend":
        if (phase !== "live") throw new AppError("CONFLICT", phase === "planned" ? "Start the interview before extending it." : "The interview has ended.");
        updated = await tx.interview.updateMany({ where, data: { endsAt: new Date(interview.endsAt!.getTime() + change.minutes * 60_000) } });
        break;
      case "end":
        if (phase === "finished") throw new AppError("CONFLICT", "The interview has already ended.");
        updated = await tx.interview.updateMany({ where, data: { startedAt: interview.startedAt ?? now, endsAt: now, endedAt: now } });
        break;
    }
    if (updated.count === 0) throw new AppError("CONFLICT", "The timer changed meanwhile (another interviewer?): look at it again, then retry.");
    await tx.interviewEvent.create({ data: { interviewId, kind: "timer", actorKind: "member", actorId: participant.id, data: change, at: now } });
    await announceInterviewChange(tx, interviewId);
  });
}

import "server-only";
// An owner of the team deletes an interview with everything recorded of it: its shared document and
// every edit, its runs and submissions with their results, its guests and the interviewers' notes
// (the database cascades from the interview). Not while it is live: the room would keep writing.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { announceInterviewChange } from "@/lib/interviews/interview-events";
import { interviewPhase } from "@/lib/interviews/interview-phase";
import { requireRoomAccess, type Viewer } from "@/lib/server/interviews/room-access";

export async function deleteInterview({ interviewId, viewer }: { interviewId: string; viewer: Viewer }): Promise<{ deleted: string }> {
  const { interview, participant, teamRole } = await requireRoomAccess({ interviewId, viewer });
  if (participant.role !== "interviewer" || teamRole !== "owner") throw new AppError("FORBIDDEN", "Only an owner of the team can delete an interview.");
  if (interviewPhase(interview) === "live") throw new AppError("INVALID_INPUT", "The interview is running: end it first, then delete it.");
  await db.interview.delete({ where: { id: interview.id } });
  await announceInterviewChange(db, interview.id);
  return { deleted: interview.id };
}

// Who enters an interview's room, and as what: the rule the web tier applies when it mints a room
// token, and the collaboration server again when the token is used.
//   - the team's owners and interviewers: as interviewers, in every interview of the team but their own;
//   - the candidate member, while still a member of the team: as the candidate, even once made an
//     interviewer or owner (the notes and scorecards about them stay out of their reach);
//   - a guest (the interview has no candidate member): as the candidate, until the interview ends.
import { type InterviewTimer, interviewPhase } from "@/lib/interviews/interview-phase";

export type RoomRole = "interviewer" | "candidate";

export function memberRoomRole(teamRole: string | null, userId: string, interview: { candidateUserId: string | null }): RoomRole | null {
  if (teamRole === null) return null;
  if (interview.candidateUserId === userId) return "candidate";
  if (teamRole === "owner" || teamRole === "interviewer") return "interviewer";
  return null;
}

export function guestMayEnter(interview: InterviewTimer & { candidateUserId: string | null }, now = Date.now()): boolean {
  return interview.candidateUserId === null && interviewPhase(interview, now) !== "finished";
}

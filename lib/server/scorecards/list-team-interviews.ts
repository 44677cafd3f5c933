import "server-only";
// A team's interviews with their outcome, for its owners and interviewers: who was interviewed,
// when, how many scorecards are in, and what they recommend together (lib/scorecards/outcome.ts).
import { db } from "@/lib/db";
import { candidateName } from "@/lib/interviews/display-names";
import { type InterviewPhase, interviewPhase } from "@/lib/interviews/interview-phase";
import { type InterviewOutcome, interviewOutcome } from "@/lib/scorecards/outcome";
import type { Recommendation } from "@/lib/validations/scorecards";
import { requireTeamLeader } from "@/lib/server/teams/require-team-leader";

export interface TeamInterviewEntry {
  id: string;
  title: string;
  candidateName: string | null;
  phase: InterviewPhase;
  heldAt: Date | null;
  createdAt: Date;
  scorecardsIn: number;
  /** The viewer's own scorecard: none, a draft, or submitted. */
  yours: "none" | "draft" | "submitted";
  outcome: InterviewOutcome | null;
}

export async function listTeamInterviews({ userId, slug }: { userId: string; slug: string }): Promise<{ teamName: string; interviews: TeamInterviewEntry[] }> {
  const { team } = await requireTeamLeader({ userId, slug });
  const rows = await db.interview.findMany({
    where: { organizationId: team.id },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true,
      title: true,
      startedAt: true,
      endsAt: true,
      endedAt: true,
      createdAt: true,
      candidateUserId: true,
      candidate: { select: { name: true } },
      guests: { select: { name: true }, orderBy: { createdAt: "asc" }, take: 1 },
      scorecards: { select: { authorId: true, recommendation: true, submittedAt: true } },
    },
  });
  return {
    teamName: team.name,
    interviews: rows
      // The interview's candidate stays its candidate (lib/interviews/room-rules.ts): an interviewer's own interview is not theirs to judge.
      .filter((row) => row.candidateUserId !== userId)
      .map((row) => {
        const submitted = row.scorecards.filter((card) => card.submittedAt !== null);
        const own = row.scorecards.find((card) => card.authorId === userId);
        return {
          id: row.id,
          title: row.title,
          candidateName: candidateName({ candidate: row.candidate, guest: row.guests[0] }),
          phase: interviewPhase(row),
          heldAt: row.startedAt,
          createdAt: row.createdAt,
          scorecardsIn: submitted.length,
          yours: own ? (own.submittedAt ? "submitted" : "draft") : "none",
          outcome: interviewOutcome(submitted.map((card) => card.recommendation as Recommendation)),
        };
      }),
  };
}

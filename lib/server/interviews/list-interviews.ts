import "server-only";
import { db } from "@/lib/db";
import { candidateName } from "@/lib/interviews/display-names";
import { type InterviewPhase, interviewPhase } from "@/lib/interviews/interview-phase";

export interface InterviewListEntry {
  id: string;
  title: string;
  teamName: string;
  teamSlug: string;
  candidateName: string | null;
  phase: InterviewPhase;
  durationMinutes: number;
  startedAt: Date | null;
  endsAt: Date | null;
  createdAt: Date;
  /** The viewer's place in the room. */
  role: "interviewer" | "candidate";
}

/** Every interview the user may enter: all of their teams' as an owner or interviewer, their own as a candidate. */
export async function listInterviews({ userId }: { userId: string }): Promise<InterviewListEntry[]> {
  const memberships = await db.member.findMany({ where: { userId }, select: { organizationId: true, role: true } });
  const leading = memberships.filter((m) => m.role === "owner" || m.role === "interviewer").map((m) => m.organizationId);
  const candidateIn = memberships.filter((m) => m.role === "candidate").map((m) => m.organizationId);
  const rows = await db.interview.findMany({
    where: {
      OR: [{ organizationId: { in: leading } }, { organizationId: { in: candidateIn }, candidateUserId: userId }],
    },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      title: true,
      organizationId: true,
      candidateUserId: true,
      durationMinutes: true,
      startedAt: true,
      endsAt: true,
      endedAt: true,
      createdAt: true,
      organization: { select: { name: true, slug: true } },
      candidate: { select: { name: true } },
      guests: { select: { name: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    teamName: row.organization.name,
    teamSlug: row.organization.slug,
    candidateName: candidateName({ candidate: row.candidate, guest: row.guests[0] }),
    phase: interviewPhase(row),
    durationMinutes: row.durationMinutes,
    startedAt: row.startedAt,
    endsAt: row.endsAt,
    createdAt: row.createdAt,
    // As in the room (lib/interviews/room-rules.ts): the interview's candidate stays its candidate.
    role: row.candidateUserId !== userId && leading.includes(row.organizationId) ? "interviewer" : "candidate",
  }));
}

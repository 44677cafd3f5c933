import "server-only";
// A candidate's roadmap progress as their team's owners and interviewers see it. Anyone else (an
// outsider, a candidate, a member of another team) is told there is no such page.
import type { TeamRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRoadmapProgress, type RoadmapProgress } from "@/lib/server/progress/get-roadmap-progress";

export interface MemberProgressView {
  team: { name: string; slug: string };
  member: { id: string; name: string };
  roadmap: RoadmapProgress;
}

export async function getMemberProgress({ userId, slug, memberId }: { userId: string; slug: string; memberId: string }): Promise<MemberProgressView> {
  const team = await db.organization.findUnique({
    where: { slug },
    select: {
      name: true,
      slug: true,
      members: { where: { OR: [{ userId }, { id: memberId }] }, select: { id: true, userId: true, role: true, user: { select: { name: true } } } },
    },
  });
  const viewer = team?.members.find((m) => m.userId === userId);
  const member = team?.members.find((m) => m.id === memberId);
  const notFound = new AppError("NOT_FOUND", "There is no such member, or you may not see their progress.");
  if (!team || !viewer || !member) throw notFound;
  if ((viewer.role as TeamRole) === "candidate" || (member.role as TeamRole) !== "candidate") throw notFound;
  return {
    team: { name: team.name, slug: team.slug },
    member: { id: member.id, name: member.user.name },
    roadmap: await getRoadmapProgress({ userId: member.userId }),
  };
}

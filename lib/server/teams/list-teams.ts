import "server-only";
import type { TeamRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export interface TeamSummary {
  id: string;
  name: string;
  slug: string;
  role: TeamRole;
  memberCount: number;
}

/** The teams a user belongs to, with their role in each. */
export async function listTeams({ userId }: { userId: string }): Promise<TeamSummary[]> {
  const memberships = await db.member.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, organization: { select: { id: true, name: true, slug: true, _count: { select: { members: true } } } } },
  });
  return memberships.map(({ role, organization }) => ({
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    role: role as TeamRole,
    memberCount: organization._count.members,
  }));
}

import "server-only";
// A team's page as one of its members sees it; outsiders are told there is no such team. Pending
// invitations (with the links to share) are shown to those who may invite: owners and interviewers.
// A candidate sees the team's owners and interviewers and themselves, not the other candidates.
import { invitationLink } from "@/lib/auth/invitation-link";
import type { TeamRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface TeamView {
  id: string;
  name: string;
  slug: string;
  viewerRole: TeamRole;
  viewerMemberId: string;
  members: { id: string; userId: string; name: string; email: string; role: TeamRole; joinedAt: Date }[];
  invitations: { id: string; email: string; role: string; expiresAt: Date; link: string }[] | null;
}

export async function getTeam({ userId, slug }: { userId: string; slug: string }): Promise<TeamView> {
  const team = await db.organization.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      members: {
        orderBy: { createdAt: "asc" },
        select: { id: true, userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
      },
    },
  });
  const viewer = team?.members.find((member) => member.userId === userId);
  if (!team || !viewer) throw new AppError("NOT_FOUND", "There is no such team, or you are not one of its members.");
  const viewerRole = viewer.role as TeamRole;
  const invitations =
    viewerRole === "candidate"
      ? null
      : await db.invitation.findMany({
          where: { organizationId: team.id, status: "pending", expiresAt: { gt: new Date() } },
          orderBy: { createdAt: "desc" },
          select: { id: true, email: true, role: true, expiresAt: true },
        });
  return {
    id: team.id,
    name: team.name,
    slug: team.slug,
    viewerRole,
    viewerMemberId: viewer.id,
    members: team.members
      .filter((member) => viewerRole !== "candidate" || member.role !== "candidate" || member.id === viewer.id)
      .map((member) => ({
        id: member.id,
        userId: member.userId,
        name: member.user.name,
        email: member.user.email,
        role: member.role as TeamRole,
        joinedAt: member.createdAt,
      })),
    invitations: invitations?.map((invitation) => ({ ...invitation, role: invitation.role ?? "candidate", link: invitationLink(invitation.id) })) ?? null,
  };
}

import "server-only";
// A team as one of its owners or interviewers reaches it (its rubric, its interviews and their
// outcomes); a candidate or an outsider is told there is no such team.
import type { TeamRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function requireTeamLeader({
  userId,
  slug,
}: {
  userId: string;
  slug: string;
}): Promise<{ team: { id: string; name: string; slug: string }; role: Exclude<TeamRole, "candidate"> }> {
  const team = await db.organization.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  const member = team && (await db.member.findUnique({ where: { organizationId_userId: { organizationId: team.id, userId } }, select: { role: true } }));
  if (!team || !member || member.role === "candidate")
    throw new AppError("NOT_FOUND", "There is no such team, or you are not one of its owners or interviewers.");
  return { team, role: member.role as Exclude<TeamRole, "candidate"> };
}

import "server-only";
import { isInvitationToken } from "@/lib/auth/invitation-link";
import { db } from "@/lib/db";

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  teamName: string;
  inviterName: string;
  state: "pending" | "accepted" | "rejected" | "canceled" | "expired";
}

/** The invitation a link names, or null when the link's token is not that invitation's (or there is none). */
export async function getInvitationByLink(invitationId: string, token: string | undefined): Promise<InvitationView | null> {
  if (!isInvitationToken(invitationId, token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: { id: true, email: true, role: true, status: true, expiresAt: true, organization: { select: { name: true } }, inviter: { select: { name: true } } },
  });
  if (!invitation) return null;
  const state = invitation.status === "pending" && invitation.expiresAt < new Date() ? "expired" : (invitation.status as InvitationView["state"]);
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role ?? "candidate",
    teamName: invitation.organization.name,
    inviterName: invitation.inviter.name,
    state,
  };
}

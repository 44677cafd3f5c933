"use server";
// Server actions of the team pages. Each goes through better-auth's organization endpoints with the
// caller's session, so its permission checks (and osprep's hooks around them) decide what a role may do.
import { headers } from "next/headers";
import { authedAction } from "@/lib/actions/safe-action";
import { callAuth } from "@/lib/auth/auth-api-errors";
import { invitationLink } from "@/lib/auth/invitation-link";
import { auth } from "@/lib/auth/server";
import { cancelInvitationSchema, changeRoleSchema, createTeamSchema, inviteMemberSchema, removeMemberSchema } from "@/lib/validations/interviews";

export const createTeamAction = authedAction(createTeamSchema, async (input) => {
  const team = await callAuth(async () => auth.api.createOrganization({ body: { name: input.name, slug: input.slug }, headers: await headers() }));
  if (!team) throw new Error("better-auth created no team");
  return { slug: team.slug };
});

export const inviteMemberAction = authedAction(inviteMemberSchema, async (input) => {
  const invitation = await callAuth(async () =>
    auth.api.createInvitation({ body: { email: input.email, role: input.role, organizationId: input.teamId }, headers: await headers() }),
  );
  return { id: invitation.id, link: invitationLink(invitation.id) };
});

export const changeRoleAction = authedAction(changeRoleSchema, async (input) => {
  await callAuth(async () =>
    auth.api.updateMemberRole({ body: { memberId: input.memberId, role: input.role, organizationId: input.teamId }, headers: await headers() }),
  );
  return null;
});

export const removeMemberAction = authedAction(removeMemberSchema, async (input) => {
  await callAuth(async () => auth.api.removeMember({ body: { memberIdOrEmail: input.memberId, organizationId: input.teamId }, headers: await headers() }));
  return null;
});

export const cancelInvitationAction = authedAction(cancelInvitationSchema, async (input) => {
  await callAuth(async () => auth.api.cancelInvitation({ body: { invitationId: input.invitationId }, headers: await headers() }));
  return null;
});

// /invitations/:id?token=… — the link an inviter shares: who invites you to which team, as what;
// accept or decline once signed in with the invited address.
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/server/auth/get-current-user";
import { getInvitationByLink } from "@/lib/server/teams/get-invitation";
import { answerInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Team invitation" };

const STATE_SAYS = {
  accepted: "This invitation has been accepted.",
  rejected: "This invitation was declined.",
  canceled: "This invitation was withdrawn by the team.",
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
} as const;

export default async function InvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ token?: string; problem?: string }>;
}) {
  const { id } = await params;
  const { token, problem } = await searchParams;
  const invitation = await getInvitationByLink(id, token);
  if (!invitation) {
    return (
      <Card className="mx-auto flex max-w-md flex-col gap-2">
        <CardTitle>This invitation link is not valid</CardTitle>
        <CardDescription>Check that you opened the whole link the person who invited you shared, or ask them for it again.</CardDescription>
      </Card>
    );
  }
  const user = await getCurrentUser();
  const here = `/invitations/${encodeURIComponent(id)}?token=${encodeURIComponent(token ?? "")}`;
  return (
    <Card className="mx-auto flex max-w-md flex-col gap-4">
      <div className="flex flex-col gap-1">
        <CardTitle>Join {invitation.teamName}</CardTitle>
        <CardDescription>
          {invitation.inviterName} invites {invitation.email} to the team {invitation.teamName} as {invitation.role}.
        </CardDescription>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
      {invitation.state !== "pending" ? (
        <p className="text-sm">{STATE_SAYS[invitation.state]}</p>
      ) : !user ? (
        <p className="text-sm">
          <Link href={`/sign-in?next=${encodeURIComponent(here)}`} className="font-medium underline underline-offset-4">
            Sign in
          </Link>{" "}
          or{" "}
          <Link href={`/sign-up?next=${encodeURIComponent(here)}`} className="font-medium underline underline-offset-4">
            create an account
          </Link>{" "}
          as {invitation.email} to answer.
        </p>
      ) : user.email.toLowerCase() !== invitation.email.toLowerCase() ? (
        <p className="text-sm">
          You are signed in as {user.email}; this invitation is for {invitation.email}. Sign out and sign in with that address to answer it.
        </p>
      ) : (
        <form action={answerInvitationAction} className="flex gap-2">
          <input type="hidden" name="invitationId" value={invitation.id} />
          <input type="hidden" name="token" value={token} />
          <Button type="submit" name="answer" value="accept">
            Accept
          </Button>
          <Button type="submit" name="answer" value="decline" variant="outline">
            Decline
          </Button>
        </form>
      )}
    </Card>
  );
}

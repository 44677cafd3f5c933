"use client";
// A team's members and invitations, with what the viewer's role allows: owners change roles and
// remove members; owners and interviewers invite (the link to share appears at once) and withdraw
// invitations. better-auth checks every one of these again on the server.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { TeamRole } from "@/lib/auth/roles";
import { cancelInvitationAction, changeRoleAction, inviteMemberAction, removeMemberAction } from "@/lib/actions/team-actions";
import type { TeamView } from "@/lib/server/teams/get-team";

const ROLES: TeamRole[] = ["owner", "interviewer", "candidate"];

export function TeamAdmin({ team }: { team: TeamView }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TeamRole>("candidate");
  const [link, setLink] = useState<string | null>(null);
  const owner = team.viewerRole === "owner";
  const mayInvite = team.viewerRole !== "candidate";

  async function act(result: Promise<{ ok: boolean; error?: { message: string } }>) {
    setProblem(null);
    const done = await result;
    if (!done.ok) setProblem(done.error?.message ?? "That did not work.");
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-6">
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
      <section aria-labelledby="members-heading" className="flex flex-col gap-2">
        <h2 id="members-heading" className="text-lg font-semibold">
          Members
        </h2>
        <table className="w-full text-sm">
          <thead className="text-left text-muted-foreground">
            <tr>
              <th className="py-1 font-normal">Name</th>
              <th className="py-1 font-normal">Role</th>
              {owner && <th className="py-1 font-normal">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {team.members.map((member) => (
              <tr key={member.id} className="border-t" data-testid="team-member">
                <td className="py-1.5">
                  {member.name} <span className="text-muted-foreground">{member.email}</span>
                  {team.viewerRole !== "candidate" && member.role === "candidate" && (
                    <>
                      {" "}
                      <Link href={`/teams/${team.slug}/members/${member.id}`} className="text-xs underline underline-offset-4">
                        Roadmap progress
                      </Link>
                    </>
                  )}
                </td>
                <td className="py-1.5">
                  {owner && member.id !== team.viewerMemberId ? (
                    <select
                      aria-label={`Role of ${member.name}`}
                      className="rounded-md border bg-background px-2 py-1"
                      value={member.role}
                      onChange={(event) => act(changeRoleAction({ teamId: team.id, memberId: member.id, role: event.target.value as TeamRole }))}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  ) : (
                    member.role
                  )}
                </td>
                {owner && (
                  <td className="py-1.5">
                    {member.id !== team.viewerMemberId && (
                      <Button size="sm" variant="outline" onClick={() => act(removeMemberAction({ teamId: team.id, memberId: member.id }))}>
                        Remove
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {mayInvite && (
        <section aria-labelledby="invite-heading" className="flex flex-col gap-3">
          <h2 id="invite-heading" className="text-lg font-semibold">
            Invite someone
          </h2>
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={async (event) => {
              event.preventDefault();
              setProblem(null);
              const invited = await inviteMemberAction({ teamId: team.id, email, role });
              if (!invited.ok) return setProblem(invited.error.message);
              setLink(invited.data.link);
              setEmail("");
              router.refresh();
            }}
          >
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="invite-email">Email</Label>
              <Input id="invite-email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} required className="w-64" />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="invite-role">Role</Label>
              <select
                id="invite-role"
                className="h-9 rounded-md border bg-background px-2 text-sm"
                value={role}
                onChange={(event) => setRole(event.target.value as TeamRole)}
              >
                {ROLES.filter((r) => owner || r !== "owner").map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit">Create invitation link</Button>
          </form>
          {link && (
            <p className="text-sm" role="status">
              Send this link to them (osprep sends no mail): <code data-testid="invitation-link">{link}</code>
            </p>
          )}
          {team.invitations && team.invitations.length > 0 && (
            <ul className="flex flex-col gap-1 text-sm" aria-label="Pending invitations">
              {team.invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center gap-2">
                  {invitation.email} as {invitation.role}
                  <code className="max-w-md truncate text-xs text-muted-foreground">{invitation.link}</code>
                  <Button size="sm" variant="ghost" onClick={() => act(cancelInvitationAction({ teamId: team.id, invitationId: invitation.id }))}>
                    Withdraw
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

// /teams — the teams you belong to, and a new one.
import type { Metadata } from "next";
import Link from "next/link";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/server/auth/require-user";
import { listTeams } from "@/lib/server/teams/list-teams";

export const metadata: Metadata = { title: "Teams" };
export const dynamic = "force-dynamic";

export default async function TeamsPage() {
  const user = await requireUser({ returnTo: "/teams" });
  const teams = await listTeams({ userId: user.id });
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Teams</h1>
      {teams.length === 0 ? (
        <p className="text-sm text-muted-foreground">You are in no team yet. Create one to run mock interviews, or open an invitation link someone sent you.</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Your teams">
          {teams.map((team) => (
            <li key={team.id}>
              <Link href={`/teams/${team.slug}`} className="flex justify-between rounded-md border p-3 hover:bg-accent">
                <span className="font-medium">{team.name}</span>
                <span className="text-sm text-muted-foreground">
                  {team.role} · {team.memberCount} member{team.memberCount === 1 ? "" : "s"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card className="flex flex-col gap-4">
        <div>
          <CardTitle>New team</CardTitle>
          <CardDescription>You become its owner; invite interviewers and candidates by link.</CardDescription>
        </div>
        <CreateTeamForm />
      </Card>
    </div>
  );
}

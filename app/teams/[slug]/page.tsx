// /teams/:slug — a team's members and invitations, for its members only.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TeamAdmin } from "@/components/teams/team-admin";
import { AppError } from "@/lib/errors";
import { requireUser } from "@/lib/server/auth/require-user";
import { getTeam, type TeamView } from "@/lib/server/teams/get-team";

export const metadata: Metadata = { title: "Team" };
export const dynamic = "force-dynamic";

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser({ returnTo: `/teams/${slug}` });
  let team: TeamView;
  try {
    team = await getTeam({ userId: user.id, slug });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{team.name}</h1>
        <p className="text-sm text-muted-foreground">
          You are {{ owner: "an owner", interviewer: "an interviewer", candidate: "a candidate" }[team.viewerRole]} ·{" "}
          <Link href="/interviews" className="underline underline-offset-4">
            Interviews
          </Link>
          {team.viewerRole !== "candidate" && (
            <>
              {" · "}
              <Link href={`/teams/${team.slug}/interviews`} className="underline underline-offset-4">
                Outcomes
              </Link>
              {" · "}
              <Link href={`/teams/${team.slug}/rubric`} className="underline underline-offset-4">
                Rubric
              </Link>
            </>
          )}
        </p>
      </div>
      <TeamAdmin team={team} />
    </div>
  );
}

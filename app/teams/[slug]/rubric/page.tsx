// /teams/:slug/rubric — the team's scorecard rubric: owners edit it, interviewers read it; candidates
// and outsiders are told there is no such page.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RubricEditor } from "@/components/scorecards/rubric-editor";
import { AppError } from "@/lib/errors";
import { requireUser } from "@/lib/server/auth/require-user";
import { getTeamRubric, type TeamRubricView } from "@/lib/server/scorecards/team-rubric";

export const metadata: Metadata = { title: "Rubric" };
export const dynamic = "force-dynamic";

export default async function RubricPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser({ returnTo: `/teams/${slug}/rubric` });
  let rubric: TeamRubricView;
  try {
    rubric = await getTeamRubric({ userId: user.id, slug });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{rubric.teamName}: scorecard rubric</h1>
        <Link href={`/teams/${slug}`} className="text-sm underline underline-offset-4">
          Back to the team
        </Link>
      </div>
      <RubricEditor initial={rubric} />
    </div>
  );
}

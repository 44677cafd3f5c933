// /teams/:slug/interviews — the team's interviews with their outcome from the submitted scorecards;
// for its owners and interviewers.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { RECOMMENDATION_LABELS } from "@/lib/scorecards/rubric";
import { requireUser } from "@/lib/server/auth/require-user";
import { listTeamInterviews, type TeamInterviewEntry } from "@/lib/server/scorecards/list-team-interviews";

export const metadata: Metadata = { title: "Team interviews" };
export const dynamic = "force-dynamic";

const PHASE_LABELS = { planned: "upcoming", live: "live", finished: "finished" } as const;
const YOURS_LABELS = { none: "not started", draft: "draft", submitted: "submitted" } as const;

export default async function TeamInterviewsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser({ returnTo: `/teams/${slug}/interviews` });
  let data: { teamName: string; interviews: TeamInterviewEntry[] };
  try {
    data = await listTeamInterviews({ userId: user.id, slug });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{data.teamName}: interviews and outcomes</h1>
        <p className="flex gap-3 text-sm">
          <Link href={`/teams/${slug}/rubric`} className="underline underline-offset-4">
            Rubric
          </Link>
          <Link href={`/teams/${slug}`} className="underline underline-offset-4">
            Back to the team
          </Link>
        </p>
      </div>
      {data.interviews.length === 0 ? (
        <p className="text-sm text-muted-foreground">The team has not planned an interview yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="team-interviews">
            <thead>
              <tr className="text-left">
                <th className="border-b p-2">Interview</th>
                <th className="border-b p-2">Candidate</th>
                <th className="border-b p-2">Held</th>
                <th className="border-b p-2">Scorecards</th>
                <th className="border-b p-2">Yours</th>
                <th className="border-b p-2">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {data.interviews.map((interview) => (
                <tr key={interview.id} data-testid="team-interview">
                  <td className="border-b p-2">
                    <Link href={`/interviews/${interview.id}`} className="underline underline-offset-4">
                      {interview.title}
                    </Link>
                    {interview.phase !== "planned" && (
                      <>
                        {" · "}
                        <Link href={`/interviews/${interview.id}/replay`} className="text-muted-foreground underline underline-offset-4">
                          replay
                        </Link>
                      </>
                    )}
                  </td>
                  <td className="border-b p-2">{interview.candidateName ?? "guest by link, not joined"}</td>
                  <td className="border-b p-2">{interview.heldAt ? interview.heldAt.toISOString().slice(0, 10) : PHASE_LABELS[interview.phase]}</td>
                  <td className="border-b p-2">
                    {interview.scorecardsIn > 0 ? (
                      <Link href={`/interviews/${interview.id}/scorecards`} className="underline underline-offset-4">
                        {interview.scorecardsIn} in
                      </Link>
                    ) : (
                      "none yet"
                    )}
                  </td>
                  <td className="border-b p-2">
                    {interview.phase === "planned" ? (
                      "—"
                    ) : (
                      <Link href={`/interviews/${interview.id}/scorecard`} className="underline underline-offset-4">
                        {YOURS_LABELS[interview.yours]}
                      </Link>
                    )}
                  </td>
                  <td className="border-b p-2 font-medium" data-testid="outcome">
                    {interview.outcome
                      ? `${RECOMMENDATION_LABELS[interview.outcome.recommendation]}${interview.outcome.split ? " (split)" : ""}`
                      : interview.phase === "finished"
                        ? "awaiting scorecards"
                        : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

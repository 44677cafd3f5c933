// /interviews/:id/scorecards — the candidate's submitted scorecards side by side, across the team's
// interviews of them; for the interview's interviewers, once their own is in (owners at once).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ScorecardsSideBySide } from "@/components/scorecards/scorecards-side-by-side";
import { AppError } from "@/lib/errors";
import { currentViewer } from "@/lib/server/interviews/room-access";
import { type CandidateScorecards, listCandidateScorecards } from "@/lib/server/scorecards/scorecards";

export const metadata: Metadata = { title: "Scorecards" };
export const dynamic = "force-dynamic";

export default async function ScorecardsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await currentViewer(id);
  // Someone not signed in may be an interviewer who has not signed in yet; a guest never has a scorecard.
  if (!viewer.user && !viewer.guestId) redirect(`/sign-in?next=${encodeURIComponent(`/interviews/${id}/scorecards`)}`);
  let data: CandidateScorecards;
  try {
    data = await listCandidateScorecards({ interviewId: id, viewer });
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Scorecards: {data.candidateName ?? "the candidate"}</h1>
        <p className="flex gap-3 text-sm">
          <Link href={`/interviews/${id}/scorecard`} className="underline underline-offset-4">
            Your scorecard
          </Link>
          <Link href={`/interviews/${id}`} className="underline underline-offset-4">
            The room
          </Link>
        </p>
      </div>
      {data.hidden && (
        <p role="status" className="rounded-md border p-3 text-sm" data-testid="scorecards-hidden">
          {data.submittedCount} scorecard{data.submittedCount === 1 ? " is" : "s are"} in. You see the other interviewers' once you have submitted yours, so no
          one scores anchored on a colleague's.
        </p>
      )}
      <ScorecardsSideBySide data={data} />
    </div>
  );
}

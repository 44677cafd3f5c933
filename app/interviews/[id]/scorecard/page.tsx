// /interviews/:id/scorecard — the viewer's scorecard of the interview, for its interviewers only;
// opened (pre-filled from the room's grading) on the first visit once the interview has begun.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ScorecardForm } from "@/components/scorecards/scorecard-form";
import { AppError } from "@/lib/errors";
import { currentViewer } from "@/lib/server/interviews/room-access";
import { openScorecard, type ScorecardView } from "@/lib/server/scorecards/scorecards";

export const metadata: Metadata = { title: "Scorecard" };
export const dynamic = "force-dynamic";

export default async function ScorecardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await currentViewer(id);
  // Someone not signed in may be an interviewer who has not signed in yet; a guest never has a scorecard.
  if (!viewer.user && !viewer.guestId) redirect(`/sign-in?next=${encodeURIComponent(`/interviews/${id}/scorecard`)}`);
  let card: ScorecardView | null = null;
  let problem: string | null = null;
  try {
    card = await openScorecard({ interviewId: id, viewer });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") notFound();
    problem = error.message;
  }
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Your scorecard</h1>
        <p className="flex gap-3 text-sm">
          <Link href={`/interviews/${id}`} className="underline underline-offset-4">
            Back to the room
          </Link>
          <Link href={`/interviews/${id}/scorecards`} className="underline underline-offset-4">
            All scorecards of this candidate
          </Link>
        </p>
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      ) : (
        <ScorecardForm initial={card!} />
      )}
    </div>
  );
}

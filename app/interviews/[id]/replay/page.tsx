// /interviews/:id/replay — the recording of an interview played back, for its participants; the
// interviewers' notes appear in the interviewers' replay only.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ReplayPlayer } from "@/components/replay/replay-player";
import { AppError } from "@/lib/errors";
import { currentViewer } from "@/lib/server/interviews/room-access";
import { getReplay, type ReplayData } from "@/lib/server/replay/get-replay";

export const metadata: Metadata = { title: "Replay" };
export const dynamic = "force-dynamic";

export default async function ReplayPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string }> }) {
  const [{ id }, { t }] = await Promise.all([params, searchParams]);
  const viewer = await currentViewer(id);
  let data: ReplayData;
  try {
    data = await getReplay({ interviewId: id, viewer });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
    if (!viewer.user && !viewer.guestId) redirect(`/sign-in?next=${encodeURIComponent(`/interviews/${id}/replay`)}`);
    notFound();
  }
  const initialT = Number.isFinite(Number(t)) ? Number(t) : 0;
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Replay: {data.title}</h1>
        <p className="flex gap-3 text-sm">
          <Link href={`/interviews/${id}`} className="underline underline-offset-4">
            The room
          </Link>
          {data.viewerRole === "interviewer" && (
            <Link href={`/interviews/${id}/scorecard`} className="underline underline-offset-4">
              Your scorecard
            </Link>
          )}
        </p>
      </div>
      {data.updates.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing was recorded yet: the room's code has not been opened.</p>
      ) : (
        <ReplayPlayer data={data} initialT={initialT} />
      )}
    </div>
  );
}

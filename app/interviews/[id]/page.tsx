// /interviews/:id — the interview room, for its participants: the team's interviewers, its
// candidate (a member, or a guest who came by the link). Anyone else is told there is no such room.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Statement } from "@/components/exercises/statement";
import { InterviewRoom } from "@/components/interviews/interview-room";
import { AppError } from "@/lib/errors";
import { getRoom, type RoomView } from "@/lib/server/interviews/get-room";
import { currentViewer } from "@/lib/server/interviews/room-access";

export const metadata: Metadata = { title: "Interview room" };
export const dynamic = "force-dynamic";

export default async function InterviewRoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await currentViewer(id);
  let room: RoomView;
  try {
    room = await getRoom({ interviewId: id, viewer });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
    // Someone not signed in may be a participant who has not signed in yet.
    if (!viewer.user && !viewer.guestId) redirect(`/sign-in?next=${encodeURIComponent(`/interviews/${id}`)}`);
    notFound();
  }
  const statements = Object.fromEntries(
    room.exercises.map((exercise) => [
      exercise.slug,
      <Statement
        key={exercise.slug}
        slug={exercise.slug}
        markdown={exercise.statement}
        room={{ interviewId: room.id, interviewer: room.participant.role === "interviewer", opened: room.hintsOpened[exercise.slug] ?? 0 }}
      />,
    ]),
  );
  return <InterviewRoom room={room} serverNow={Date.now()} statements={statements} />;
}

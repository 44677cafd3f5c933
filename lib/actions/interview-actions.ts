"use server";
// Server actions of the interview pages: planning (signed-in members), and the room's (participants,
// guests included: roomAction resolves who is asking for that interview).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { authedAction, roomAction } from "@/lib/actions/safe-action";
import { guestCookieName, guestCookieValue } from "@/lib/auth/guest-link";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { markAsked } from "@/lib/server/interviews/asked-questions";
import { controlTimer } from "@/lib/server/interviews/control-timer";
import { deleteInterview } from "@/lib/server/interviews/delete-interview";
import { addNote, deleteNote, editNote, listNotes } from "@/lib/server/interviews/interview-notes";
import { joinAsGuest } from "@/lib/server/interviews/join-as-guest";
import { openHint } from "@/lib/server/interviews/room-hints";
import { mintRoomToken } from "@/lib/server/interviews/mint-room-token";
import { planInterview } from "@/lib/server/interviews/plan-interview";
import { requireRoomAccess } from "@/lib/server/interviews/room-access";
import { createRoomRun, getRoomRun, listRoomRuns } from "@/lib/server/interviews/room-runs";
import {
  addNoteSchema,
  editNoteSchema,
  extendInterviewSchema,
  interviewIdSchema,
  joinAsGuestSchema,
  markAskedSchema,
  noteIdSchema,
  openHintSchema,
  planInterviewSchema,
  roomRunSchema,
} from "@/lib/validations/interviews";
import { z } from "zod";

/** How long a guest's browser stays that guest: the longest interview, with room to spare; the link's end is the interview's. */
const GUEST_COOKIE_SECONDS = 12 * 60 * 60;

export const planInterviewAction = authedAction(planInterviewSchema, async (input, { user }) => planInterview({ userId: user.id, input }));

export const startInterviewAction = roomAction(interviewIdSchema, async ({ interviewId }, { viewer }) =>
  controlTimer({ interviewId, viewer, change: { action: "start" } }),
);

export const extendInterviewAction = roomAction(extendInterviewSchema, async ({ interviewId, minutes }, { viewer }) =>
  controlTimer({ interviewId, viewer, change: { action: "extend", minutes } }),
);

export const endInterviewAction = roomAction(interviewIdSchema, async ({ interviewId }, { viewer }) =>
  controlTimer({ interviewId, viewer, change: { action: "end" } }),
);

export const roomTokenAction = roomAction(interviewIdSchema, async ({ interviewId }, { viewer }) => mintRoomToken({ interviewId, viewer }));

export const roomRunAction = roomAction(roomRunSchema, async (input, { viewer }) => {
  const { id } = await createRoomRun({ viewer, input });
  return getRoomRun({ viewer, interviewId: input.interviewId, submissionId: id });
});

export const listRoomRunsAction = roomAction(interviewIdSchema, async ({ interviewId }, { viewer }) => {
  await requireRoomAccess({ interviewId, viewer });
  return listRoomRuns({ interviewId });
});

export const getRoomRunAction = roomAction(interviewIdSchema.extend({ submissionId: z.string().max(64) }), async ({ interviewId, submissionId }, { viewer }) =>
  getRoomRun({ viewer, interviewId, submissionId }),
);

export const deleteInterviewAction = roomAction(interviewIdSchema, async ({ interviewId }, { viewer }) => deleteInterview({ interviewId, viewer }));

/** Marks one of the planned questions asked (or not), for the interview's interviewers. */
export const markAskedAction = roomAction(markAskedSchema, async ({ interviewId, questionKey, asked }, { viewer }) =>
  markAsked({ interviewId, viewer, questionKey, asked }),
);

/** The candidate opens an exercise's next hint, for the room (lib/server/interviews/room-hints.ts). */
export const openHintAction = roomAction(openHintSchema, async ({ interviewId, exerciseSlug, index }, { viewer }) =>
  openHint({ interviewId, viewer, exerciseSlug, index }),
);

// Private notes: the interview's interviewers only (lib/server/interviews/interview-notes.ts).
export const listNotesAction = roomAction(interviewIdSchema, async ({ interviewId }, { viewer }) => listNotes({ interviewId, viewer }));
export const addNoteAction = roomAction(addNoteSchema, async ({ interviewId, body }, { viewer }) => addNote({ interviewId, viewer, body }));
export const editNoteAction = roomAction(editNoteSchema, async ({ interviewId, noteId, body }, { viewer }) => editNote({ interviewId, noteId, viewer, body }));
export const deleteNoteAction = roomAction(noteIdSchema, async ({ interviewId, noteId }, { viewer }) => deleteNote({ interviewId, noteId, viewer }));

/** The guest link's form: admits the guest under the name they gave and opens the room. */
export async function joinAsGuestAction(formData: FormData): Promise<void> {
  const raw = { interviewId: String(formData.get("interviewId") ?? ""), token: String(formData.get("token") ?? ""), name: String(formData.get("name") ?? "") };
  const back = `/interviews/${encodeURIComponent(raw.interviewId)}/join?token=${encodeURIComponent(raw.token)}`;
  const parsed = joinAsGuestSchema.safeParse(raw);
  if (!parsed.success) redirect(`${back}&problem=${encodeURIComponent(parsed.error.issues[0]?.message ?? "Enter your name.")}`);
  let guestId: string;
  try {
    ({ guestId } = await joinAsGuest(parsed.data));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    redirect(`${back}&problem=${encodeURIComponent(error.message)}`);
  }
  (await cookies()).set(guestCookieName(parsed.data.interviewId), guestCookieValue(parsed.data.interviewId, guestId), {
    httpOnly: true,
    sameSite: "lax",
    secure: env.OSPREP_URL.startsWith("https://"),
    path: "/",
    maxAge: GUEST_COOKIE_SECONDS,
  });
  redirect(`/interviews/${encodeURIComponent(parsed.data.interviewId)}`);
}

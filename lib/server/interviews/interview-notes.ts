import "server-only";
// Interviewers' private notes on an interview: Markdown, each stamped with the interview's clock when
// it was written. Only the interview's interviewers (its team's owners and interviewers) read or
// write them (requireInterviewer: a candidate or a guest is refused, anyone else told there is no
// such interview); each interviewer edits and deletes only their own.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { interviewClockMs } from "@/lib/interviews/interview-phase";
import { renderNote } from "@/lib/interviews/render-note";
import { requireInterviewer, type Viewer } from "@/lib/server/interviews/room-access";

/** Enough for every minute of the longest interview, several times over. */
export const MAX_NOTES_PER_INTERVIEW = 500;

export interface NoteView {
  id: string;
  authorName: string;
  /** Written by the viewer: theirs to edit and delete. */
  mine: boolean;
  body: string;
  html: string;
  /** Milliseconds since the interview started when it was written; null before the start. */
  clockMs: number | null;
  createdAt: string;
  /** When it was last changed, if it was. */
  editedAt: string | null;
}

const noteSelect = {
  id: true,
  authorId: true,
  body: true,
  clockMs: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true } },
} as const;

type NoteRow = { id: string; authorId: string; body: string; clockMs: number | null; createdAt: Date; updatedAt: Date; author: { name: string } };

async function toView(note: NoteRow, viewerId: string): Promise<NoteView> {
  return {
    id: note.id,
    authorName: note.author.name,
    mine: note.authorId === viewerId,
    body: note.body,
    html: await renderNote(note.body),
    clockMs: note.clockMs,
    createdAt: note.createdAt.toISOString(),
    editedAt: note.updatedAt.getTime() > note.createdAt.getTime() ? note.updatedAt.toISOString() : null,
  };
}

/** The interview's notes, oldest first, as `viewerId` sees them; for a caller that has checked they are one of its interviewers (getRoom). */
export async function readNotes(interviewId: string, viewerId: string): Promise<NoteView[]> {
  const notes = await db.interviewNote.findMany({ where: { interviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: noteSelect });
  return Promise.all(notes.map((note) => toView(note, viewerId)));
}

/** The interview's notes, oldest first. */
export async function listNotes({ interviewId, viewer }: { interviewId: string; viewer: Viewer }): Promise<NoteView[]> {
  const { participant } = await requireInterviewer({ interviewId, viewer });
  return readNotes(interviewId, participant.id);
}

export async function addNote({
  interviewId,
  viewer,
  body,
  now = new Date(),
}: {
  interviewId: string;
  viewer: Viewer;
  body: string;
  now?: Date;
}): Promise<NoteView> {
  const { interview, participant } = await requireInterviewer({ interviewId, viewer });
  if ((await db.interviewNote.count({ where: { interviewId } })) >= MAX_NOTES_PER_INTERVIEW)
    throw new AppError("INVALID_INPUT", `An interview holds at most ${MAX_NOTES_PER_INTERVIEW} notes: add to one you wrote instead.`);
  const clockMs = interviewClockMs(interview, now);
  const note = await db.interviewNote.create({
    data: { interviewId, authorId: participant.id, body, clockMs, createdAt: now, updatedAt: now },
    select: noteSelect,
  });
  return toView(note, participant.id);
}

/** The viewer's own note of this interview; another interviewer's is theirs alone to change. */
async function ownNote({ interviewId, noteId, viewer }: { interviewId: string; noteId: string; viewer: Viewer }): Promise<{ viewerId: string }> {
  const { participant } = await requireInterviewer({ interviewId, viewer });
  const note = await db.interviewNote.findFirst({ where: { id: noteId, interviewId }, select: { authorId: true } });
  if (!note) throw new AppError("NOT_FOUND", "There is no such note in this interview: it may have been deleted.");
  if (note.authorId !== participant.id) throw new AppError("FORBIDDEN", "Only its author can change or delete a note.");
  return { viewerId: participant.id };
}

export async function editNote(options: { interviewId: string; noteId: string; viewer: Viewer; body: string }): Promise<NoteView> {
  const { viewerId } = await ownNote(options);
  const note = await db.interviewNote.update({ where: { id: options.noteId }, data: { body: options.body }, select: noteSelect });
  return toView(note, viewerId);
}

export async function deleteNote(options: { interviewId: string; noteId: string; viewer: Viewer }): Promise<{ deleted: string }> {
  await ownNote(options);
  await db.interviewNote.delete({ where: { id: options.noteId } });
  return { deleted: options.noteId };
}

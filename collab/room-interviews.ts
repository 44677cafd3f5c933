// What the collaboration server reads of an interview: its exercises (to seed the document), its
// timer, its candidate, and whether its final code is kept yet; and what it writes of the room's
// cursors for the replay.
import type { Language } from "@/contracts/languages";
import { db } from "@/lib/db";
import { getExercisePackage } from "@/lib/exercises/exercise-catalog";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RoomExerciseStarters } from "@/lib/interviews/room-document";
import { guestMayEnter, memberRoomRole, type RoomRole } from "@/lib/interviews/room-rules";
import type { RoomParticipant } from "@/lib/interviews/room-token";
import type * as Y from "yjs";

/** What Hocuspocus keeps on each connection: who it is, as the room sees them now. */
export interface RoomContext {
  participant: RoomParticipant;
}

export interface RoomInterview {
  id: string;
  organizationId: string;
  candidateUserId: string | null;
  exerciseSlugs: string[];
  startedAt: Date | null;
  endsAt: Date | null;
  endedAt: Date | null;
  finalCodeKept: boolean;
}

export async function readRoomInterview(interviewId: string): Promise<RoomInterview | null> {
  const row = await db.interview.findUnique({
    where: { id: interviewId },
    select: { id: true, organizationId: true, candidateUserId: true, exerciseSlugs: true, startedAt: true, endsAt: true, endedAt: true, finalCode: true },
  });
  if (!row) return null;
  const { finalCode, ...interview } = row;
  return { ...interview, finalCodeKept: finalCode !== null };
}

export async function exerciseStarters(slugs: string[]): Promise<RoomExerciseStarters[]> {
  return Promise.all(
    slugs.map(async (slug) => {
      const exercise = await getExercisePackage(slug);
      const starters: Partial<Record<Language, string>> = {};
      for (const [language, files] of Object.entries(exercise.starters) as [Language, { edit: { content: string } }][]) starters[language] = files.edit.content;
      return { slug, starters };
    }),
  );
}

/** Keeps the code of every exercise and language as the document holds it now (read before anything is awaited), once: the first end wins. */
export async function keepFinalCode(interview: RoomInterview, doc: Y.Doc): Promise<void> {
  const code: Record<string, Record<string, string>> = {};
  for (const name of doc.share.keys()) {
    const [kind, slug, language] = name.split(":");
    if (kind !== "code" || !slug || !language || !interview.exerciseSlugs.includes(slug)) continue;
    (code[slug] ??= {})[language] = doc.getText(name).toString();
  }
  await db.interview.updateMany({ where: { id: interview.id, finalCode: { equals: Prisma.DbNull } }, data: { finalCode: code } });
}

/** The room role the participant still has (they may have been removed, or the guest link expired, since the token). */
export async function currentRoomRole(interview: RoomInterview, participant: RoomParticipant): Promise<RoomRole | null> {
  if (participant.kind === "guest") {
    const guest = await db.interviewGuest.count({ where: { id: participant.id, interviewId: interview.id } });
    return guest === 1 && guestMayEnter(interview) ? "candidate" : null;
  }
  const member = await db.member.findUnique({
    where: { organizationId_userId: { organizationId: interview.organizationId, userId: participant.id } },
    select: { role: true },
  });
  return memberRoomRole(member?.role ?? null, participant.id, interview);
}

/** Cursor samples (cursor-sampler.ts) as the room's events. */
export async function keepCursorSamples(
  interviewId: string,
  rows: { actorKind: string; actorId: string; at: Date; sample: { text: string; anchor: number; head: number } }[],
): Promise<void> {
  await db.interviewEvent.createMany({
    data: rows.map(({ actorKind, actorId, at, sample }) => ({ interviewId, kind: "cursor", actorKind, actorId, at, data: { ...sample } })),
  });
}

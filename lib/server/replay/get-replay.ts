import "server-only";
// Everything the replay of an interview plays back, for its participants: every logged edit of the
// shared document with its time and author, the sampled cursors, the timer's changes, the hints
// opened, the runs and Submits with their results; and for interviewers only, their notes and the
// questions they marked asked. A candidate's replay has none of the interviewers' material.
import type { Language } from "@/contracts/languages";
import { db } from "@/lib/db";
import { getExercisePackage } from "@/lib/exercises/exercise-catalog";
import { endedAt } from "@/lib/interviews/interview-phase";
import { guestName } from "@/lib/interviews/display-names";
import type { RoomRole } from "@/lib/interviews/room-rules";
import { getQuestionBank } from "@/lib/questions/question-bank";
import { runSignal } from "@/lib/scorecards/signals";
import { plannedQuestions, readAsked } from "@/lib/server/interviews/asked-questions";
import { readNotes } from "@/lib/server/interviews/interview-notes";
import { requireRoomAccess, type Viewer } from "@/lib/server/interviews/room-access";
import { readGradedRoomRuns } from "@/lib/server/interviews/room-runs";
import { roomLanguages } from "@/lib/server/interviews/get-room";

/** A session's log is bounded by the room's size and the submission throttle; this is far beyond any real one. */
const MAX_UPDATES = 200_000;
const MAX_CURSORS = 50_000;

export interface ReplayData {
  interviewId: string;
  title: string;
  viewerRole: RoomRole;
  exercises: { slug: string; title: string; languages: { id: Language; label: string; fileName: string }[] }[];
  /** Epoch milliseconds: the replay's 0:00 (the interview's start, or its first edit) and its end. */
  origin: number;
  end: number;
  updates: { at: number; by: string; data: string }[];
  cursors: { at: number; by: string; role: string; text: string; anchor: number; head: number }[];
  timer: { at: number; action: string; minutes: number | null; by: string }[];
  hints: { at: number; exercise: string; index: number; by: string }[];
  runs: {
    id: string;
    kind: "run" | "submit";
    exerciseSlug: string;
    language: string;
    by: string;
    queuedAt: number;
    finishedAt: number | null;
    status: string;
    verdict: string | null;
    passed: number | null;
    total: number | null;
    findings: string[];
  }[];
  /** Interviewers only. */
  notes: { id: string; at: number; authorName: string; html: string }[] | null;
  asked: { key: string; text: string; at: number }[] | null;
}

export async function getReplay({ interviewId, viewer }: { interviewId: string; viewer: Viewer }): Promise<ReplayData> {
  const { interview, participant } = await requireRoomAccess({ interviewId, viewer });
  const interviewer = participant.role === "interviewer";
  const [updates, events, submissions, guests, exercises, notes, asked] = await Promise.all([
    db.interviewDocumentUpdate.findMany({
      where: { interviewId },
      orderBy: { seq: "asc" },
      take: MAX_UPDATES,
      select: { update: true, authorKind: true, authorId: true, createdAt: true },
    }),
    db.interviewEvent.findMany({
      where: { interviewId },
      orderBy: { seq: "asc" },
      take: MAX_CURSORS,
      select: { kind: true, actorKind: true, actorId: true, data: true, at: true },
    }),
    readGradedRoomRuns(interviewId),
    db.interviewGuest.findMany({ where: { interviewId }, select: { id: true, name: true } }),
    Promise.all(
      interview.exerciseSlugs.map(async (slug) => {
        const exercise = await getExercisePackage(slug);
        return { slug, title: exercise.manifest.title, languages: roomLanguages(exercise) };
      }),
    ),
    interviewer ? readNotes(interviewId, participant.id) : null,
    interviewer ? readAsked(interviewId) : null,
  ]);

  const userIds = new Set<string>();
  for (const row of [...updates.map((u) => ({ kind: u.authorKind, id: u.authorId })), ...events.map((e) => ({ kind: e.actorKind, id: e.actorId }))])
    if (row.kind === "member" && row.id) userIds.add(row.id);
  const users = await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } });
  const names = new Map<string, string>([
    ...users.map((u) => [`member:${u.id}`, u.name] as const),
    ...guests.map((g) => [`guest:${g.id}`, guestName(g.name)] as const),
  ]);
  const nameOf = (kind: string, id: string | null) => (kind === "server" ? "osprep" : (names.get(`${kind}:${id}`) ?? "someone"));

  const firstEdit = updates.find((u) => u.authorKind !== "server")?.createdAt.getTime();
  const origin = interview.startedAt?.getTime() ?? firstEdit ?? interview.createdAt.getTime();
  const latest = Math.max(
    origin,
    updates.at(-1)?.createdAt.getTime() ?? 0,
    ...submissions.map((s) => (s.finishedAt ?? s.queuedAt).getTime()),
    events.at(-1)?.at.getTime() ?? 0,
  );
  const ended = endedAt(interview);
  const bank = interviewer && interview.questionSlugs.length > 0 ? await getQuestionBank() : null;
  const questionTexts = new Map(plannedQuestions(interview, bank).map((question) => [question.key, question.text]));

  return {
    interviewId,
    title: interview.title,
    viewerRole: participant.role,
    exercises,
    origin,
    end: Math.max(latest, ended ? ended.getTime() : Math.min(Date.now(), latest)),
    updates: updates.map((u) => ({ at: u.createdAt.getTime(), by: nameOf(u.authorKind, u.authorId), data: Buffer.from(u.update).toString("base64") })),
    cursors: events
      .filter((e) => e.kind === "cursor")
      .map((e) => {
        const data = e.data as { text: string; anchor: number; head: number };
        const candidate = e.actorKind === "guest" || e.actorId === interview.candidateUserId;
        return { at: e.at.getTime(), by: nameOf(e.actorKind, e.actorId), role: candidate ? "candidate" : "interviewer", ...data };
      }),
    timer: events
      .filter((e) => e.kind === "timer")
      .map((e) => {
        const data = e.data as { action: string; minutes?: number };
        return { at: e.at.getTime(), action: data.action, minutes: data.minutes ?? null, by: nameOf(e.actorKind, e.actorId) };
      }),
    hints: events
      .filter((e) => e.kind === "hint")
      .map((e) => {
        const data = e.data as { exercise: string; index: number };
        return { at: e.at.getTime(), exercise: data.exercise, index: data.index, by: nameOf(e.actorKind, e.actorId) };
      }),
    runs: submissions.map((run) => {
      const signal = runSignal(run, null);
      return {
        id: run.id,
        kind: run.kind,
        exerciseSlug: run.exerciseSlug,
        language: run.language,
        by: run.authorName,
        queuedAt: run.queuedAt.getTime(),
        finishedAt: run.finishedAt?.getTime() ?? null,
        status: run.status,
        verdict: run.verdict,
        passed: signal.passed,
        total: signal.total,
        findings: signal.findings,
      };
    }),
    notes: notes?.map((note) => ({ id: note.id, at: Date.parse(note.createdAt), authorName: note.authorName, html: note.html })) ?? null,
    asked: asked ? Object.entries(asked).map(([key, mark]) => ({ key, text: questionTexts.get(key) ?? key, at: origin + (mark.clockMs ?? 0) })) : null,
  };
}

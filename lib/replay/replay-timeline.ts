// The replay's timeline, built once from what the server recorded (lib/server/replay/get-replay.ts):
// the document at any moment (ReplayDocument), the moments worth jumping to (runs and their
// results, notes, the timer, hints, switches of exercise or language, large insertions), and the
// idle stretches that playing can skip. Times are milliseconds since the replay's origin.
import type { Language } from "@/contracts/languages";
import { codeTextName, type RoomSelection } from "@/lib/interviews/room-document";
import { countUpTo, LARGE_INSERT_CHARS, ReplayDocument } from "@/lib/replay/replay-document";
import type { ReplayData } from "@/lib/server/replay/get-replay";

/** A stretch with nothing happening longer than this is idle. */
export const IDLE_MS = 10_000;
/** Skipping an idle stretch lands this long before what ends it. */
export const IDLE_LEAD_MS = 1_000;

export type MarkerKind = "run" | "submit" | "result" | "note" | "timer" | "hint" | "switch" | "paste" | "asked";

export interface Marker {
  t: number;
  kind: MarkerKind;
  label: string;
}

export interface ReplayTimeline {
  duration: number;
  document: ReplayDocument;
  updateTimes: number[];
  markers: Marker[];
  /** Idle stretches [from, to), in order. */
  idle: [number, number][];
}

export function decodeBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function exerciseTitle(data: ReplayData, slug: string): string {
  return data.exercises.find((e) => e.slug === slug)?.title ?? slug;
}

export function buildTimeline(data: ReplayData): ReplayTimeline {
  const since = (at: number) => at - data.origin;
  const updates = data.updates.map((u) => decodeBase64(u.data));
  const updateTimes = data.updates.map((u) => since(u.at));
  const markers: Marker[] = [];

  const document = new ReplayDocument(updates);
  let shown = "";
  data.updates.forEach((update, index) => {
    const now = document.selectionAfter(index + 1);
    const key = now ? `${now.exercise}:${now.language}` : "";
    if (index > 0 && now && key !== shown)
      markers.push({ t: updateTimes[index]!, kind: "switch", label: `${update.by} switched to ${exerciseTitle(data, now.exercise)} in ${now.language}` });
    shown = key;
    if (update.by !== "osprep" && document.inserted[index]! >= LARGE_INSERT_CHARS)
      markers.push({ t: updateTimes[index]!, kind: "paste", label: `${update.by} inserted ${document.inserted[index]} characters at once` });
  });
  for (const run of data.runs) {
    const what = run.kind === "submit" ? "Submit" : "Run";
    markers.push({ t: since(run.queuedAt), kind: run.kind, label: `${run.by}: ${what} (${exerciseTitle(data, run.exerciseSlug)}, ${run.language})` });
    if (run.finishedAt !== null) {
      const tests = run.total !== null ? `, ${run.passed}/${run.total} tests` : "";
      markers.push({ t: since(run.finishedAt), kind: "result", label: `${what} graded: ${run.verdict ?? "not graded (our error)"}${tests}` });
    }
  }
  for (const event of data.timer) {
    const said = { start: "started the interview", extend: `added ${event.minutes} minutes`, end: "ended the interview" }[event.action] ?? event.action;
    markers.push({ t: since(event.at), kind: "timer", label: `${event.by} ${said}` });
  }
  for (const hint of data.hints)
    markers.push({ t: since(hint.at), kind: "hint", label: `${hint.by} opened hint ${hint.index + 1} (${exerciseTitle(data, hint.exercise)})` });
  for (const note of data.notes ?? []) markers.push({ t: since(note.at), kind: "note", label: `Note by ${note.authorName}` });
  for (const mark of data.asked ?? []) markers.push({ t: since(mark.at), kind: "asked", label: `Asked: ${mark.text.slice(0, 80)}` });
  markers.sort((a, b) => a.t - b.t);

  const duration = Math.max(0, data.end - data.origin);
  const activity = [...updateTimes.filter((_, i) => data.updates[i]!.by !== "osprep"), ...data.cursors.map((c) => since(c.at)), ...markers.map((m) => m.t)]
    .filter((t) => t >= 0 && t <= duration)
    .sort((a, b) => a - b);
  const idle: [number, number][] = [];
  let previous = 0;
  for (const t of [...activity, duration]) {
    if (t - previous > IDLE_MS) idle.push([previous, t]);
    previous = Math.max(previous, t);
  }
  return { duration, document, updateTimes, markers, idle };
}

/** Where playing goes from `t`: past the idle stretch it is in (to just before what ends it), or nowhere new. */
export function skipIdle(timeline: ReplayTimeline, t: number): number {
  const stretch = timeline.idle.find(([from, to]) => t >= from && t < to - IDLE_LEAD_MS);
  return stretch ? stretch[1] - IDLE_LEAD_MS : t;
}

export interface MomentView {
  /** The file the room showed, or null before the first state. */
  shown: RoomSelection | null;
  /** A file's text at that moment. */
  text: (exercise: string, language: string) => string;
}

/** The room at `t`: what it showed and every file's text. */
export function momentAt(timeline: ReplayTimeline, t: number): MomentView {
  const count = countUpTo(timeline.updateTimes, t);
  return {
    shown: timeline.document.selectionAfter(count),
    text: (exercise, language) => timeline.document.textAfter(count, codeTextName(exercise, language as Language)),
  };
}

// `npm run bench:replay`: seeking in the replay of a 60-minute interview. A session is recorded the
// way the collaboration server logs one (each update as the server's document emits it): the room
// seeded with the real starters of two exercises, two people typing 3 characters a second each with
// a fifth of the keystrokes backspaces and one in twenty-five a jump elsewhere in the file, a
// 600-character paste every ten minutes, a language switch every fifteen. Measured: building the timeline once (what the player does on load), then seeking
// to 300 random moments (the code the room showed, as the player reads it; target p95 < 200 ms).
// Baseline, in the same run: seeking without checkpoints (every update applied from the start).
// Not a test: a measurement. BENCH_MINUTES and BENCH_RATE change the session.
import * as Y from "yjs";
import { describe, percentile } from "@/bench/stats";
import type { Language } from "@/contracts/languages";
import { getExercisePackage } from "@/lib/exercises/exercise-catalog";
import { codeTextName, ROOM_STATE, seedUpdate } from "@/lib/interviews/room-document";
import { countUpTo } from "@/lib/replay/replay-document";
import { buildTimeline, momentAt } from "@/lib/replay/replay-timeline";
import type { ReplayData } from "@/lib/server/replay/get-replay";

const MINUTES = Number(process.env.BENCH_MINUTES ?? 60);
const RATE = Number(process.env.BENCH_RATE ?? 3);
const SEEKS = 300;
const BASELINE_SEEKS = 30;
const EXERCISES = ["lru-pager", "producer-consumer"];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function recordSession(): Promise<ReplayData> {
  const starters = await Promise.all(
    EXERCISES.map(async (slug) => {
      const exercise = await getExercisePackage(slug);
      return { slug, starters: Object.fromEntries(Object.entries(exercise.starters).map(([language, starter]) => [language, starter!.edit.content])) };
    }),
  );
  const origin = Date.parse("2026-12-03T10:00:00Z");
  const server = new Y.Doc();
  const updates: ReplayData["updates"] = [];
  let now = origin - 60_000;
  let by = "osprep";
  server.on("update", (update: Uint8Array) => updates.push({ at: now, by, data: Buffer.from(update).toString("base64") }));
  Y.applyUpdate(server, seedUpdate(starters));

  const people = ["Ada", "Grace"].map((name) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    return { name, doc, cursors: new Map<string, number>() };
  });
  const next = random(42);
  let selection = { exercise: EXERCISES[0]!, language: Object.keys(starters[0]!.starters)[0] as Language };
  const keystrokes = MINUTES * 60 * RATE * people.length;
  for (let i = 0; i < keystrokes; i++) {
    now = origin + Math.floor((i / keystrokes) * MINUTES * 60_000);
    const person = people[i % people.length]!;
    by = person.name;
    const minute = Math.floor((now - origin) / 60_000);
    if (i % people.length === 0 && minute > 0 && minute % 15 === 0 && (now - origin) % 60_000 < 1000 / RATE) {
      const exercise = starters[(minute / 15) % starters.length]!;
      selection = { exercise: exercise.slug, language: Object.keys(exercise.starters)[minute % Object.keys(exercise.starters).length] as Language };
      person.doc.transact(() => {
        person.doc.getMap(ROOM_STATE).set("exercise", selection.exercise);
        person.doc.getMap(ROOM_STATE).set("language", selection.language);
      });
    }
    const name = codeTextName(selection.exercise, selection.language);
    const text = person.doc.getText(name);
    const cursor = Math.min(person.cursors.get(name) ?? Math.floor(text.length / 2), text.length);
    let moved = cursor;
    if (minute % 10 === 5 && (now - origin) % 60_000 < 1000 / RATE && i % people.length === 0) {
      const paste = "/* pasted */ x = 1;\n".repeat(30);
      text.insert(cursor, paste);
      moved = cursor + paste.length;
    } else if (next() < 0.04) moved = Math.floor(next() * text.length);
    else if (cursor > 0 && next() < 0.2) {
      text.delete(cursor - 1, 1);
      moved = cursor - 1;
    } else {
      text.insert(cursor, "abcdefghij"[i % 10]!);
      moved = cursor + 1;
    }
    person.cursors.set(name, moved);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(person.doc, Y.encodeStateVector(server)));
    for (const other of people) Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(other.doc)));
  }
  return {
    interviewId: "bench",
    title: "Bench",
    viewerRole: "interviewer",
    exercises: starters.map(({ slug, starters: files }) => ({
      slug,
      title: slug,
      languages: Object.keys(files).map((id) => ({ id: id as Language, label: id, fileName: id })),
    })),
    origin,
    end: origin + MINUTES * 60_000,
    updates,
    cursors: [],
    timer: [],
    hints: [],
    runs: [],
    notes: [],
    asked: [],
  };
}

const data = await recordSession();
const payloadMiB = JSON.stringify(data).length / 1024 / 1024;
console.log(`A ${MINUTES}-minute session: ${data.updates.length} logged updates, ${payloadMiB.toFixed(1)} MiB as the replay page receives them.`);

const buildStart = performance.now();
const timeline = buildTimeline(data);
const buildMs = performance.now() - buildStart;
console.log(`Timeline built (every update applied once, checkpoints made) in ${buildMs.toFixed(0)} ms.`);

const pick = random(7);
const moments = Array.from({ length: SEEKS }, () => Math.floor(pick() * timeline.duration));
const seeks: number[] = [];
let characters = 0;
for (const t of moments) {
  const start = performance.now();
  const moment = momentAt(timeline, t);
  characters += moment.shown ? moment.text(moment.shown.exercise, moment.shown.language).length : 0;
  seeks.push(performance.now() - start);
}

const updates = data.updates.map((u) => Uint8Array.from(Buffer.from(u.data, "base64")));
const baseline: number[] = [];
for (const t of moments.slice(0, BASELINE_SEEKS)) {
  const start = performance.now();
  const doc = new Y.Doc();
  const count = countUpTo(timeline.updateTimes, t);
  doc.transact(() => {
    for (let i = 0; i < count; i++) Y.applyUpdate(doc, updates[i]!);
  });
  const state = doc.getMap<string>(ROOM_STATE);
  characters += doc.getText(codeTextName(state.get("exercise")!, state.get("language") as Language)).length;
  baseline.push(performance.now() - start);
}

console.log(describe("seek, with checkpoints", seeks));
console.log(describe("seek, baseline: no checkpoints", baseline));
console.log(
  `p95 seek ${percentile(seeks, 95).toFixed(1)} ms (target < 200 ms); the baseline's p95 is ${(percentile(baseline, 95) / percentile(seeks, 95)).toFixed(0)}× as long. (${characters} characters read)`,
);

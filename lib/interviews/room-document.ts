// The shape of an interview room's shared Yjs document, known to the browser and the collaboration
// server alike: one text per exercise and language (`code:<slug>:<language>`), and a map of what the
// room shows (the exercise and the language, switched for everyone at once).
import * as Y from "yjs";
import type { Language } from "@/contracts/languages";

export const ROOM_STATE = "room";

export interface RoomSelection {
  exercise: string;
  language: Language;
}

export interface RoomExerciseStarters {
  slug: string;
  /** The starter of the file the candidate writes, per language the exercise offers. */
  starters: Partial<Record<Language, string>>;
}

/** The Yjs client id the seed is written under: two seeds of one room are the same edits, so merging them adds nothing. */
const SEED_CLIENT_ID = 1;

export function codeTextName(exercise: string, language: Language): string {
  return `code:${exercise}:${language}`;
}

export function roomSelection(doc: Y.Doc): RoomSelection | null {
  const state = doc.getMap<string>(ROOM_STATE);
  const exercise = state.get("exercise");
  const language = state.get("language") as Language | undefined;
  return exercise && language ? { exercise, language } : null;
}

/**
 * The room's first state as one Yjs update: every starter in its text, the first exercise in its
 * first language selected. Written by a fixed client id with the same operations every time, so a
 * seed made again (a server that stopped before storing the first) is the same update, never a second copy.
 */
export function seedUpdate(exercises: RoomExerciseStarters[]): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT_ID;
  doc.transact(() => {
    for (const exercise of exercises) {
      for (const [language, starter] of Object.entries(exercise.starters) as [Language, string][]) {
        doc.getText(codeTextName(exercise.slug, language)).insert(0, starter);
      }
    }
    const first = exercises[0];
    const firstLanguage = first && (Object.keys(first.starters)[0] as Language | undefined);
    if (first && firstLanguage) {
      const state = doc.getMap<string>(ROOM_STATE);
      state.set("exercise", first.slug);
      state.set("language", firstLanguage);
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

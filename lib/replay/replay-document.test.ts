import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CHECKPOINT_EVERY, countUpTo, ReplayDocument } from "@/lib/replay/replay-document";
import { ROOM_STATE } from "@/lib/interviews/room-document";

/** A recorded session: two people typing and deleting in one text, each update logged as the server logs them. */
function record(steps: number): { updates: Uint8Array[]; texts: string[] } {
  const server = new Y.Doc();
  const a = new Y.Doc();
  const b = new Y.Doc();
  const updates: Uint8Array[] = [];
  const texts: string[] = [];
  server.on("update", (update: Uint8Array) => {
    updates.push(update);
    texts.push(server.getText("code:x:c").toString());
  });
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < steps; i++) {
    const author = i % 3 === 0 ? b : a;
    const text = author.getText("code:x:c");
    if (text.length > 5 && random() < 0.3) text.delete(Math.floor(random() * (text.length - 2)), 2);
    else text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
    // Some edits pile up before they reach the server (typing while offline): one update, many changes.
    if (i % 10 < 4 && i < steps - 1) continue;
    const update = Y.encodeStateAsUpdate(author, Y.encodeStateVector(server));
    Y.applyUpdate(server, update);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(server, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(server, Y.encodeStateVector(b)));
  }
  return { updates, texts };
}

describe("ReplayDocument", () => {
  it("is the document exactly as it was after any number of updates, seeking back and forth", () => {
    const { updates, texts } = record(CHECKPOINT_EVERY * 9 + 17);
    const replay = new ReplayDocument(updates);
    const textAfter = (count: number) => replay.textAfter(count, "code:x:c");
    expect(textAfter(0)).toBe("");
    // Every moment, forwards one at a time (playing), then a scatter of seeks in both directions.
    for (let count = 1; count <= updates.length; count++) expect(textAfter(count)).toBe(texts[count - 1]);
    for (const count of [300, 5, 64, 63, 65, 128, 1, 200, 199, updates.length, 0, 129])
      expect(textAfter(count), `after ${count}`).toBe(count === 0 ? "" : texts[count - 1]);
    expect(textAfter(updates.length + 50)).toBe(texts.at(-1));
  });

  it("counts the characters each update inserts, and follows what the room showed", () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    doc.getText("code:x:c").insert(0, "x".repeat(300));
    doc.getText("code:x:c").delete(0, 10);
    doc.getText("code:x:go").insert(0, "hello");
    doc.transact(() => {
      doc.getMap(ROOM_STATE).set("exercise", "x");
      doc.getMap(ROOM_STATE).set("language", "go");
    });
    doc.getText("code:other").insert(0, "another file: ");
    const replay = new ReplayDocument(updates);
    expect(replay.inserted).toEqual([300, 0, 5, 0, 14]);
    expect([0, 3, 4, 5].map((count) => replay.selectionAfter(count))).toEqual([
      null,
      null,
      { exercise: "x", language: "go" },
      { exercise: "x", language: "go" },
    ]);
    expect(replay.textAfter(2, "code:x:c")).toBe("x".repeat(290));
    expect(replay.textAfter(2, "code:x:go")).toBe("");
    expect(replay.textAfter(5, "code:x:go")).toBe("hello");
  });
});

describe("countUpTo", () => {
  it("counts the times at or before a moment", () => {
    const times = [10, 20, 20, 30];
    expect([0, 10, 19, 20, 29, 30, 99].map((t) => countUpTo(times, t))).toEqual([0, 1, 1, 3, 3, 4, 4]);
    expect(countUpTo([], 5)).toBe(0);
  });
});

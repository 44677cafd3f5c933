// An interview's shared files at any moment of its recording: the logged Yjs updates applied in
// order, with a checkpoint of the whole state every CHECKPOINT_EVERY updates, so a seek restores one
// checkpoint and applies fewer than CHECKPOINT_EVERY updates; playing forward applies only the new
// ones. What each update inserted and what the room showed after it are noted on the way. Used by
// the replay player and bench/replay.
import * as Y from "yjs";
import { type RoomSelection, roomSelection } from "@/lib/interviews/room-document";

export const CHECKPOINT_EVERY = 256;
/** One update by a person inserting at least this many characters is flagged: a paste, or edits made offline. */
export const LARGE_INSERT_CHARS = 120;

/** Characters an update inserts into the document's texts. */
export function insertedCharacters(update: Uint8Array): number {
  let inserted = 0;
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) inserted += struct.content.str.length;
  }
  return inserted;
}

export class ReplayDocument {
  private readonly checkpoints: Uint8Array[] = [];
  /** Per update: the exercise and language the room showed after it. */
  private readonly selections: (RoomSelection | null)[] = [];
  /** Per update: the characters it inserted. */
  readonly inserted: number[];
  private current: Y.Doc;
  /** How many updates `current` holds. */
  private applied: number;

  constructor(private readonly updates: Uint8Array[]) {
    const doc = new Y.Doc();
    this.checkpoints.push(Y.encodeStateAsUpdate(doc));
    this.inserted = updates.map(insertedCharacters);
    updates.forEach((update, index) => {
      Y.applyUpdate(doc, update);
      this.selections.push(roomSelection(doc));
      if ((index + 1) % CHECKPOINT_EVERY === 0) this.checkpoints.push(Y.encodeStateAsUpdate(doc));
    });
    this.current = doc;
    this.applied = updates.length;
  }

  /** The text of file `name` (`code:<exercise>:<language>`) after the first `count` updates; "" before it exists. */
  textAfter(count: number, name: string): string {
    const doc = this.after(count);
    return doc.share.has(name) ? doc.getText(name).toString() : "";
  }

  /** What the room showed after the first `count` updates. */
  selectionAfter(count: number): RoomSelection | null {
    const target = Math.max(0, Math.min(count, this.updates.length));
    return target === 0 ? null : this.selections[target - 1]!;
  }

  /** The document after the first `count` updates: moved forward when it can be, else restored from the checkpoint before. */
  private after(count: number): Y.Doc {
    const target = Math.max(0, Math.min(count, this.updates.length));
    if (target < this.applied || target - this.applied > CHECKPOINT_EVERY) {
      const checkpoint = Math.floor(target / CHECKPOINT_EVERY);
      this.current.destroy();
      this.current = new Y.Doc();
      Y.applyUpdate(this.current, this.checkpoints[checkpoint]!);
      this.applied = checkpoint * CHECKPOINT_EVERY;
    }
    if (this.applied < target) {
      const doc = this.current;
      doc.transact(() => {
        for (let i = this.applied; i < target; i++) Y.applyUpdate(doc, this.updates[i]!);
      });
      this.applied = target;
    }
    return this.current;
  }
}

/** How many of the times (ascending) are at or before `t`. */
export function countUpTo(times: number[], t: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! <= t) low = middle + 1;
    else high = middle;
  }
  return low;
}

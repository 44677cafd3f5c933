// Cursor positions for the replay: each participant's selection (y-monaco's awareness field) taken
// from the room's presence as it changes, at most one sample per participant per SAMPLE_MS (the
// latest), resolved against the server's document to the file and the offsets it points at, and
// written to the room's events in batches. A sample is stamped with the moment the cursor was seen
// there, or, when that is within SAMPLE_MS of the participant's last sample, SAMPLE_MS after it
// (the cursor was still there then: a later move would have replaced it), so the replay's samples
// of one participant are always at least SAMPLE_MS apart. Presence is already checked to be the
// sender's own (collab-server.ts); here it is only read.
import type { Document } from "@hocuspocus/server";
import type { Logger } from "pino";
import * as Y from "yjs";
import type { RoomContext } from "@/collab/room-interviews";

export const SAMPLE_MS = 500;

export interface CursorSample {
  /** The shared text (`code:<exercise>:<language>`) and the selection's ends in it. */
  text: string;
  anchor: number;
  head: number;
}

export interface SampleRow {
  interviewId: string;
  actorKind: string;
  actorId: string;
  at: Date;
  sample: CursorSample;
}

/** Writes one room's samples as its events. */
export type WriteSamples = (interviewId: string, rows: SampleRow[]) => Promise<unknown>;

type Selection = { anchor?: unknown; head?: unknown } | null | undefined;

/** Where a y-monaco selection points in the document, or null when it points at nothing the server has. */
export function resolveSelection(document: Y.Doc, selection: Selection): CursorSample | null {
  if (!selection?.anchor || !selection.head) return null;
  try {
    const anchor = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(selection.anchor), document);
    const head = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(selection.head), document);
    if (!anchor || !head || anchor.type !== head.type) return null;
    for (const [name, type] of document.share)
      if (type === anchor.type && name.startsWith("code:")) return { text: name, anchor: anchor.index, head: head.index };
    return null;
  } catch {
    return null;
  }
}

export class CursorSampler {
  /** Per interview and participant: the latest sample not yet written. */
  private readonly pending = new Map<string, SampleRow>();
  private readonly lastTaken = new Map<string, { at: number; sample: CursorSample }>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly logger: Logger,
    private readonly write: WriteSamples,
  ) {
    this.timer = setInterval(() => void this.flush(), SAMPLE_MS);
    this.timer.unref();
  }

  /** Presence changed in a room: takes the selections of the clients that changed. */
  observe(document: Document, clients: number[], now = Date.now()): void {
    const states = document.awareness.getStates();
    for (const clientId of clients) {
      const selection = (states.get(clientId) as { selection?: Selection } | undefined)?.selection;
      if (!selection) continue;
      const owner = [...document.connections.values()].find(({ clients: own }) => own.has(clientId));
      const participant = (owner?.connection.context as Partial<RoomContext> | undefined)?.participant;
      if (!participant) continue;
      const sample = resolveSelection(document, selection);
      if (!sample) continue;
      const key = `${document.name}\u0000${participant.kind}\u0000${participant.id}`;
      const last = this.lastTaken.get(key);
      // Back where it was last written: nothing new to write (a move in between, still waiting, is dropped).
      if (last && last.sample.text === sample.text && last.sample.anchor === sample.anchor && last.sample.head === sample.head) {
        this.pending.delete(key);
        continue;
      }
      this.pending.set(key, { interviewId: document.name, actorKind: participant.kind, actorId: participant.id, at: new Date(now), sample });
    }
  }

  /** Writes the samples waiting; a sample taken less than SAMPLE_MS after its participant's last waits for the next round. */
  flush(now = Date.now(), all = false): Promise<void> {
    const due: SampleRow[] = [];
    for (const [key, entry] of this.pending) {
      const last = this.lastTaken.get(key);
      if (!all && last && now - last.at < SAMPLE_MS) continue;
      const at = last ? Math.min(now, Math.max(entry.at.getTime(), last.at + SAMPLE_MS)) : entry.at.getTime();
      due.push({ ...entry, at: new Date(at) });
      this.pending.delete(key);
      this.lastTaken.set(key, { at, sample: entry.sample });
    }
    if (due.length === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      // One batch per room: a room deleted meanwhile fails alone.
      for (const interviewId of new Set(due.map((entry) => entry.interviewId))) {
        try {
          await this.write(
            interviewId,
            due.filter((entry) => entry.interviewId === interviewId),
          );
        } catch (error) {
          // A deleted interview takes its samples with it; anything else loses a few cursor samples, never an edit.
          if ((error as { code?: string }).code !== "P2003") this.logger.warn({ err: error, interviewId }, "could not keep cursor samples");
        }
      }
    });
    return this.flushing;
  }

  /** A room closed: its participants' next samples start afresh. */
  forget(interviewId: string): void {
    for (const key of this.lastTaken.keys()) if (key.startsWith(`${interviewId}\u0000`)) this.lastTaken.delete(key);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush(Date.now(), true);
  }
}

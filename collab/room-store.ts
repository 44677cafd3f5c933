// A room's document in Postgres: every accepted update appended to a log as it happens (with its
// author), and from time to time the whole state with the last logged update it includes. Loading
// is that state plus the updates logged after it, so a server killed between two stores loses
// nothing it had logged. Yjs updates are idempotent: one applied twice changes nothing.
import * as Y from "yjs";
import { db } from "@/lib/db";
import type { Logger } from "pino";

export interface UpdateAuthor {
  kind: "member" | "guest" | "server";
  id: string | null;
}

/** How long a failed append waits before it is tried again (the database restarting, say). */
const RETRY_MS = 1_000;

export class RoomStore {
  /** Per room, the appends in order: the log keeps the order in which the document took them. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** The stored state and the updates after it, applied to `doc`; false when the room has nothing stored yet. */
  async load(interviewId: string, doc: Y.Doc): Promise<boolean> {
    const snapshot = await db.interviewDocument.findUnique({ where: { interviewId }, select: { state: true, lastUpdateSeq: true } });
    const updates = await db.interviewDocumentUpdate.findMany({
      where: { interviewId, seq: { gt: snapshot?.lastUpdateSeq ?? 0n } },
      orderBy: { seq: "asc" },
      select: { update: true },
    });
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot.state);
      for (const { update } of updates) Y.applyUpdate(doc, update);
    });
    return snapshot !== null || updates.length > 0;
  }

  /** Logs an update; resolves once it is stored (retrying while the database is away). */
  append(interviewId: string, update: Uint8Array, author: UpdateAuthor): Promise<void> {
    const previous = this.tails.get(interviewId) ?? Promise.resolve();
    const next = previous.then(() => this.insertUntilStored(interviewId, update, author));
    this.tails.set(interviewId, next);
    void next.finally(() => {
      if (this.tails.get(interviewId) === next) this.tails.delete(interviewId);
    });
    return next;
  }

  /** Resolves when every update appended so far is stored. */
  async settled(interviewId?: string): Promise<void> {
    await Promise.all(interviewId ? [this.tails.get(interviewId)] : [...this.tails.values()]);
  }

  /** Stores the whole state, recording which logged updates it already holds. */
  async storeState(interviewId: string, doc: Y.Doc): Promise<void> {
    await this.settled(interviewId);
    // Read the last seq first: every update logged up to it was applied to `doc` before it was logged.
    const last = await db.interviewDocumentUpdate.aggregate({ where: { interviewId }, _max: { seq: true } });
    const state = Buffer.from(Y.encodeStateAsUpdate(doc));
    const lastUpdateSeq = last._max.seq ?? 0n;
    await db.interviewDocument.upsert({
      where: { interviewId },
      create: { interviewId, state, lastUpdateSeq },
      update: { state, lastUpdateSeq },
    });
  }

  private async insertUntilStored(interviewId: string, update: Uint8Array, author: UpdateAuthor): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await db.interviewDocumentUpdate.create({
          data: { interviewId, update: Buffer.from(update), authorKind: author.kind, authorId: author.id },
          select: { seq: true },
        });
        return;
      } catch (error) {
        // An interview deleted meanwhile has no log to keep.
        if ((error as { code?: string }).code === "P2003") return;
        if (attempt === 1 || attempt % 30 === 0) this.logger.error({ err: error, interviewId, attempt }, "could not log a room update; retrying");
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}

import "server-only";
// One LISTEN connection per web process, fanned out to every open progress stream. A stream is only
// told "something new may exist for this submission" and re-reads the table, so a notification lost
// while the connection is down costs a short delay, never an event: a lost connection is made again
// (every second until it is back) and then every stream re-reads; streams also re-read on a slow timer.
import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";
import { SUBMISSION_EVENTS_CHANNEL } from "@/lib/grading/submission-events";
import { logger } from "@/lib/logger";

type Wake = () => void;

/** How long after losing its connection the hub tries to connect again (and again, while anyone listens). */
const RECONNECT_MS = 1_000;

class SubmissionEventHub {
  private readonly listeners = new Map<string, Set<Wake>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private reconnecting: NodeJS.Timeout | null = null;

  /** Calls `wake` whenever an event for `submissionId` is announced; returns the unsubscribe function. */
  async subscribe(submissionId: string, wake: Wake): Promise<() => void> {
    let set = this.listeners.get(submissionId);
    if (!set) this.listeners.set(submissionId, (set = new Set()));
    set.add(wake);
    await this.connect().catch((error: unknown) => logger.warn({ err: error }, "progress listener not connected; streams fall back to polling"));
    return () => {
      set.delete(wake);
      if (set.size === 0) this.listeners.delete(submissionId);
    };
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: requireDatabaseUrl() });
      client.on("notification", (message) => {
        try {
          const { submissionId } = JSON.parse(message.payload ?? "{}") as { submissionId?: string };
          if (submissionId) for (const wake of this.listeners.get(submissionId) ?? []) wake();
        } catch {
          // not ours
        }
      });
      const lost = (error?: Error) => {
        if (this.client !== client && this.connecting === null) return;
        logger.warn({ err: error }, "progress listener lost its connection; connecting again");
        this.client = null;
        client.end().catch(() => undefined);
        this.wakeEveryone();
        this.reconnectSoon();
      };
      client.on("error", lost);
      client.on("end", () => lost());
      await client.connect();
      await client.query(`LISTEN ${SUBMISSION_EVENTS_CHANNEL}`);
      this.client = client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private reconnectSoon(): void {
    if (this.reconnecting || this.listeners.size === 0) return;
    this.reconnecting = setTimeout(() => {
      this.reconnecting = null;
      this.connect().then(
        // Listening again: anything announced while it was away is in the table.
        () => this.wakeEveryone(),
        () => this.reconnectSoon(),
      );
    }, RECONNECT_MS);
    this.reconnecting.unref();
  }

  private wakeEveryone(): void {
    for (const wakes of this.listeners.values()) for (const wake of wakes) wake();
  }
}

const globalForHub = globalThis as unknown as { osprepSubmissionEventHub?: SubmissionEventHub };
export const submissionEventHub = (globalForHub.osprepSubmissionEventHub ??= new SubmissionEventHub());

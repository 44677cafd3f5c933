import "server-only";
// One LISTEN connection per web process, fanned out to every open progress stream. A stream is only
// told "something new may exist for this submission" and re-reads the table, so a notification lost
// while reconnecting costs a short delay (streams also re-read on a timer), never an event.
import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";
import { SUBMISSION_EVENTS_CHANNEL } from "@/lib/grading/submission-events";
import { logger } from "@/lib/logger";

type Wake = () => void;

class SubmissionEventHub {
  private readonly listeners = new Map<string, Set<Wake>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;

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
          if (submissionId) this.listeners.get(submissionId)?.forEach((wake) => wake());
        } catch {
          // not ours
        }
      });
      client.on("error", (error) => {
        logger.warn({ err: error }, "progress listener lost its connection");
        this.client = null;
        client.end().catch(() => undefined);
        // Everyone re-reads: anything announced while disconnected is in the table.
        this.listeners.forEach((set) => set.forEach((wake) => wake()));
      });
      await client.connect();
      await client.query(`LISTEN ${SUBMISSION_EVENTS_CHANNEL}`);
      this.client = client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }
}

const globalForHub = globalThis as unknown as { osprepSubmissionEventHub?: SubmissionEventHub };
export const submissionEventHub = (globalForHub.osprepSubmissionEventHub ??= new SubmissionEventHub());

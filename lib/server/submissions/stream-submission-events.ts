import "server-only";
import { db } from "@/lib/db";
import { readSubmissionEvents, type StoredSubmissionEvent } from "@/lib/grading/submission-events";
import { logger } from "@/lib/logger";
import type { PublicSubmission } from "@/lib/validations/submissions";
import { submissionEventHub } from "@/lib/server/submissions/event-hub";

/** Re-read the table this often even without a notification (a safety net: the hub wakes streams when it reconnects). */
const POLL_MS = 10_000;
/** A comment line this often keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;
/** The `error` event's message: the stream cannot go on, but the grading does. */
const STREAM_FAILED_MESSAGE =
  "Live progress stopped because of an error on our side. Your submission is still graded: reload the page in a moment to see its result.";

/**
 * The progress of a submission as Server-Sent Events, from the event after `afterSeq` on, ending
 * with the `done` event, which carries the public result. A client resuming at or past the end of a
 * finished submission is sent its `done` event again, so that every stream ends with the result.
 * A failure ends the stream with an `error` event whose `message` says what to do.
 */
export async function streamSubmissionEvents(options: {
  submissionId: string;
  /** The submission as the caller may see it: throws NOT_FOUND for anyone who may not (checked before the stream opens). */
  readSubmission: () => Promise<PublicSubmission>;
  afterSeq: number;
  signal: AbortSignal;
}): Promise<ReadableStream<Uint8Array>> {
  const { submissionId, readSubmission, signal } = options;
  await readSubmission();
  const encoder = new TextEncoder();
  let lastSeq = options.afterSeq;
  let wake: (() => void) | null = null;
  /** Set by a notification; one that arrives while the table is being read must not be lost. */
  let notified = false;
  let cancelled = false;
  const unsubscribe = await submissionEventHub.subscribe(submissionId, () => {
    notified = true;
    wake?.();
  });

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      let lastSent = Date.now();
      const sendEvent = async ({ seq, event }: StoredSubmissionEvent) => {
        const data = event.type === "done" ? { ...event, submission: await readSubmission() } : event;
        send(`id: ${seq}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
        lastSeq = seq;
        lastSent = Date.now();
      };
      signal.addEventListener("abort", () => wake?.(), { once: true });
      send(`retry: 1000\n\n`);
      try {
        while (!signal.aborted) {
          notified = false;
          const stored = await readSubmissionEvents(db, submissionId, lastSeq);
          for (const next of stored) {
            await sendEvent(next);
            if (next.event.type === "done") return;
          }
          const final = stored.length === 0 ? await doneEventIfFinished(submissionId) : null;
          if (final) {
            await sendEvent(final);
            return;
          }
          if (Date.now() - lastSent >= KEEPALIVE_MS) {
            send(`: keepalive\n\n`);
            lastSent = Date.now();
          }
          if (notified) continue;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, POLL_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      } catch (error) {
        // A client that went away makes `send` throw; that is no failure.
        if (cancelled || signal.aborted) return;
        logger.error({ err: error, submissionId, afterSeq: options.afterSeq }, "progress stream failed");
        try {
          send(`event: error\ndata: ${JSON.stringify({ message: STREAM_FAILED_MESSAGE })}\n\n`);
        } catch {
          // the client went away meanwhile
        }
      } finally {
        unsubscribe();
        try {
          controller.close();
        } catch {
          // the client went away first
        }
      }
    },
    cancel() {
      cancelled = true;
      unsubscribe();
      wake?.();
    },
  });
}

/** A finished submission's stored `done` event (the worker writes it with the final status, in one transaction). */
async function doneEventIfFinished(submissionId: string): Promise<StoredSubmissionEvent | null> {
  const { status } = await db.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { status: true } });
  if (status !== "done" && status !== "internal_error") return null;
  return (await readSubmissionEvents(db, submissionId)).findLast(({ event }) => event.type === "done") ?? null;
}

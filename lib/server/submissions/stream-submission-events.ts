import "server-only";
import { db } from "@/lib/db";
import { readSubmissionEvents } from "@/lib/grading/submission-events";
import { getSubmission } from "@/lib/server/submissions/get-submission";
import { submissionEventHub } from "@/lib/server/submissions/event-hub";

/** Re-read the table this often even without a notification (a safety net: the hub wakes streams when it reconnects). */
const POLL_MS = 10_000;
/** A comment line this often keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;

/**
 * The progress of a submission as Server-Sent Events, from the event after `afterSeq` on, ending
 * with the `done` event, which carries the public result.
 */
export async function streamSubmissionEvents(options: {
  userId: string;
  submissionId: string;
  afterSeq: number;
  signal: AbortSignal;
}): Promise<ReadableStream<Uint8Array>> {
  const { userId, submissionId, signal } = options;
  await getSubmission({ userId, submissionId }); // 404 for anyone but the owner
  const encoder = new TextEncoder();
  let lastSeq = options.afterSeq;
  let wake: (() => void) | null = null;
  /** Set by a notification; one that arrives while the table is being read must not be lost. */
  let notified = false;
  const unsubscribe = await submissionEventHub.subscribe(submissionId, () => {
    notified = true;
    wake?.();
  });

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      let lastSent = Date.now();
      signal.addEventListener("abort", () => wake?.(), { once: true });
      send(`retry: 1000\n\n`);
      try {
        while (!signal.aborted) {
          notified = false;
          for (const { seq, event } of await readSubmissionEvents(db, submissionId, lastSeq)) {
            const data = event.type === "done" ? { ...event, submission: await getSubmission({ userId, submissionId }) } : event;
            send(`id: ${seq}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
            lastSeq = seq;
            lastSent = Date.now();
            if (event.type === "done") return;
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
      unsubscribe();
      wake?.();
    },
  });
}

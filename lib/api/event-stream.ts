// What every Server-Sent Events route shares: where a client resumes, and the response's headers.
import { AppError } from "@/lib/errors";

/** Event ids are Postgres int4s: no event has a larger one. */
const MAX_EVENT_ID = 2_147_483_647;

/** The event after which a stream resumes: Last-Event-ID (the browser's own reconnect) or ?after= (a new EventSource); 0 for the start. */
export function resumeAfter(request: Request): number {
  const lastEventId = resumePoint("Last-Event-ID", request.headers.get("last-event-id"));
  const after = resumePoint("after", new URL(request.url).searchParams.get("after"));
  return lastEventId ?? after ?? 0;
}

function resumePoint(name: string, value: string | null): number | null {
  if (value === null || value === "") return null;
  if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_EVENT_ID) {
    throw new AppError(
      "BAD_REQUEST",
      `${name} must be the id of an event this stream sent, a whole number from 0 to ${MAX_EVENT_ID}. Leave it out to receive every event from the start.`,
    );
  }
  return Number(value);
}

export function eventStreamResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}

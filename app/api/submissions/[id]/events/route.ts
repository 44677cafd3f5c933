// GET /api/submissions/:id/events — grading progress as Server-Sent Events (resumable with Last-Event-ID or ?after=)
import { apiRoute } from "@/lib/api/route-handler";
import { AppError } from "@/lib/errors";
import { requireApiUser } from "@/lib/server/auth/require-api-user";
import { getSubmission } from "@/lib/server/submissions/get-submission";
import { streamSubmissionEvents } from "@/lib/server/submissions/stream-submission-events";

export const dynamic = "force-dynamic";

/** Event ids are Postgres int4s: no event has a larger one. */
const MAX_EVENT_ID = 2_147_483_647;

export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  // The browser sends Last-Event-ID when it reconnects by itself; a new EventSource cannot, so the page passes ?after=.
  const lastEventId = resumePoint("Last-Event-ID", request.headers.get("last-event-id"));
  const after = resumePoint("after", new URL(request.url).searchParams.get("after"));
  const afterSeq = lastEventId ?? after ?? 0;
  const readSubmission = () => getSubmission({ userId: user.id, submissionId: id });
  const stream = await streamSubmissionEvents({ submissionId: id, readSubmission, afterSeq, signal: request.signal });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});

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

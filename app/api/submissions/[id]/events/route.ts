// GET /api/submissions/:id/events — grading progress as Server-Sent Events (resumable with Last-Event-ID)
import { apiRoute } from "@/lib/api/route-handler";
import { requireApiUser } from "@/lib/server/auth/require-api-user";
import { streamSubmissionEvents } from "@/lib/server/submissions/stream-submission-events";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  const resumeFrom = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after");
  const afterSeq = Number.isInteger(Number(resumeFrom)) && Number(resumeFrom) > 0 ? Number(resumeFrom) : 0;
  const stream = await streamSubmissionEvents({ userId: user.id, submissionId: id, afterSeq, signal: request.signal });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});

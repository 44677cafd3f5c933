// GET /api/submissions/:id/events — grading progress as Server-Sent Events (resumable with Last-Event-ID or ?after=)
import { eventStreamResponse, resumeAfter } from "@/lib/api/event-stream";
import { apiRoute } from "@/lib/api/route-handler";
import { requireApiUser } from "@/lib/server/auth/require-api-user";
import { getSubmission } from "@/lib/server/submissions/get-submission";
import { streamSubmissionEvents } from "@/lib/server/submissions/stream-submission-events";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  const afterSeq = resumeAfter(request);
  const readSubmission = () => getSubmission({ userId: user.id, submissionId: id });
  return eventStreamResponse(await streamSubmissionEvents({ submissionId: id, readSubmission, afterSeq, signal: request.signal }));
});

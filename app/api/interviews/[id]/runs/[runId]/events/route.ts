// GET /api/interviews/:id/runs/:runId/events — a room's run's grading progress as Server-Sent Events, for every participant (resumable like a submission's)
import { eventStreamResponse, resumeAfter } from "@/lib/api/event-stream";
import { apiRoute } from "@/lib/api/route-handler";
import { viewerFromRequest } from "@/lib/server/interviews/room-access";
import { getRoomRun } from "@/lib/server/interviews/room-runs";
import { streamSubmissionEvents } from "@/lib/server/submissions/stream-submission-events";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ params: Promise<{ id: string; runId: string }> }>(async (request, { params }) => {
  const { id: interviewId, runId } = await params;
  const afterSeq = resumeAfter(request);
  const viewer = await viewerFromRequest(request, interviewId);
  const readSubmission = () => getRoomRun({ viewer, interviewId, submissionId: runId });
  return eventStreamResponse(await streamSubmissionEvents({ submissionId: runId, readSubmission, afterSeq, signal: request.signal }));
});

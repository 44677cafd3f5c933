// GET /api/interviews/:id/runs/:runId — one of a room's runs, for any of its participants
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route-handler";
import { viewerFromRequest } from "@/lib/server/interviews/room-access";
import { getRoomRun } from "@/lib/server/interviews/room-runs";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ params: Promise<{ id: string; runId: string }> }>(async (request, { params }) => {
  const { id: interviewId, runId } = await params;
  return NextResponse.json(await getRoomRun({ viewer: await viewerFromRequest(request, interviewId), interviewId, submissionId: runId }));
});

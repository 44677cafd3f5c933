// GET /api/submissions/:id — one submission with its result, for its owner
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route-handler";
import { requireApiUser } from "@/lib/server/auth/require-api-user";
import { getSubmission } from "@/lib/server/submissions/get-submission";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  return NextResponse.json(await getSubmission({ userId: user.id, submissionId: id }));
});

// GET /api/exercises/:slug/workspace — the caller's drafts and recent submissions of an exercise (none when signed out)
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route-handler";
import { lookUpSession } from "@/lib/server/auth/look-up-session";
import { getWorkspace } from "@/lib/server/exercises/get-workspace";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const user = await lookUpSession(request.headers);
  const workspace = await getWorkspace({ userId: user?.id ?? null, exerciseSlug: (await params).slug });
  return NextResponse.json(workspace, { headers: { "cache-control": "private, no-store" } });
});

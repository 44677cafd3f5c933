// GET /api/progress/roadmap — the caller's standing on every roadmap topic (mastery, mark, exercise statuses, cards due), for the roadmap page
import { apiRoute } from "@/lib/api/route-handler";
import { requireApiUser } from "@/lib/server/auth/require-api-user";
import { getRoadmapProgress } from "@/lib/server/progress/get-roadmap-progress";
import { cachedProgress } from "@/lib/server/progress/progress-cache";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const user = await requireApiUser(request);
  // Kept as JSON, the shape of RoadmapProgress.
  const progress = await cachedProgress("roadmap", user.id, async () => JSON.stringify(await getRoadmapProgress({ userId: user.id })));
  return new Response(progress, { headers: { "content-type": "application/json", "cache-control": "private, no-store" } });
});

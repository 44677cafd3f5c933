// GET /api/progress/dashboard — everything the caller's dashboard shows (mastery, activity and streaks, next step, history), and their name
import { apiRoute } from "@/lib/api/route-handler";
import { requireApiUser } from "@/lib/server/auth/require-api-user";
import { getDashboard } from "@/lib/server/progress/get-dashboard";
import { cachedProgress } from "@/lib/server/progress/progress-cache";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const user = await requireApiUser(request);
  // Kept as JSON: a heavy user's dashboard is some 30 KiB to serialize on every view otherwise. The shape is DashboardResponse.
  const dashboard = await cachedProgress("dashboard", user.id, async () => JSON.stringify(await getDashboard({ userId: user.id })));
  return new Response(`{"userName":${JSON.stringify(user.name)},"dashboard":${dashboard}}`, {
    headers: { "content-type": "application/json", "cache-control": "private, no-store" },
  });
});

// GET /api/health — liveness, database reachability and whether any grading worker is alive, for load balancers, docker-compose and the exercise page
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route-handler";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { type GradingStatus, getGradingStatus } from "@/lib/server/grading/get-grading-status";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  let grading: GradingStatus;
  try {
    // The one query also proves the database reachable. A paused grading is no reason to take the web tier out of service: still 200.
    grading = await getGradingStatus();
  } catch (error) {
    logger.warn({ err: error }, "health check: database unreachable");
    throw new AppError("UNAVAILABLE", "The database is not reachable; osprep will recover when it is back.");
  }
  return NextResponse.json({ status: "ok", database: "ok", grading }, { headers: { "cache-control": "no-store" } });
});

// GET /api/health — liveness and database reachability, for load balancers and docker-compose
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route-handler";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    logger.warn({ err: error }, "health check: database unreachable");
    throw new AppError("UNAVAILABLE", "The database is not reachable; osprep will recover when it is back.");
  }
  return NextResponse.json({ status: "ok", database: "ok" });
});

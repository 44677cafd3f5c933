import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** `paused`: no grading worker is alive, so submissions wait in the queue until one starts. */
export type GradingStatus = "ok" | "paused";

/**
 * Whether any worker's heartbeat is fresher than the stale limit (the limit after which workers
 * count one as dead and take over its jobs). One indexed query, on database time as the workers' is.
 */
export async function getGradingStatus({
  staleSeconds = env.WORKER_STALE_SECONDS,
  client = db,
}: {
  staleSeconds?: number;
  /** A transaction's client, to ask from inside it. */
  client?: Pick<typeof db, "$queryRaw">;
} = {}): Promise<GradingStatus> {
  const [{ alive }] = await client.$queryRaw<[{ alive: boolean }]>`
    SELECT EXISTS (SELECT 1 FROM "GradingWorker" WHERE "heartbeatAt" > now() - make_interval(secs => ${staleSeconds})) AS alive`;
  return alive ? "ok" : "paused";
}

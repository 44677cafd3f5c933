// Keeps a heartbeat for this worker process and takes over the jobs of workers that died: a worker
// whose heartbeat is older than the stale limit had its locked jobs released for others to grade.
// (graphile-worker alone would wait four hours before retrying a crashed worker's job.)
import { hostname } from "node:os";
import type { WorkerUtils } from "graphile-worker";
import type { Logger } from "pino";
import { db } from "@/lib/db";

export interface WorkerRegistry {
  stop(): Promise<void>;
}

export async function startWorkerRegistry(options: {
  workerName: string;
  concurrency: number;
  /** The queue's ids for this process's job slots (what it writes as locked_by). */
  jobWorkerIds: () => string[];
  heartbeatSeconds: number;
  staleSeconds: number;
  workerUtils: WorkerUtils;
  logger: Logger;
}): Promise<WorkerRegistry> {
  const { workerName, logger } = options;
  await db.gradingWorker.create({
    data: { id: workerName, hostname: hostname(), pid: process.pid, concurrency: options.concurrency, jobWorkerIds: options.jobWorkerIds() },
  });

  const beat = async () => {
    // Database time on both sides, so clocks of different hosts never matter.
    await db.$executeRaw`UPDATE "GradingWorker" SET "heartbeatAt" = now(), "jobWorkerIds" = ${options.jobWorkerIds()} WHERE id = ${workerName}`;
    const stale = await db.$queryRaw<{ id: string; jobWorkerIds: string[] }[]>`
      DELETE FROM "GradingWorker"
      WHERE "heartbeatAt" < now() - make_interval(secs => ${options.staleSeconds}) AND id <> ${workerName}
      RETURNING id, "jobWorkerIds"`;
    const ids = stale.flatMap((row) => row.jobWorkerIds);
    if (ids.length > 0) {
      await options.workerUtils.forceUnlockWorkers(ids);
      logger.warn({ deadWorkers: stale.map((row) => row.id) }, "released the jobs of workers whose heartbeat stopped");
    }
  };

  let running = true;
  const warn = (error: unknown) => logger.warn({ err: error }, "heartbeat failed; retrying");
  let current: Promise<void> = beat().catch(warn);
  const timer = setInterval(() => {
    if (!running) return;
    current = current.then(beat).catch(warn);
  }, options.heartbeatSeconds * 1000);

  return {
    async stop() {
      running = false;
      clearInterval(timer);
      await current.catch(() => undefined);
      await db.gradingWorker.delete({ where: { id: workerName } }).catch(() => undefined);
    },
  };
}

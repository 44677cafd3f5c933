// A grading worker process (`npm run worker`): takes grading jobs from the queue in PostgreSQL and
// runs them in this host's Docker engine. Any number of them, on any number of hosts, may share
// one database. Started by scripts/osprep.ts, which provides DATABASE_URL.
import "@/lib/load-dotenv";
import { availableParallelism } from "node:os";
import { randomBytes } from "node:crypto";
import { makeWorkerUtils, run, type WorkerEvents } from "graphile-worker";
import { EventEmitter } from "node:events";
import { env, requireDatabaseUrl } from "@/lib/env";
import { gradeSubmissionJob } from "@/lib/jobs/grade-submission-job";
import { queueLogger } from "@/lib/jobs/queue-logger";
import { logger as rootLogger } from "@/lib/logger";
import { createDockerProgramBuilder } from "@/sandbox/docker/program-builder";
import { makeGradeSubmissionTask } from "@/worker/grade-submission";
import { warmGraders } from "@/worker/warm-graders";
import { startWorkerRegistry } from "@/worker/worker-registry";

const logger = rootLogger;

async function main(): Promise<void> {
  const connectionString = requireDatabaseUrl();
  // One grading job per spare core: each job's sandbox is pinned to one CPU.
  const concurrency = env.WORKER_CONCURRENCY ?? Math.max(1, availableParallelism() - 1);
  const workerName = `worker-${randomBytes(5).toString("hex")}`;
  const builder = await createDockerProgramBuilder({ logger, uidRange: env.SANDBOX_UID_RANGE });

  const events: WorkerEvents = new EventEmitter();
  const jobWorkerIds = new Set<string>();
  // Jobs are locked in the pool's name (graphile-worker 0.17) or a worker's: record both.
  events.on("pool:create", ({ workerPool }) => jobWorkerIds.add(workerPool.id));
  events.on("worker:create", ({ worker }) => jobWorkerIds.add(worker.workerId));

  const runner = await run({
    connectionString,
    concurrency,
    noHandleSignals: true,
    pollInterval: 2_000,
    events,
    logger: queueLogger(logger),
    taskList: { [gradeSubmissionJob.id]: makeGradeSubmissionTask({ builder, logger, workerName }) },
  });
  const workerUtils = await makeWorkerUtils({ connectionString, logger: queueLogger(logger) });
  const registry = await startWorkerRegistry({
    workerName,
    concurrency,
    jobWorkerIds: () => [...jobWorkerIds],
    heartbeatSeconds: env.WORKER_HEARTBEAT_SECONDS,
    staleSeconds: env.WORKER_STALE_SECONDS,
    workerUtils,
    logger,
  });
  logger.info({ workerName, concurrency }, "grading worker ready");
  const warmUp = warmGraders({ logger });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "finishing the jobs in hand, then stopping");
    await warmUp.stop();
    await runner.stop();
    await registry.stop();
    await workerUtils.release();
    await builder.close();
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
  await runner.promise;
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

// Builds every exercise's tests and workloads for every language in a thread of its own when the
// worker starts, and hands them to this thread's generators (graders/core/memo.ts), so the first
// Submit of each exercise does not spend seconds on its oracle (Banker's C workloads take ~2 s),
// and the worker's event loop (its heartbeat, its job queue) never waits for them.
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import { prime } from "@/graders/core/memo";

export interface WarmUp {
  /** Settles once every piece the thread made is here (or the thread failed, which is logged). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** Starts the warm-up of every exercise, or of `slugs` only. */
export function warmGraders(options: { logger: Logger; slugs?: string[] }): WarmUp {
  const started = performance.now();
  const thread = new URL("./warm-graders-thread.ts", import.meta.url).href;
  // The thread loads TypeScript through tsx, as this process does.
  const worker = new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(thread)}); })`, {
    eval: true,
    workerData: { slugs: options.slugs },
  });
  worker.unref();
  const ready = new Promise<void>((resolve) => {
    worker.on("message", (message: { made?: Parameters<typeof prime>[0]; done?: boolean }) => {
      if (message.made) prime(message.made);
      if (message.done) {
        options.logger.info({ ms: Math.round(performance.now() - started) }, "every exercise's tests and workloads are ready");
        resolve();
      }
    });
    worker.on("error", (error) => {
      options.logger.warn({ err: error }, "could not build the exercises' tests ahead of time; they are built when first needed");
      resolve();
    });
    worker.on("exit", () => resolve());
  });
  return { ready, stop: async () => void (await worker.terminate()) };
}

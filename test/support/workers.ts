// Real worker processes (`tsx worker/main.ts`) for pipeline tests: started, stopped, or killed.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface WorkerProcess {
  process: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function startWorker(databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["worker/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      OSPREP_SERVICE: "worker",
      LOG_LEVEL: process.env.WORKER_LOG_LEVEL ?? "warn",
      WORKER_CONCURRENCY: "1",
      WORKER_HEARTBEAT_SECONDS: "1",
      WORKER_STALE_SECONDS: "4",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return {
    process: child,
    kill: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

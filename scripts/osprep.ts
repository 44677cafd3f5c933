// The launcher behind `npm start`, `npm run dev`, `npm run worker`, `npm run collab` and `npm run
// db:migrate`: brings up a migrated database (embedded PostgreSQL unless DATABASE_URL is set), then
// runs the web server, the collaboration server (interview rooms) and a grading worker against it,
// and stops them all together.
import "@/lib/load-dotenv";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { prepareDatabase } from "@/lib/database/prepare-database";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const command = process.argv[2] ?? "start";
const COMMANDS = ["start", "dev", "worker", "collab", "migrate"];

/** A worker that exits on its own (Docker down, database restarting) is started again after this. */
const WORKER_RESTART_MS = 10_000;
/** The collaboration server comes back at once: rooms are waiting to reconnect. */
const COLLAB_RESTART_MS = 1_000;

async function main(): Promise<void> {
  if (!COMMANDS.includes(command)) throw new Error(`Unknown command "${command}": use ${COMMANDS.join(", ")}.`);
  const database = await prepareDatabase({ env, logger });
  if (command === "migrate") {
    await database.stop();
    return;
  }
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET ?? (await localAuthSecret()),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: command === "dev" ? "development" : "production",
  };

  const supervisor = new Supervisor();
  process.once("SIGINT", () => supervisor.stopAll("SIGINT"));
  process.once("SIGTERM", () => supervisor.stopAll("SIGTERM"));

  if (command === "start" && buildIsStale()) {
    logger.info("building the web app (first start, or sources changed since the last build)");
    const code = await supervisor.runToEnd([bin("next"), "build"], childEnv);
    if (code !== 0) throw new Error(`next build failed (exit ${code}).`);
  }
  const runWorker = command === "worker" || (command !== "collab" && env.OSPREP_WORKER === "on");
  if (runWorker) supervisor.keepRunning("worker", [bin("tsx"), "worker/main.ts"], { ...childEnv, OSPREP_SERVICE: "worker" }, WORKER_RESTART_MS);
  const runCollab = command === "collab" || (command !== "worker" && env.OSPREP_COLLAB === "on");
  if (runCollab) supervisor.keepRunning("collaboration server", [bin("tsx"), "collab/main.ts"], { ...childEnv, OSPREP_SERVICE: "collab" }, COLLAB_RESTART_MS);
  if (command !== "worker" && command !== "collab") {
    logger.info({ url: env.OSPREP_URL }, "starting osprep");
    const web = [bin("tsx"), "lib/web-server/serve.ts", ...(command === "dev" ? ["--dev"] : []), "--port", String(env.PORT)];
    process.exitCode = await supervisor.runToEnd(web, { ...childEnv, OSPREP_SERVICE: "web" });
    supervisor.stopAll("SIGTERM");
  }
  await supervisor.allStopped();
  await database.stop();
}

/** Runs the child processes; passes signals on; restarts the worker if it dies on its own. */
class Supervisor {
  private readonly children = new Set<ChildProcess>();
  private stopping = false;

  runToEnd(argv: string[], childEnv: NodeJS.ProcessEnv): Promise<number> {
    const child = this.spawn(argv, childEnv);
    return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  }

  keepRunning(name: string, argv: string[], childEnv: NodeJS.ProcessEnv, restartMs: number): void {
    if (this.stopping) return;
    const child = this.spawn(argv, childEnv);
    child.on("exit", (code, signal) => {
      if (this.stopping) return;
      logger.error({ code, signal }, `the ${name} stopped; starting it again in ${restartMs / 1000} s`);
      setTimeout(() => this.keepRunning(name, argv, childEnv, restartMs), restartMs).unref();
    });
  }

  stopAll(signal: NodeJS.Signals): void {
    this.stopping = true;
    for (const child of this.children) child.kill(signal);
  }

  async allStopped(): Promise<void> {
    await Promise.all(
      [...this.children].map(
        (child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve))),
      ),
    );
  }

  private spawn(argv: string[], childEnv: NodeJS.ProcessEnv): ChildProcess {
    const [file, ...args] = argv as [string, ...string[]];
    const child = spawn(file, args, { cwd: root, env: childEnv, stdio: "inherit" });
    this.children.add(child);
    child.on("exit", () => this.children.delete(child));
    return child;
  }
}

/** A secret kept in the data folder, so sessions survive restarts without any setup. */
async function localAuthSecret(): Promise<string> {
  const file = path.resolve(env.OSPREP_DATA_DIR, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** True when there is no production build, or a source file is newer than it. */
function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  // exercises/: the exercise pages are prerendered from the packages' statements and starters.
  const sources = ["app", "components", "lib", "graders/core", "exercises", "next.config.js", "package-lock.json"];
  return sources.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "generated") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

main().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

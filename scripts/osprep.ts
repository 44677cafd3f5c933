// The launcher behind `npm start`, `npm run dev` and `npm run db:migrate`: brings up a migrated
// database (embedded PostgreSQL unless DATABASE_URL is set), then runs Next.js against it.
import "@/lib/load-dotenv";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { prepareDatabase } from "@/lib/database/prepare-database";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", ".bin", "next");
const command = process.argv[2] ?? "start";

async function main(): Promise<void> {
  if (!["start", "dev", "migrate"].includes(command)) {
    throw new Error(`Unknown command "${command}": use start, dev or migrate.`);
  }
  const database = await prepareDatabase({ env, logger });
  if (command === "migrate") {
    await database.stop();
    return;
  }
  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET ?? (await localAuthSecret()),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: command === "dev" ? ("development" as const) : ("production" as const),
  };
  if (command === "start" && buildIsStale()) {
    logger.info("building the web app (first start, or sources changed since the last build)");
    await run([nextBin, "build"], childEnv);
  }
  const args = command === "dev" ? ["dev"] : ["start"];
  logger.info({ url: env.OSPREP_URL }, "starting osprep");
  const exitCode = await run([nextBin, ...args, "--port", String(env.PORT)], childEnv, true);
  await database.stop();
  process.exitCode = exitCode;
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
  const sources = ["app", "components", "lib", "next.config.js", "package-lock.json"];
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

/** Runs a command to completion; a long-running one gets our SIGINT/SIGTERM passed on. */
function run(argv: string[], childEnv: NodeJS.ProcessEnv, forwardSignals = false): Promise<number> {
  const [file, ...args] = argv as [string, ...string[]];
  const child = spawn(file, args, { cwd: root, env: childEnv, stdio: "inherit" });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  if (forwardSignals) {
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
  }
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      if (!forwardSignals && code !== 0) reject(new Error(`${path.basename(file)} ${args.join(" ")} failed (${code ?? signal}).`));
      else resolve(code ?? 0);
    });
  });
}

main().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? error.message : String(error));
  if (error instanceof Error && error.cause) logger.debug({ err: error.cause }, "cause");
  process.exitCode = 1;
});

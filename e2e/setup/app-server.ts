// Vitest global setup for e2e: serves the production build (`npm run build`) on a free port
// against a freshly migrated database with osprep's own web server, the way `npm start` does.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabaseIfMissing } from "@/lib/database/embedded-postgres";
import pino from "pino";
import { migrateEverything } from "@/lib/database/prepare-database";
import { freePort } from "@/test/support/free-port";
import { startWorker } from "@/test/support/workers";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "..", "..");

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` before the e2e tests (`npm test` does).");
  }
  const adminUrl = process.env.OSPREP_TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) throw new Error("test/setup/database.ts must run before e2e/setup/app-server.ts.");
  await createDatabaseIfMissing(adminUrl, "e2e");
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: "/e2e" }).toString();
  await migrateEverything({ databaseUrl, logger: pino({ level: "silent" }) });

  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const server = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["lib/web-server/serve.ts", "--port", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      OSPREP_URL: appUrl,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHealthy(`${appUrl}/api/health`, server);
  // A real grading worker with the real Docker engine, as `npm start` runs one.
  const worker = startWorker(databaseUrl);
  project.provide("appUrl", appUrl);
  return async () => {
    await worker.kill("SIGTERM");
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  };
}

async function waitForHealthy(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the web server exited with code ${server.exitCode} before serving.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill("SIGKILL");
  throw new Error(`The app did not answer ${url} within 60 s.`);
}

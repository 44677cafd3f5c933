// Vitest global setup for e2e: serves the production build (`npm run build`) on a free port
// against a freshly migrated database with osprep's own web server, the way `npm start` does.
// The server trusts the loopback as a proxy, so a test can play many people at many addresses by
// sending X-Forwarded-For (a browser's own requests come from 127.0.0.1).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import pino from "pino";
import type { TestProject } from "vitest/node";
import { startWebServer } from "@/e2e/support/web-server";
import { createDatabaseIfMissing } from "@/lib/database/embedded-postgres";
import { migrateEverything } from "@/lib/database/prepare-database";
import { startWorker } from "@/test/support/workers";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    /** The app's database: for tests that put rows in place (a finished submission) and look at them. */
    appDatabaseUrl: string;
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

  const server = await startWebServer({
    databaseUrl,
    authSecret: randomBytes(32).toString("hex"),
    env: { OSPREP_TRUSTED_PROXIES: "127.0.0.1, ::1" },
  });
  // A real grading worker with the real Docker engine, as `npm start` runs one.
  const worker = startWorker(databaseUrl);
  project.provide("appUrl", server.url);
  project.provide("appDatabaseUrl", databaseUrl);
  return async () => {
    await worker.kill("SIGTERM");
    await server.stop();
  };
}

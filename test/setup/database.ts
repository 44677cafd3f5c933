// Vitest global setup: one throw-away embedded PostgreSQL per test run; each test file then creates
// its own database on it (test/support/database.ts), so files never see each other's rows.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { freePort } from "@/test/support/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "osprep-test-postgres-"));
  await chmod(dataDir, 0o755); // run as root, the server runs as `postgres` and must reach its folder
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "postgres" });
  project.provide("databaseAdminUrl", server.adminUrl);
  // Later global setups of the same project (the e2e app server) read it from here.
  process.env.OSPREP_TEST_DATABASE_ADMIN_URL = server.adminUrl;
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

// A fresh database per test file on the run's embedded PostgreSQL.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDatabaseIfMissing } from "@/lib/database/embedded-postgres";
import pino from "pino";
import { migrateEverything } from "@/lib/database/prepare-database";

/** Creates an empty database and returns its URL. */
export async function createEmptyDatabase(prefix: string, adminUrl = inject("databaseAdminUrl")): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a database with every migration applied (and the job queue's schema) and returns its URL. */
export async function createMigratedDatabase(prefix: string, adminUrl?: string): Promise<string> {
  const url = await createEmptyDatabase(prefix, adminUrl);
  await migrateEverything({ databaseUrl: url, logger: pino({ level: "silent" }) });
  return url;
}

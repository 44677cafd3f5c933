// A fresh database per test file on the run's embedded PostgreSQL.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDatabaseIfMissing } from "@/lib/database/embedded-postgres";
import { migrateDatabase } from "@/lib/database/migrate";

/** Creates an empty database and returns its URL. */
export async function createEmptyDatabase(prefix: string, adminUrl = inject("databaseAdminUrl")): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a database with every migration applied and returns its URL. */
export async function createMigratedDatabase(prefix: string, adminUrl?: string): Promise<string> {
  const url = await createEmptyDatabase(prefix, adminUrl);
  await migrateDatabase({ databaseUrl: url });
  return url;
}

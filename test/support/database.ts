// A fresh database per test file on the run's embedded PostgreSQL.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDatabaseIfMissing } from "@/lib/database/embedded-postgres";
import pg from "pg";
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

/** Runs one SQL statement on `url` with its own connection: for tests that look at rows directly. */
export async function queryRows<Row extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

// Gets a migrated database for a process to use: the one at DATABASE_URL, or the embedded one.
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { migrateDatabase } from "@/lib/database/migrate";
import type { Env } from "@/lib/env";
import type { Logger } from "pino";

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function prepareDatabase(options: { env: Env; logger: Logger }): Promise<PreparedDatabase> {
  const { env, logger } = options;
  let database: PreparedDatabase;
  if (env.DATABASE_URL) {
    database = { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  } else {
    const dataDir = path.resolve(env.OSPREP_DATA_DIR);
    logger.info({ dataDir, port: env.EMBEDDED_POSTGRES_PORT }, "DATABASE_URL is unset: using the embedded PostgreSQL");
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: env.EMBEDDED_POSTGRES_PORT,
      onLog: (line) => logger.debug({ postgres: line }),
    });
    database = { url: embedded.url, embedded: true, stop: embedded.stop };
  }
  try {
    const result = await migrateDatabase({ databaseUrl: database.url });
    logger.info(result, result.applied.length ? "applied migrations" : "database schema is up to date");
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

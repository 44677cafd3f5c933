// Gets a migrated database for a process to use: the one at DATABASE_URL, or the embedded one.
import path from "node:path";
import { runMigrations as installJobQueue } from "graphile-worker";
import type { Logger } from "pino";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { migrateDatabase } from "@/lib/database/migrate";
import type { Env } from "@/lib/env";
import { queueLogger } from "@/lib/jobs/queue-logger";

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Applies prisma/migrations, then lets the job queue install or upgrade its own schema (graphile_worker). */
export async function migrateEverything(options: { databaseUrl: string; logger: Logger }): Promise<void> {
  const result = await migrateDatabase({ databaseUrl: options.databaseUrl });
  options.logger.info(result, result.applied.length ? "applied migrations" : "database schema is up to date");
  await installJobQueue({ connectionString: options.databaseUrl, logger: queueLogger(options.logger) });
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
    await migrateEverything({ databaseUrl: database.url, logger });
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

// Applies prisma/migrations with plain SQL where Prisma's schema engine is not available, keeping
// `_prisma_migrations` exactly as `prisma migrate deploy` would, so either tool can take over.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { MIGRATIONS_DIR } from "@/lib/paths";
import { type AppliedMigration, planMigrations, readMigrations } from "./migrations";

export { MIGRATIONS_DIR };

// Prisma's own advisory lock key, so this migrator and `prisma migrate deploy` exclude each other.
const PRISMA_ADVISORY_LOCK = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/** Brings the database at `databaseUrl` up to date; each migration runs in its own transaction. */
export async function migrateDatabase(options: { databaseUrl: string; migrationsDir?: string }): Promise<MigrateResult> {
  const files = await readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
    const applied: AppliedMigration[] = rows.map((row) => ({
      name: row.migration_name,
      checksum: row.checksum,
      finishedAt: row.finished_at,
      rolledBackAt: row.rolled_back_at,
    }));
    const pending = planMigrations(files, applied);
    for (const migration of pending) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
      }
    }
    return { applied: pending.map((m) => m.name), alreadyApplied: files.length - pending.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
    await client.end();
  }
}

// Reads Prisma-layout SQL migrations and decides which to apply: the pure half of the migrator.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface MigrationFile {
  /** The folder name, `<timestamp>_<name>`, which Prisma records as migration_name. */
  name: string;
  sql: string;
  /** sha256 of migration.sql, hex, as Prisma stores it in `_prisma_migrations.checksum`. */
  checksum: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+$/;

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** The migrations in `dir`, oldest first (folder names start with a UTC timestamp). */
export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const misnamed = folders.filter((name) => !MIGRATION_NAME.test(name));
  if (misnamed.length > 0) {
    throw new MigrationError(`Migration folders must be named <YYYYMMDDHHMMSS>_<snake_case_name>: ${misnamed.join(", ")} in ${dir}.`);
  }
  folders.sort();
  return Promise.all(
    folders.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

/**
 * What to apply, given what the database has recorded. Refuses a database whose history no longer
 * matches the files: an applied migration edited afterwards, one that failed half-way, or one
 * that exists in the database but not on disk.
 */
export function planMigrations(files: MigrationFile[], applied: AppliedMigration[]): MigrationFile[] {
  const live = applied.filter((row) => row.rolledBackAt === null);
  const failed = live.find((row) => row.finishedAt === null);
  if (failed) {
    throw new MigrationError(`Migration ${failed.name} started but never finished: repair the database by hand, then delete its row from _prisma_migrations.`);
  }
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of live) {
    const file = byName.get(row.name);
    if (!file) {
      throw new MigrationError(
        `The database has migration ${row.name} applied, but prisma/migrations has no such folder: this code is older than the database.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). Restore the original file and put the change in a new migration.`,
      );
    }
  }
  const done = new Set(live.map((row) => row.name));
  return files.filter((file) => !done.has(file.name));
}

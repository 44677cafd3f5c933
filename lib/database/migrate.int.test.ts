import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrateDatabase } from "@/lib/database/migrate";
import { checksumOf, readMigrations } from "@/lib/database/migrations";
import { createEmptyDatabase, queryRows } from "@/test/support/database";

const query = <Row extends pg.QueryResultRow>(url: string, sql: string) => queryRows<Row>(url, sql);

const tablesOf = async (url: string) =>
  (await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((row) => row.tablename);

const tempDirs: string[] = [];
afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function copyOfMigrations(extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "osprep-migrations-"));
  tempDirs.push(dir);
  for (const migration of await readMigrations(MIGRATIONS_DIR)) {
    await mkdir(path.join(dir, migration.name));
    await writeFile(path.join(dir, migration.name, "migration.sql"), migration.sql);
  }
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrateDatabase", () => {
  it("builds the schema from an empty database and records it as Prisma does", async () => {
    const url = await createEmptyDatabase("migrate_empty");
    const result = await migrateDatabase({ databaseUrl: url });
    const all = await readMigrations(MIGRATIONS_DIR);
    expect(result).toEqual({ applied: all.map((m) => m.name), alreadyApplied: 0 });
    expect(await tablesOf(url)).toEqual(
      expect.arrayContaining(["User", "Session", "Account", "Organization", "Member", "Submission", "ExerciseProgress", "Draft", "_prisma_migrations"]),
    );
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`,
    );
    const initSql = await readFile(path.join(MIGRATIONS_DIR, all[0]!.name, "migration.sql"), "utf8");
    expect(rows[0]).toMatchObject({ migration_name: all[0]!.name, checksum: checksumOf(initSql), applied_steps_count: 1 });
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
  });

  it("does nothing the second time", async () => {
    const url = await createEmptyDatabase("migrate_twice");
    await migrateDatabase({ databaseUrl: url });
    const again = await migrateDatabase({ databaseUrl: url });
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
    const rows = await query(url, `SELECT 1 FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(again.alreadyApplied);
  });

  it("lets two processes migrate at once without applying anything twice", async () => {
    const url = await createEmptyDatabase("migrate_race");
    const total = (await readMigrations(MIGRATIONS_DIR)).length;
    const results = await Promise.all([migrateDatabase({ databaseUrl: url }), migrateDatabase({ databaseUrl: url })]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, total]);
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(total);
  });

  it("applies a new migration on top of existing data", async () => {
    const url = await createEmptyDatabase("migrate_new");
    await migrateDatabase({ databaseUrl: url });
    const dir = await copyOfMigrations({ "29990101000000_add_motto": `ALTER TABLE "User" ADD COLUMN "motto" TEXT;` });
    expect((await migrateDatabase({ databaseUrl: url, migrationsDir: dir })).applied).toEqual(["29990101000000_add_motto"]);
    const columns = await query<{ column_name: string }>(
      url,
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'motto'`,
    );
    expect(columns).toHaveLength(1);
  });

  it("rolls back a migration that fails and records nothing for it", async () => {
    const url = await createEmptyDatabase("migrate_broken");
    const dir = await copyOfMigrations({
      "29990101000000_broken": `CREATE TABLE "Half" (id INT); ALTER TABLE "NoSuchTable" ADD COLUMN x INT;`,
    });
    await expect(migrateDatabase({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(
      /29990101000000_broken failed and was rolled back: relation "NoSuchTable" does not exist/,
    );
    expect(await tablesOf(url)).not.toContain("Half");
    const names = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(names.map((r) => r.migration_name)).not.toContain("29990101000000_broken");
    expect(await tablesOf(url)).toContain("User"); // the good migrations before it stay
  });

  it("refuses a migration that was edited after it was applied, changing nothing", async () => {
    const url = await createEmptyDatabase("migrate_edited");
    const dir = await copyOfMigrations();
    await migrateDatabase({ databaseUrl: url, migrationsDir: dir });
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\nDROP TABLE "Draft";`);
    await expect(migrateDatabase({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(
      /was changed after it was applied.*put the change in a new migration/,
    );
    expect(await tablesOf(url)).toContain("Draft");
  });
});

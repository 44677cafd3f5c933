import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type AppliedMigration, checksumOf, MigrationError, type MigrationFile, planMigrations, readMigrations } from "@/lib/database/migrations";

const file = (name: string, sql = `-- ${name}`): MigrationFile => ({ name, sql, checksum: checksumOf(sql) });
const applied = (migration: MigrationFile, overrides: Partial<AppliedMigration> = {}): AppliedMigration => ({
  name: migration.name,
  checksum: migration.checksum,
  finishedAt: new Date(),
  rolledBackAt: null,
  ...overrides,
});

const tempDirs: string[] = [];
afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function migrationsDir(folders: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "osprep-migrations-"));
  tempDirs.push(dir);
  for (const [name, sql] of Object.entries(folders)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  return dir;
}

describe("checksumOf", () => {
  it("is the sha256 of the file's text, as Prisma records it", () => {
    expect(checksumOf("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(checksumOf("a")).not.toBe(checksumOf("a\n"));
  });
});

describe("readMigrations", () => {
  it("returns migrations oldest first whatever the directory order", async () => {
    const dir = await migrationsDir({
      "20260102000000_second": "CREATE TABLE b ();",
      "20260101000000_first": "CREATE TABLE a ();",
      "20261231235959_third": "CREATE TABLE c ();",
    });
    const migrations = await readMigrations(dir);
    expect(migrations.map((m) => m.name)).toEqual(["20260101000000_first", "20260102000000_second", "20261231235959_third"]);
    expect(migrations[0]?.checksum).toBe(checksumOf("CREATE TABLE a ();"));
  });

  it("refuses a folder that is not named <timestamp>_<name>", async () => {
    const dir = await migrationsDir({ "20260101000000_first": "", "add-users": "" });
    await expect(readMigrations(dir)).rejects.toThrow(/add-users/);
  });
});

describe("planMigrations", () => {
  const [a, b, c] = [file("20260101000000_a"), file("20260102000000_b"), file("20260103000000_c")];

  it("applies everything to an empty database", () => {
    expect(planMigrations([a, b, c], [])).toEqual([a, b, c]);
  });

  it("applies only what is new", () => {
    expect(planMigrations([a, b, c], [applied(a), applied(b)])).toEqual([c]);
  });

  it("has nothing to do when everything is applied", () => {
    expect(planMigrations([a, b], [applied(a), applied(b)])).toEqual([]);
  });

  it("refuses a migration edited after it was applied", () => {
    const edited = { ...a, sql: "DROP TABLE users;", checksum: checksumOf("DROP TABLE users;") };
    expect(() => planMigrations([edited, b], [applied(a)])).toThrow(MigrationError);
    expect(() => planMigrations([edited, b], [applied(a)])).toThrow(/20260101000000_a was changed after it was applied/);
  });

  it("refuses a database with a half-applied migration", () => {
    expect(() => planMigrations([a, b], [applied(a, { finishedAt: null })])).toThrow(/never finished/);
  });

  it("refuses a database newer than the code", () => {
    expect(() => planMigrations([a], [applied(a), applied(b)])).toThrow(/has no such folder/);
  });

  it("re-applies a migration that was rolled back", () => {
    expect(planMigrations([a, b], [applied(a), applied(b, { rolledBackAt: new Date(), finishedAt: null })])).toEqual([b]);
  });
});

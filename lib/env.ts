// The one place that reads process.env: parsed with zod at start-up, failing fast with the variable's name.
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/web-server/client-address";
import { DEFAULT_UID_RANGE, parseUidRange } from "@/sandbox/docker/sandbox-uids";

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: the launcher starts an embedded PostgreSQL and sets this for the app it runs. */
  DATABASE_URL: postgresUrl.optional(),
  /** Signs session cookies; the launcher generates one into OSPREP_DATA_DIR when unset. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -hex 32)").optional(),
  /** The address people open osprep at; auth cookies and redirects are bound to it. */
  OSPREP_URL: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL such as http://localhost:3000" }).default("http://localhost:3000"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Local state: embedded PostgreSQL data, generated secrets. */
  OSPREP_DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Grading jobs one worker process runs at once; default: one per spare core. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** How often a worker says it is alive, and after how long without that it counts as dead. */
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().min(1).max(60).default(5),
  WORKER_STALE_SECONDS: z.coerce.number().min(3).max(3600).default(30),
  /** Uids the sandbox gives its containers, a pair each; no host account, group or subordinate id range may use them. */
  SANDBOX_UID_RANGE: z
    .string()
    .default(`${DEFAULT_UID_RANGE.first}-${DEFAULT_UID_RANGE.last}`)
    .transform((text, context) => {
      try {
        return parseUidRange(text);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /**
   * Proxies (addresses or networks, comma-separated) whose X-Forwarded-For is believed. Unset: none;
   * the client is whoever connected, and forwarding headers from anyone are ignored.
   */
  OSPREP_TRUSTED_PROXIES: z
    .string()
    .optional()
    .check((context) => {
      try {
        parseTrustedProxies(context.value);
      } catch (error) {
        context.issues.push({ code: "custom", message: (error as Error).message, input: context.value });
      }
    }),
  /** The collaboration server (interview rooms): its port; the web server passes /collab on to it, so browsers see one origin. */
  COLLAB_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** The address it listens on: the loopback beside the web server, 0.0.0.0 in its own container. */
  COLLAB_HOST: z.string().min(1).default("127.0.0.1"),
  /** Where the web server reaches it; unset: http://127.0.0.1:COLLAB_PORT (set it when it runs elsewhere, as in docker-compose.yml). */
  OSPREP_COLLAB_URL: z.url({ protocol: /^https?$/, error: "must be an http:// URL such as http://collab:3001" }).optional(),
  /** `off`: `npm start` runs no collaboration server beside the web server (run `npm run collab` elsewhere and set OSPREP_COLLAB_URL). */
  OSPREP_COLLAB: z.enum(["on", "off"]).default("on"),
  /** `off`: `npm start` runs no grading worker beside the web server (run `npm run worker` elsewhere). */
  OSPREP_WORKER: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid environment (see .env.example):\n${problems.join("\n")}`);
}

export const env: Env = parseEnv(process.env);

/** True while `next build` evaluates server modules: no database and no secrets exist then. */
export const isBuildPhase = process.env.NEXT_PHASE === "phase-production-build";

/** The secret that signs session cookies; only the build may go without one. */
export function requireAuthSecret(): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  // Build workers import the auth module to collect route config; nothing is signed then.
  if (isBuildPhase) return "next-build-phase-placeholder-never-signs-anything";
  throw new EnvError("BETTER_AUTH_SECRET is not set: start osprep with `npm start` (it generates one) or set it (openssl rand -hex 32).");
}

/** The connection URL, which every process that talks to the database must have by now. */
export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new EnvError("DATABASE_URL is not set: start osprep with `npm start` (it runs an embedded PostgreSQL) or set DATABASE_URL.");
  }
  return env.DATABASE_URL;
}

import "server-only";
// Counts attempts at account actions per key in fixed windows, in the database so every web process
// shares the count. One statement counts and answers, so parallel attempts cannot all slip under a
// limit; keys are built by the callers (per account, per client address).
import { db } from "@/lib/db";

export interface ThrottleRule {
  /** Attempts allowed in one window. */
  max: number;
  windowSeconds: number;
}

export type ThrottleAnswer = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt under `key` and says whether it is within the rule. */
export async function countAttempt(key: string, rule: ThrottleRule): Promise<ThrottleAnswer> {
  const [row] = await db.$queryRaw<{ hits: number; retryAfter: number; fresh: boolean }[]>`
    INSERT INTO "AuthThrottle" (key, hits, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN "AuthThrottle"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds}) THEN 1 ELSE "AuthThrottle".hits + 1 END,
      "windowStart" = CASE WHEN "AuthThrottle"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds}) THEN now() ELSE "AuthThrottle"."windowStart" END
    RETURNING hits,
      ceil(extract(epoch FROM "windowStart" + make_interval(secs => ${rule.windowSeconds}) - now()))::int AS "retryAfter",
      (xmax = 0) AS fresh`;
  if (row!.fresh) await forgetOldWindows();
  return row!.hits <= rule.max ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, row!.retryAfter) };
}

/** Starts `key` over: a right password forgets the wrong ones before it. */
export async function forgetAttempts(key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "AuthThrottle" WHERE key = ${key}`;
}

/** Windows are at most a day long; older rows count nothing. Run when a new key appears, so the table stays small. */
async function forgetOldWindows(): Promise<void> {
  await db.$executeRaw`DELETE FROM "AuthThrottle" WHERE "windowStart" < now() - interval '1 day'`;
}

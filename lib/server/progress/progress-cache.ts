import "server-only";
// A user's computed progress (the dashboard, the roadmap with their standing) kept between views
// until anything it is made of changes. Before each view one indexed query reads the user's stamp:
// their time zone and, from every table the progress is computed from, what changes when it is
// written (counts, sums, latest times). A kept result is served only while the stamp is the same,
// the user's day has not turned (cards due today, streaks) and it is under a minute old (retention
// decays with time). Each web process keeps its own; the stamp comes from Postgres, so a change made
// through any process is seen by all.
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db";
import { dayIn } from "@/lib/progress/streaks";

/** How long a result may be served while nothing it is made of changes: FSRS retention falls by far less than a percent in it. */
export const FRESH_FOR_MS = 60_000;
const USERS_KEPT = 2_000;

interface Kept {
  stamp: string;
  day: string;
  at: number;
  value: Promise<unknown>;
}

const kept = new LRUCache<string, Kept>({ max: USERS_KEPT });

/**
 * What the user's progress is made of, as one string that changes with every write to it:
 * - ActivityDay's sum grows with every practice submission, quiz answer and review;
 * - ExerciseProgress's attempts and latest update change with every practice verdict;
 * - drafts and topic marks by count and latest update (a deletion lowers the count);
 * - the latest quiz answer and review, in case a write ever comes without an activity;
 * - the time zone (days, streaks and the calendar are counted in it).
 */
export async function progressStamp(userId: string): Promise<{ stamp: string; timeZone: string }> {
  const [row] = await db.$queryRaw<{ timeZone: string | null; stamp: string }[]>`
    SELECT (SELECT "timeZone" FROM "User" WHERE id = ${userId}) AS "timeZone", concat_ws('|',
      (SELECT sum("count") FROM "ActivityDay" WHERE "userId" = ${userId}),
      (SELECT concat(count(*), '/', sum(attempts), '@', max("updatedAt")) FROM "ExerciseProgress" WHERE "userId" = ${userId}),
      (SELECT concat(count(*), '@', max("updatedAt")) FROM "Draft" WHERE "userId" = ${userId}),
      (SELECT concat(count(*), '@', max("updatedAt")) FROM "TopicMark" WHERE "userId" = ${userId}),
      (SELECT max("answeredAt") FROM "QuizAnswer" WHERE "userId" = ${userId}),
      (SELECT max("reviewedAt") FROM "ReviewLog" WHERE "userId" = ${userId})) AS stamp`;
  const timeZone = row?.timeZone ?? "UTC";
  return { stamp: `${timeZone}|${row?.stamp ?? ""}`, timeZone };
}

/** `compute()`'s result for this user, computed again only when their progress may have changed. */
export async function cachedProgress<T>(kind: string, userId: string, compute: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  const key = `${kind}:${userId}`;
  const { stamp, timeZone } = await progressStamp(userId);
  const at = now();
  const day = dayIn(timeZone, new Date(at));
  const entry = kept.get(key);
  if (entry && entry.stamp === stamp && entry.day === day && at - entry.at < FRESH_FOR_MS) return entry.value as Promise<T>;
  // Views arriving together share one computation; a failed one is not kept.
  const value = compute();
  kept.set(key, { stamp, day, at, value });
  value.catch(() => {
    if (kept.get(key)?.value === value) kept.delete(key);
  });
  return value;
}

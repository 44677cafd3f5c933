import "server-only";
// Counts one piece of practice on the user's day (in their time zone), in the caller's transaction;
// and rebuilds a user's days from the events themselves when their time zone changes.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { db } from "@/lib/db";

type Client = Prisma.TransactionClient | typeof db;

export async function recordActivity(client: Client, { userId, at = new Date() }: { userId: string; at?: Date }): Promise<void> {
  await client.$executeRaw`
    INSERT INTO "ActivityDay" ("userId", "day", "count")
    SELECT id, ((${at}::timestamp AT TIME ZONE 'UTC') AT TIME ZONE "timeZone")::date, 1 FROM "User" WHERE id = ${userId}
    ON CONFLICT ("userId", "day") DO UPDATE SET "count" = "ActivityDay"."count" + 1`;
}

/** Recounts every day of a user's practice in their current time zone (after it changed). */
export async function rebuildActivity(client: Client, { userId }: { userId: string }): Promise<void> {
  await client.$executeRaw`DELETE FROM "ActivityDay" WHERE "userId" = ${userId}`;
  await client.$executeRaw`
    INSERT INTO "ActivityDay" ("userId", "day", "count")
    SELECT ${userId}, ((e.at AT TIME ZONE 'UTC') AT TIME ZONE u."timeZone")::date, count(*)::int
    FROM (
      SELECT "queuedAt" AS at FROM "Submission" WHERE "userId" = ${userId} AND "interviewId" IS NULL
      UNION ALL SELECT "reviewedAt" FROM "ReviewLog" WHERE "userId" = ${userId}
      UNION ALL SELECT "answeredAt" FROM "QuizAnswer" WHERE "userId" = ${userId}
    ) AS e, "User" u WHERE u.id = ${userId}
    GROUP BY 2`;
}

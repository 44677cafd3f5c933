-- CreateTable: practice per day in the user's time zone, counted as it happens
CREATE TABLE "ActivityDay" (
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ActivityDay_pkey" PRIMARY KEY ("userId","day")
);

-- AddForeignKey
ALTER TABLE "ActivityDay" ADD CONSTRAINT "ActivityDay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the practice recorded so far, by day in each user's time zone
INSERT INTO "ActivityDay" ("userId", "day", "count")
SELECT e."userId", ((e.at AT TIME ZONE 'UTC') AT TIME ZONE u."timeZone")::date, count(*)::int
FROM (
    SELECT "userId", "queuedAt" AS at FROM "Submission" WHERE "userId" IS NOT NULL AND "interviewId" IS NULL
    UNION ALL SELECT "userId", "reviewedAt" FROM "ReviewLog"
    UNION ALL SELECT "userId", "answeredAt" FROM "QuizAnswer"
) AS e JOIN "User" u ON u.id = e."userId"
GROUP BY 1, 2;

import "server-only";
// A user's activity by day in their own time zone: practice submissions, flashcard reviews and quiz
// answers, counted by Postgres (index scans on each table's (userId, time) index).
import { db } from "@/lib/db";

export interface ActivityDay {
  /** YYYY-MM-DD in the user's time zone. */
  date: string;
  count: number;
}

export async function getActivity({ userId, timeZone }: { userId: string; timeZone: string }): Promise<ActivityDay[]> {
  const rows = await db.$queryRaw<{ date: string; count: number }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS date, sum(n)::int AS count FROM (
      SELECT (("queuedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date AS day, count(*) AS n
        FROM "Submission" WHERE "userId" = ${userId} AND "interviewId" IS NULL GROUP BY 1
      UNION ALL
      SELECT (("reviewedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date, count(*)
        FROM "ReviewLog" WHERE "userId" = ${userId} GROUP BY 1
      UNION ALL
      SELECT (("answeredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date, count(*)
        FROM "QuizAnswer" WHERE "userId" = ${userId} GROUP BY 1
    ) AS activity GROUP BY day ORDER BY day`;
  return rows;
}

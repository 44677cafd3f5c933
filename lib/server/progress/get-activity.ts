import "server-only";
// A user's practice by day in their own time zone (ActivityDay, kept as it happens): every day with
// any, for streaks; the calendar shows the last year of them.
import { db } from "@/lib/db";

export interface ActivityDay {
  /** YYYY-MM-DD in the user's time zone. */
  date: string;
  count: number;
}

export async function getActivity({ userId }: { userId: string }): Promise<ActivityDay[]> {
  return db.$queryRaw<ActivityDay[]>`
    SELECT to_char("day", 'YYYY-MM-DD') AS date, "count" FROM "ActivityDay" WHERE "userId" = ${userId} ORDER BY "day"`;
}

import "server-only";
// The browser's time zone, kept on the user so streaks and the calendar count their own days.
// Postgres is asked too: it groups activity by day in that zone, and must know the name.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isTimeZone } from "@/lib/progress/streaks";
import { rebuildActivity } from "@/lib/server/progress/record-activity";

export async function rememberTimeZone({ userId, timeZone }: { userId: string; timeZone: string }): Promise<void> {
  const known =
    isTimeZone(timeZone) && (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_timezone_names WHERE name = ${timeZone}`)[0]?.n === 1;
  if (!known) throw new AppError("INVALID_INPUT", `"${timeZone}" is not a time zone osprep knows; days are counted in UTC.`);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { timeZone } });
    await rebuildActivity(tx, { userId });
  });
}

// Day boundaries in a user's time zone.
import { addDays, dayIn } from "@/lib/progress/streaks";

/** How far a time zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the user's current day ends (their next local midnight). */
export function endOfDay(timeZone: string, now: Date): Date {
  const tomorrow = addDays(dayIn(timeZone, now), 1);
  const midnightAsUtc = Date.parse(`${tomorrow}T00:00:00Z`);
  return new Date(midnightAsUtc - offsetMs(timeZone, new Date(midnightAsUtc)));
}

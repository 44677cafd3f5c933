"use client";
// The last year of activity (submissions, reviews and quiz answers per day in the user's time zone).
import { cloneElement } from "react";
import { ActivityCalendar } from "react-activity-calendar";
import { useSystemDark } from "@/components/use-system-dark";

export function ActivityHeatmap({ days, from, to }: { days: { date: string; count: number }[]; from: string; to: string }) {
  const dark = useSystemDark();
  const max = Math.max(1, ...days.map((d) => d.count));
  const level = (count: number) => (count === 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4)));
  // Empty first and last entries set the calendar's span to the whole year.
  const data = [
    ...(days[0]?.date === from ? [] : [{ date: from, count: 0, level: 0 }]),
    ...days.map((d) => ({ ...d, level: level(d.count) })),
    ...(days.at(-1)?.date === to ? [] : [{ date: to, count: 0, level: 0 }]),
  ];
  return (
    <div className="overflow-x-auto">
      <ActivityCalendar
        data={data}
        colorScheme={dark ? "dark" : "light"}
        blockSize={11}
        labels={{ totalCount: "{{count}} submissions, reviews and answers in the last year" }}
        renderBlock={(block, activity) => cloneElement(block, {}, <title>{`${activity.count} on ${activity.date}`}</title>)}
      />
    </div>
  );
}

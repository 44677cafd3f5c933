"use client";
// The dashboard's charts render in the browser only: drawing hundreds of SVG shapes per request on
// the server would cost every dashboard view far more than the data behind them.
import dynamic from "next/dynamic";

function ChartPlaceholder() {
  return <div className="h-40 w-full animate-pulse rounded-md bg-muted" />;
}

export const MasteryChart = dynamic(() => import("@/components/dashboard/mastery-chart").then((m) => m.MasteryChart), {
  ssr: false,
  loading: ChartPlaceholder,
});
export const ActivityHeatmap = dynamic(() => import("@/components/dashboard/activity-calendar").then((m) => m.ActivityHeatmap), {
  ssr: false,
  loading: ChartPlaceholder,
});
export const ExerciseHistoryChart = dynamic(() => import("@/components/dashboard/exercise-history-chart").then((m) => m.ExerciseHistoryChart), {
  ssr: false,
  loading: ChartPlaceholder,
});

"use client";
// One exercise's submits over time: the CPU-time ratio against the reference (line), each point
// coloured by its verdict; submits without a performance figure sit on the axis.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const VERDICT_COLOUR: Record<string, string> = {
  AC: "#059669",
  WA: "#dc2626",
  TLE: "#d97706",
  MLE: "#d97706",
  OLE: "#d97706",
  RE: "#dc2626",
  CE: "#6b7280",
  IE: "#6b7280",
};

export function ExerciseHistoryChart({ title, submits }: { title: string; submits: { at: string; verdict: string | null; ratio: number | null }[] }) {
  const data = submits.map((submit, index) => ({
    n: index + 1,
    ratio: submit.ratio === null ? null : Math.round(submit.ratio * 100) / 100,
    verdict: submit.verdict ?? "?",
    at: new Date(submit.at).toLocaleString(),
  }));
  return (
    <figure aria-label={`${title}: verdicts and performance ratio`} className="h-40 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 0, right: 8, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="n" tickLine={false} fontSize={11} />
          <YAxis tickLine={false} fontSize={11} width={36} domain={[0, "auto"]} />
          <ReferenceLine y={1} stroke="#9ca3af" strokeDasharray="4 4" />
          <Tooltip
            formatter={(value, _name, item) => [`${value ?? "—"}× the reference · ${item.payload.verdict}`, item.payload.at]}
            labelFormatter={(n) => `Submit ${n}`}
          />
          <Line
            dataKey="ratio"
            stroke="#6366f1"
            connectNulls
            isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; index?: number; payload?: { verdict: string } }) => (
              <circle key={props.index} cx={props.cx} cy={props.cy} r={4} fill={VERDICT_COLOUR[props.payload?.verdict ?? ""] ?? "#6b7280"} />
            )}
          />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{data.map((d) => `${d.verdict}${d.ratio === null ? "" : ` ${d.ratio}×`}`).join(", ")}</figcaption>
    </figure>
  );
}

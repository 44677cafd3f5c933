"use client";
// Mastery by roadmap section, as horizontal bars (recharts, bundled).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function MasteryChart({ sections }: { sections: { title: string; mastery: number }[] }) {
  const data = sections.map((section) => ({ title: section.title, mastery: Math.round(section.mastery * 100) }));
  return (
    <figure aria-label="Mastery by section" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} unit="%" tickLine={false} fontSize={12} />
          <YAxis type="category" dataKey="title" width={180} tickLine={false} fontSize={12} />
          <Tooltip formatter={(value) => [`${value}%`, "Mastery"]} />
          <Bar dataKey="mastery" fill="var(--color-primary, #2563eb)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{data.map((d) => `${d.title}: ${d.mastery}%`).join("; ")}</figcaption>
    </figure>
  );
}

"use client";
// The catalog with its filters: topic, difficulty, language, status, and text search.
import Link from "next/link";
import { useMemo, useState } from "react";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

export interface CatalogEntry {
  slug: string;
  title: string;
  summary: string;
  difficulty: "easy" | "medium" | "hard";
  kind: string;
  languages: { id: string; label: string }[];
  topics: { id: string; title: string }[];
  status: "solved" | "attempted" | "new" | null;
}

const DIFFICULTY_STYLE = {
  easy: "text-emerald-700 dark:text-emerald-400",
  medium: "text-amber-700 dark:text-amber-400",
  hard: "text-rose-700 dark:text-rose-400",
};
const STATUS_LABEL = { solved: "Solved", attempted: "Attempted", new: "New" };

function Select(props: { id: string; label: string; value: string; onChange: (value: string) => void; options: [string, string][] }) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <Label htmlFor={props.id}>{props.label}</Label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className="h-9 w-full min-w-0 rounded-md border border-input bg-background px-2 text-sm"
      >
        <option value="">All</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ExerciseCatalog({ entries, signedIn }: { entries: CatalogEntry[]; signedIn: boolean }) {
  const [query, setQuery] = useState("");
  const [topic, setTopic] = useState("");
  const [difficulty, setDifficulty] = useState("");
  const [language, setLanguage] = useState("");
  const [status, setStatus] = useState("");

  const topics = useMemo(() => {
    const all = new Map(entries.flatMap((entry) => entry.topics.map((t) => [t.id, t.title] as [string, string])));
    return [...all.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [entries]);
  const languages = useMemo(() => {
    const all = new Map(entries.flatMap((entry) => entry.languages.map((l) => [l.id, l.label] as [string, string])));
    return [...all.entries()];
  }, [entries]);

  const shown = entries.filter((entry) => {
    const text = `${entry.title} ${entry.summary} ${entry.topics.map((t) => t.title).join(" ")}`.toLowerCase();
    return (
      (!query || text.includes(query.toLowerCase())) &&
      (!topic || entry.topics.some((t) => t.id === topic)) &&
      (!difficulty || entry.difficulty === difficulty) &&
      (!language || entry.languages.some((l) => l.id === language)) &&
      (!status || entry.status === status)
    );
  });

  return (
    <div className="flex flex-col gap-6">
      <div className={cn("grid grid-cols-2 gap-3", signedIn ? "sm:grid-cols-6" : "sm:grid-cols-5")}>
        <div className="col-span-2 flex min-w-0 flex-col gap-1.5">
          <Label htmlFor="search">Search</Label>
          <Input id="search" type="search" placeholder="epoll, paging, deadlock…" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <Select id="topic" label="Topic" value={topic} onChange={setTopic} options={topics} />
        <Select id="difficulty" label="Difficulty" value={difficulty} onChange={setDifficulty} options={[["easy", "Easy"], ["medium", "Medium"], ["hard", "Hard"]]} />
        <Select id="language" label="Language" value={language} onChange={setLanguage} options={languages} />
        {signedIn && (
          <Select id="status" label="Status" value={status} onChange={setStatus} options={[["solved", "Solved"], ["attempted", "Attempted"], ["new", "New"]]} />
        )}
      </div>

      {shown.length === 0 ? (
        <Card>
          <p className="font-medium">No exercise matches these filters</p>
          <p className="text-sm text-muted-foreground">Clear a filter or search for another word.</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Exercises">
          {shown.map((entry) => (
            <li key={entry.slug}>
              <Link href={`/exercises/${entry.slug}`} className="block rounded-xl border bg-card p-5 shadow-sm transition-colors hover:border-primary">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <h2 className="text-lg font-semibold">{entry.title}</h2>
                  <span className={cn("text-sm font-medium capitalize", DIFFICULTY_STYLE[entry.difficulty])}>{entry.difficulty}</span>
                  {entry.status && (
                    <span
                      className={cn(
                        "ml-auto rounded-full px-2 py-0.5 text-xs font-medium",
                        entry.status === "solved" ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" : "bg-muted text-muted-foreground",
                      )}
                    >
                      {STATUS_LABEL[entry.status]}
                    </span>
                  )}
                </div>
                <p className="mt-1 text-sm text-muted-foreground">{entry.summary}</p>
                <p className="mt-3 flex flex-wrap gap-2 text-xs text-muted-foreground">
                  {entry.topics.map((t) => (
                    <span key={t.id} className="rounded bg-muted px-1.5 py-0.5">
                      {t.title}
                    </span>
                  ))}
                  <span className="ml-auto font-mono">{entry.languages.map((l) => l.label).join(" · ")}</span>
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

"use client";
// The catalog with its filters: topic, difficulty, language, status, and text search (forgiving of
// typos: lib/exercises/catalog-search.ts). The filters live in the address (?q=&topic=…), so a
// reload, a shared link and Back keep them; "/" puts the cursor in the search box.
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { isTypingTarget } from "@/components/typing-target";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type CatalogEntry, type CatalogFilters, FILTER_PARAMS, searchCatalog } from "@/lib/exercises/catalog-search";
import { cn } from "@/lib/utils";

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

export function ExerciseCatalog({ entries, signedIn, filters: initial }: { entries: CatalogEntry[]; signedIn: boolean; filters: CatalogFilters }) {
  const [filters, setFilters] = useState(initial);
  const { q: query, topic, difficulty, language, status } = filters;
  const search = useRef<HTMLInputElement>(null);

  function setFilter(name: keyof CatalogFilters, value: string) {
    const next = { ...filters, [name]: value };
    setFilters(next);
    const params = new URLSearchParams(FILTER_PARAMS.filter((key) => next[key] !== "").map((key) => [key, next[key]]));
    const address = params.size > 0 ? `?${params}` : window.location.pathname;
    window.history.replaceState(window.history.state, "", address);
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      search.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const topics = useMemo(() => {
    const all = new Map(entries.flatMap((entry) => entry.topics.map((t) => [t.id, t.title] as [string, string])));
    return [...all.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [entries]);
  const languages = useMemo(() => {
    const all = new Map(entries.flatMap((entry) => entry.languages.map((l) => [l.id, l.label] as [string, string])));
    return [...all.entries()];
  }, [entries]);

  const shown = searchCatalog(entries, query).filter((entry) => {
    return (
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
          <Label htmlFor="search">
            Search{" "}
            <kbd className="ml-1 rounded border px-1 font-mono text-[10px] text-muted-foreground" title="Press / to search">
              /
            </kbd>
          </Label>
          <Input ref={search} id="search" type="search" placeholder="epoll, paging, deadlock…" value={query} onChange={(e) => setFilter("q", e.target.value)} />
        </div>
        <Select id="topic" label="Topic" value={topic} onChange={(value) => setFilter("topic", value)} options={topics} />
        <Select
          id="difficulty"
          label="Difficulty"
          value={difficulty}
          onChange={(value) => setFilter("difficulty", value)}
          options={[
            ["easy", "Easy"],
            ["medium", "Medium"],
            ["hard", "Hard"],
          ]}
        />
        <Select id="language" label="Language" value={language} onChange={(value) => setFilter("language", value)} options={languages} />
        {signedIn && (
          <Select
            id="status"
            label="Status"
            value={status}
            onChange={(value) => setFilter("status", value)}
            options={[
              ["solved", "Solved"],
              ["attempted", "Attempted"],
              ["new", "New"],
            ]}
          />
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
                        entry.status === "solved"
                          ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
                          : "bg-muted text-muted-foreground",
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

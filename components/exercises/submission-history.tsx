"use client";
// Your past Runs and Submits of this exercise: the code of any of them, a diff against your
// current draft, and "load into editor".
import { useState } from "react";
import { CodeDiff } from "@/components/editor/code-editor-loader";
import { verdictText } from "@/components/exercises/submission-result";
import { Button } from "@/components/ui/button";
import { useSystemDark } from "@/components/use-system-dark";
import { cn } from "@/lib/utils";
import type { HistoryEntry } from "@/lib/validations/workspace";

export function SubmissionHistory(props: {
  entries: HistoryEntry[];
  /** The code in the editor now, per language: a past submission is compared with its own language's. */
  currentCodes: Record<string, string>;
  onLoad: (entry: HistoryEntry) => void;
}) {
  const [selected, setSelected] = useState<string | null>(null);
  const [diffing, setDiffing] = useState(false);
  const dark = useSystemDark();
  const entry = props.entries.find((e) => e.id === selected);

  if (props.entries.length === 0) return null;
  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-2">
      <h2 id="history-heading" className="font-semibold">
        History
      </h2>
      <ul className="flex flex-col divide-y rounded-md border text-sm" data-testid="history">
        {props.entries.map((item) => (
          <li key={item.id}>
            <button
              className={cn("flex w-full items-center gap-3 px-3 py-2 text-left hover:bg-accent", item.id === selected && "bg-accent")}
              onClick={() => {
                setSelected(item.id === selected ? null : item.id);
                setDiffing(false);
              }}
              aria-expanded={item.id === selected}
            >
              <span className={cn("w-40 font-medium", item.verdict === "AC" ? "text-emerald-700 dark:text-emerald-400" : item.verdict ? "text-rose-700 dark:text-rose-400" : "")}>
                {item.status === "internal_error" ? "Internal error" : item.verdict ? verdictText(item.verdict) : "Grading…"}
              </span>
              <span className="text-muted-foreground">{item.kind === "run" ? "Run" : "Submit"}</span>
              <span className="font-mono text-xs text-muted-foreground">{item.language}</span>
              <time className="ml-auto text-xs text-muted-foreground" dateTime={item.queuedAt}>
                {new Date(item.queuedAt).toLocaleString()}
              </time>
            </button>
          </li>
        ))}
      </ul>
      {entry && (
        <div className="flex flex-col gap-2">
          <div className="flex gap-2">
            <Button size="sm" variant="outline" onClick={() => setDiffing((d) => !d)}>
              {diffing ? "Show its code" : "Compare with my draft"}
            </Button>
            <Button size="sm" variant="outline" onClick={() => props.onLoad(entry)}>
              Load into editor
            </Button>
          </div>
          {diffing ? (
            <CodeDiff original={entry.code} modified={props.currentCodes[entry.language] ?? ""} language={entry.language} dark={dark} />
          ) : (
            <pre className="max-h-80 overflow-auto rounded-md bg-muted p-3 font-mono text-xs" data-testid="history-code">
              {entry.code}
            </pre>
          )}
        </div>
      )}
    </section>
  );
}

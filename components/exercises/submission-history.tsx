"use client";
// Your past Runs and Submits of this exercise, each row with its figures (tests passed, CPU time, the
// performance ratio): open one to see its full result as it was shown, its code, a diff against
// your current draft of its language, and "load into editor".
import { useEffect, useState } from "react";
import { CodeDiff } from "@/components/editor/code-editor-loader";
import { fetchSubmission } from "@/components/exercises/follow-submission";
import { SubmissionResult, verdictText } from "@/components/exercises/submission-result";
import { Button } from "@/components/ui/button";
import { useSystemDark } from "@/components/use-system-dark";
import { cn } from "@/lib/utils";
import type { PublicSubmission } from "@/lib/validations/submissions";
import type { HistoryEntry } from "@/lib/validations/workspace";

type Shown = "result" | "code" | "diff";

export function SubmissionHistory(props: {
  entries: HistoryEntry[];
  /** The code in the editor now, per language: a past submission is compared with its own language's. */
  currentCodes: Record<string, string>;
  onLoad: (entry: HistoryEntry) => void;
}) {
  const [selected, setSelected] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown>("result");
  const dark = useSystemDark();
  const entry = props.entries.find((e) => e.id === selected);
  const finished = entry?.status === "done" || entry?.status === "internal_error";
  /** Full results fetched so far, by id: a finished result never changes. */
  const [results, setResults] = useState<Record<string, PublicSubmission | "failed">>({});

  useEffect(() => {
    if (!entry || !finished || results[entry.id]) return;
    const id = entry.id;
    void fetchSubmission(id).then((result) => setResults((all) => ({ ...all, [id]: result ?? "failed" })));
  }, [entry, finished, results]);
  const result = entry ? results[entry.id] : undefined;

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
              type="button"
              className={cn("flex w-full items-center gap-3 px-3 py-2 text-left hover:bg-accent", item.id === selected && "bg-accent")}
              onClick={() => {
                setSelected(item.id === selected ? null : item.id);
                setShown("result");
              }}
              aria-expanded={item.id === selected}
            >
              <span
                className={cn(
                  "w-40 font-medium",
                  item.verdict === "AC" ? "text-emerald-700 dark:text-emerald-400" : item.verdict ? "text-rose-700 dark:text-rose-400" : "",
                )}
              >
                {item.status === "internal_error" ? "Internal error" : item.verdict ? verdictText(item.verdict) : "Grading…"}
              </span>
              <span className="text-muted-foreground">{item.kind === "run" ? "Run" : "Submit"}</span>
              <span className="font-mono text-xs text-muted-foreground">{item.language}</span>
              <span className="flex gap-3 text-xs tabular-nums text-muted-foreground" data-testid="history-figures">
                {item.testsTotal !== null && item.testsTotal > 0 && (
                  <span>
                    {item.testsPassed}/{item.testsTotal} tests
                  </span>
                )}
                {item.cpuMs !== null && item.testsTotal !== null && item.testsTotal > 0 && <span>CPU {formatMs(item.cpuMs)}</span>}
                {item.performanceRatio !== null && <span>{item.performanceRatio.toFixed(2)}× reference</span>}
              </span>
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
            {(["result", "code", "diff"] as const).map((view) => (
              <Button key={view} size="sm" variant={shown === view ? "default" : "outline"} aria-pressed={shown === view} onClick={() => setShown(view)}>
                {{ result: "Its result", code: "Its code", diff: "Compare with my draft" }[view]}
              </Button>
            ))}
            <Button size="sm" variant="outline" className="ml-auto" onClick={() => props.onLoad(entry)}>
              Load into editor
            </Button>
          </div>
          {shown === "result" ? (
            <div data-testid="history-result">
              {!finished ? (
                <p className="text-sm text-muted-foreground">Still being graded: its result appears above when it is done.</p>
              ) : result === "failed" ? (
                <p className="text-sm text-destructive">Its result could not be loaded. Open it again in a moment.</p>
              ) : result ? (
                <SubmissionResult submission={result} progress={null} />
              ) : (
                <p className="text-sm text-muted-foreground">Loading its result…</p>
              )}
            </div>
          ) : shown === "diff" ? (
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

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

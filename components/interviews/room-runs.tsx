"use client";
// The room's runs, newest first: who ran what, and its verdict; one opens its result.
import { verdictText } from "@/components/exercises/submission-result";
import { LANGUAGE_LABELS, type Language } from "@/contracts/languages";
import type { RoomRun } from "@/lib/server/interviews/room-runs";
import { cn } from "@/lib/utils";

export function RoomRunList({ runs, shownId, onShow }: { runs: RoomRun[]; shownId: string | null; onShow: (id: string) => void }) {
  if (runs.length === 0) return <p className="text-sm text-muted-foreground">No runs yet. Run or Submit the shared code: everyone here sees the result.</p>;
  return (
    <ol className="flex flex-col gap-1 text-sm" aria-label="Runs in this room" data-testid="room-runs">
      {runs.map((run) => (
        <li key={run.id}>
          <button
            type="button"
            onClick={() => onShow(run.id)}
            className={cn("flex w-full items-center justify-between gap-2 rounded-md px-2 py-1 text-left hover:bg-accent", shownId === run.id && "bg-accent")}
          >
            <span>
              {run.kind === "run" ? "Run" : "Submit"} · {LANGUAGE_LABELS[run.language as Language] ?? run.language} · {run.authorName}
            </span>
            <span className="text-muted-foreground" data-testid="room-run-verdict">
              {run.status === "done" ? verdictText(run.verdict) : run.status === "internal_error" ? "Our error" : "Grading…"}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}

"use client";
// A planned question's "asked" box in the interviewer's panel: ticked, it keeps the interview's clock
// of that moment (a scorecard signal, a moment of the replay); unticked, it is forgotten.
import { useState } from "react";
import { clockLabel } from "@/lib/interviews/clock-label";
import { markAskedAction } from "@/lib/actions/interview-actions";
import type { AskedQuestions } from "@/lib/server/interviews/asked-questions";

export function AskedToggle({
  interviewId,
  questionKey,
  asked,
  onChange,
}: {
  interviewId: string;
  questionKey: string;
  asked: AskedQuestions;
  onChange: (asked: AskedQuestions) => void;
}) {
  const [pending, setPending] = useState(false);
  // Shown at once while the server records it; what the server answers replaces it.
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mark = asked[questionKey];
  return (
    <span className="ml-2 inline-flex items-center gap-1 text-xs text-muted-foreground">
      <label className="inline-flex items-center gap-1">
        <input
          type="checkbox"
          checked={optimistic ?? mark !== undefined}
          disabled={pending}
          onChange={async (event) => {
            const next = event.target.checked;
            setOptimistic(next);
            setPending(true);
            setProblem(null);
            const result = await markAskedAction({ interviewId, questionKey, asked: next });
            setPending(false);
            setOptimistic(null);
            if (result.ok) onChange(result.data);
            else setProblem(result.error.message);
          }}
        />
        asked
      </label>
      {mark && <span data-testid="asked-at">at {clockLabel(mark.clockMs)}</span>}
      {problem && (
        <span role="alert" className="text-destructive">
          {problem}
        </span>
      )}
    </span>
  );
}

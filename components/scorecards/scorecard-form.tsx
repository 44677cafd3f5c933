"use client";
// An interviewer's scorecard: each rubric dimension scored 1 to 4 against its written anchors (the
// runs' suggestion pre-selected where the rubric takes one), an overall recommendation and a
// summary, beside the room's grading signals. Save keeps a draft; Submit needs it complete.
import { useState } from "react";
import { RenderedMarkdown } from "@/components/questions/rendered-markdown";
import { SignalsPanel } from "@/components/scorecards/signals-panel";
import { Button } from "@/components/ui/button";
import { saveScorecardAction } from "@/lib/actions/scorecard-actions";
import { RECOMMENDATION_LABELS, SUGGESTION_SOURCE_LABELS } from "@/lib/scorecards/rubric";
import { RECOMMENDATIONS, type Recommendation, SCORES, type Score } from "@/lib/validations/scorecards";
import type { ScorecardView } from "@/lib/server/scorecards/scorecards";
import { MAX_SUMMARY_CHARS } from "@/lib/validations/scorecards";

export function ScorecardForm({ initial }: { initial: ScorecardView }) {
  const [card, setCard] = useState(initial);
  const [scores, setScores] = useState<Record<string, Score | null>>(() => Object.fromEntries(Object.entries(initial.scores).map(([k, v]) => [k, v.score])));
  const [recommendation, setRecommendation] = useState<Recommendation | null>(initial.recommendation);
  const [summary, setSummary] = useState(initial.summary);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (submit: boolean) => {
    if (saving) return;
    setSaving(true);
    setProblem(null);
    setSaved(null);
    const result = await saveScorecardAction({ interviewId: card.interviewId, scores, recommendation, summary, submit });
    setSaving(false);
    if (!result.ok) return setProblem(result.error.message);
    setCard(result.data);
    setSaved(result.data.submittedAt ? "Submitted." : "Draft saved.");
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form
        className="flex flex-col gap-5"
        aria-label="Scorecard"
        onSubmit={(event) => {
          event.preventDefault();
          void save(true);
        }}
      >
        {card.rubric.map((dimension) => {
          const entry = card.scores[dimension.key];
          const suggested = entry?.suggested ?? null;
          const chosen = scores[dimension.key] ?? null;
          return (
            <fieldset key={dimension.key} className="flex flex-col gap-2 rounded-md border p-3" data-testid="dimension" data-key={dimension.key}>
              <legend className="px-1 font-medium">{dimension.name}</legend>
              {dimension.description && <p className="text-sm text-muted-foreground">{dimension.description}</p>}
              {dimension.suggestFrom && (
                <p className="text-xs text-muted-foreground" data-testid="suggestion">
                  {suggested === null
                    ? `No suggestion: nothing graded yet to judge ${SUGGESTION_SOURCE_LABELS[dimension.suggestFrom]} by.`
                    : chosen === suggested
                      ? `Suggested from ${SUGGESTION_SOURCE_LABELS[dimension.suggestFrom]}: ${suggested}. Submitting confirms it; choose another score to override it.`
                      : `Suggested from ${SUGGESTION_SOURCE_LABELS[dimension.suggestFrom]}: ${suggested}; you chose ${chosen ?? "no score"}.`}
                </p>
              )}
              <div className="flex flex-col gap-1">
                {SCORES.map((score) => (
                  <label key={score} className="flex items-start gap-2 text-sm">
                    <input
                      type="radio"
                      name={`score-${dimension.key}`}
                      value={score}
                      checked={chosen === score}
                      onChange={() => setScores((s) => ({ ...s, [dimension.key]: score }))}
                      className="mt-1"
                    />
                    <span>
                      <strong>{score}</strong> {dimension.anchors[score - 1]}
                      {suggested === score && <span className="ml-1 rounded bg-muted px-1 text-xs">suggested</span>}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        <fieldset className="flex flex-col gap-2 rounded-md border p-3">
          <legend className="px-1 font-medium">Overall recommendation</legend>
          <div className="flex flex-wrap gap-3">
            {RECOMMENDATIONS.map((value) => (
              <label key={value} className="flex items-center gap-1 text-sm">
                <input type="radio" name="recommendation" value={value} checked={recommendation === value} onChange={() => setRecommendation(value)} />
                {RECOMMENDATION_LABELS[value]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Summary (Markdown, for the other interviewers)</span>
          <textarea
            className="min-h-32 rounded-md border bg-background p-2 font-mono text-xs"
            value={summary}
            maxLength={MAX_SUMMARY_CHARS}
            onChange={(event) => setSummary(event.target.value)}
          />
        </label>
        {card.summaryHtml && card.summary === summary && (
          <details className="text-sm">
            <summary>Preview</summary>
            <RenderedMarkdown html={card.summaryHtml} />
          </details>
        )}
        <div className="flex flex-wrap items-center gap-2">
          {!card.submittedAt && (
            <Button type="button" variant="outline" disabled={saving} onClick={() => void save(false)}>
              Save draft
            </Button>
          )}
          <Button type="submit" disabled={saving}>
            {card.submittedAt ? "Save changes" : "Submit scorecard"}
          </Button>
          <p role="status" className="text-sm text-muted-foreground" data-testid="scorecard-status">
            {saved ?? (card.submittedAt ? `Submitted ${card.submittedAt.slice(0, 16).replace("T", " ")} UTC.` : "Draft: the other interviewers do not see it.")}
          </p>
        </div>
        {problem && (
          <p role="alert" className="text-sm text-destructive">
            {problem}
          </p>
        )}
      </form>
      <aside aria-label="Signals from the room's grading" className="flex flex-col gap-2">
        <h2 className="font-semibold">From the room's grading</h2>
        <p className="text-xs text-muted-foreground">Taken {card.signalsAt.slice(0, 16).replace("T", " ")} UTC and kept with the scorecard as evidence.</p>
        <SignalsPanel signals={card.signals} />
      </aside>
    </div>
  );
}

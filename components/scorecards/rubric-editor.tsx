"use client";
// A team's rubric: its dimensions, each with a description, four anchors (what a 1, 2, 3 and 4
// look like) and optionally the grading signal that suggests its score. Owners edit it; interviewers
// read it. Scorecards already opened keep the rubric they were opened with.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { resetRubricAction, saveRubricAction } from "@/lib/actions/scorecard-actions";
import { SUGGESTION_SOURCE_LABELS } from "@/lib/scorecards/rubric";
import { MAX_DIMENSIONS, type RubricDimension, SUGGESTION_SOURCES, type SuggestionSource } from "@/lib/validations/scorecards";
import type { TeamRubricView } from "@/lib/server/scorecards/team-rubric";

type Draft = Omit<RubricDimension, "key"> & { key?: string; id: number };

let nextId = 0;
const toDrafts = (dimensions: RubricDimension[]): Draft[] => dimensions.map((d) => ({ ...d, id: nextId++ }));

export function RubricEditor({ initial }: { initial: TeamRubricView }) {
  const [view, setView] = useState(initial);
  const [drafts, setDrafts] = useState<Draft[]>(() => toDrafts(initial.dimensions));
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = view.mayEdit;

  const change = (id: number, patch: Partial<Draft>) => setDrafts((all) => all.map((d) => (d.id === id ? { ...d, ...patch } : d)));
  const move = (index: number, by: -1 | 1) =>
    setDrafts((all) => {
      const next = [...all];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      return next;
    });

  const run = async (action: () => Promise<{ ok: true; data: TeamRubricView } | { ok: false; error: { message: string } }>, done: string) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setStatus(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    setView(result.data);
    setDrafts(toDrafts(result.data.dimensions));
    setStatus(done);
  };
  const save = () =>
    run(
      () => saveRubricAction({ slug: view.teamSlug, dimensions: drafts.map(({ id: _id, ...d }) => d) }),
      "Saved: scorecards opened from now on use this rubric.",
    );

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted-foreground" data-testid="rubric-origin">
        {view.isDefault
          ? "This team uses osprep's default rubric."
          : `This team's own rubric${view.updatedByName ? `, last changed by ${view.updatedByName}` : ""}${view.updatedAt ? ` on ${new Date(view.updatedAt).toISOString().slice(0, 10)}` : ""}.`}{" "}
        {edit ? "As an owner you can change it." : "Only the team's owners can change it."}
      </p>
      <ol className="flex flex-col gap-4">
        {drafts.map((d, index) => (
          <li key={d.id} className="flex flex-col gap-2 rounded-md border p-3" data-testid="rubric-dimension">
            <div className="flex flex-wrap items-center gap-2">
              <Input
                aria-label={`Dimension ${index + 1} name`}
                value={d.name}
                readOnly={!edit}
                maxLength={60}
                onChange={(e) => change(d.id, { name: e.target.value })}
                className="max-w-xs font-medium"
              />
              {edit && (
                <>
                  <Button type="button" size="sm" variant="outline" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${d.name} up`}>
                    ↑
                  </Button>
                  <Button
                    type="button"
                    size="sm"
                    variant="outline"
                    disabled={index === drafts.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`Move ${d.name} down`}
                  >
                    ↓
                  </Button>
                  <Button
                    type="button"
                    size="sm"
                    variant="outline"
                    disabled={drafts.length === 1}
                    onClick={() => setDrafts((all) => all.filter((x) => x.id !== d.id))}
                  >
                    Remove
                  </Button>
                </>
              )}
            </div>
            <textarea
              aria-label={`${d.name || `Dimension ${index + 1}`}: description`}
              className="min-h-12 rounded-md border bg-background p-2 text-sm"
              value={d.description}
              readOnly={!edit}
              maxLength={300}
              onChange={(e) => change(d.id, { description: e.target.value })}
            />
            {d.anchors.map((anchor, score) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: always four anchors, one per score, never reordered
              <label key={score} className="flex items-start gap-2 text-sm">
                <span className="mt-2 w-4 font-semibold">{score + 1}</span>
                <textarea
                  aria-label={`${d.name || `Dimension ${index + 1}`}: what a ${score + 1} looks like`}
                  className="min-h-10 flex-1 rounded-md border bg-background p-2 text-sm"
                  value={anchor}
                  readOnly={!edit}
                  maxLength={300}
                  onChange={(e) => change(d.id, { anchors: d.anchors.map((a, i) => (i === score ? e.target.value : a)) })}
                />
              </label>
            ))}
            <label className="flex flex-wrap items-center gap-2 text-sm">
              Suggest its score from
              <select
                className="rounded-md border bg-background px-2 py-1 text-sm"
                value={d.suggestFrom ?? ""}
                disabled={!edit}
                onChange={(e) => change(d.id, { suggestFrom: (e.target.value || null) as SuggestionSource | null })}
              >
                <option value="">nothing: the interviewers' judgement alone</option>
                {SUGGESTION_SOURCES.map((source) => (
                  <option key={source} value={source}>
                    {SUGGESTION_SOURCE_LABELS[source]}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ol>
      {edit && (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            type="button"
            variant="outline"
            disabled={drafts.length >= MAX_DIMENSIONS}
            onClick={() => setDrafts((all) => [...all, { id: nextId++, name: "", description: "", anchors: ["", "", "", ""], suggestFrom: null }])}
          >
            Add a dimension
          </Button>
          <Button type="button" disabled={busy} onClick={() => void save()}>
            Save rubric
          </Button>
          {!view.isDefault && (
            <Button
              type="button"
              variant="outline"
              disabled={busy}
              onClick={() => void run(() => resetRubricAction({ slug: view.teamSlug }), "Back to the default rubric.")}
            >
              Use the default
            </Button>
          )}
        </div>
      )}
      {status && (
        <p role="status" className="text-sm text-muted-foreground">
          {status}
        </p>
      )}
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
    </div>
  );
}

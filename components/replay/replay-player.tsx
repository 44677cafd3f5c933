"use client";
// The replay of an interview: the shared code exactly as it was at any moment, with everyone's
// cursor, the runs and their results as they stood then, and (interviewers only) the notes written
// so far. Play, pause, 1× to 32×, skip idle stretches, scrub, or jump to any run, note or large
// paste. `?t=<milliseconds>` opens it at that moment.
import { useEffect, useMemo, useRef, useState } from "react";
import { colorFor } from "@/components/interviews/presence";
import { RenderedMarkdown } from "@/components/questions/rendered-markdown";
import { Button } from "@/components/ui/button";
import { clockLabel } from "@/lib/interviews/clock-label";
import { buildTimeline, type Marker, momentAt, skipIdle } from "@/lib/replay/replay-timeline";
import type { ReplayData } from "@/lib/server/replay/get-replay";

const SPEEDS = [1, 2, 4, 8, 16, 32] as const;
const MARKER_ICONS: Record<Marker["kind"], string> = {
  run: "▶",
  submit: "⇪",
  result: "✓",
  note: "✎",
  timer: "⏱",
  hint: "?",
  switch: "⇄",
  paste: "⚠",
  asked: "❝",
};

/** The code with each person's cursor drawn where it was (zero-width marks: the text itself is unchanged). */
function CodeWithCursors({ code, cursors }: { code: string; cursors: { by: string; role: string; anchor: number; head: number }[] }) {
  const marks = cursors.filter((c) => c.head <= code.length).sort((a, b) => a.head - b.head);
  const parts: React.ReactNode[] = [];
  let from = 0;
  for (const cursor of marks) {
    parts.push(code.slice(from, cursor.head));
    parts.push(
      <span
        key={cursor.by}
        className="relative inline-block h-[1.1em] w-0 border-l-2 align-text-bottom"
        style={{ borderColor: colorFor(cursor.by) }}
        title={`${cursor.by} (${cursor.role})`}
        data-testid="replay-cursor"
      />,
    );
    from = cursor.head;
  }
  parts.push(code.slice(from));
  const lines = code.split("\n").length;
  return (
    <div className="flex overflow-auto rounded-md border font-mono text-xs leading-5">
      <pre aria-hidden className="select-none border-r bg-muted/40 px-2 py-2 text-right text-muted-foreground">
        {Array.from({ length: lines }, (_, i) => i + 1).join("\n")}
      </pre>
      <pre className="flex-1 px-3 py-2" data-testid="replay-code">
        {parts}
      </pre>
    </div>
  );
}

export function ReplayPlayer({ data, initialT }: { data: ReplayData; initialT: number }) {
  const timeline = useMemo(() => buildTimeline(data), [data]);
  const [t, setT] = useState(() => Math.max(0, Math.min(initialT, timeline.duration)));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(4);
  const [idleSkipped, setIdleSkipped] = useState(true);
  const [file, setFile] = useState<string>("follow");
  const frame = useRef<number | null>(null);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    const step = (now: number) => {
      const elapsed = (now - last) * speed;
      last = now;
      setT((current) => {
        let next = current + elapsed;
        if (idleSkipped) next = skipIdle(timeline, next);
        if (next >= timeline.duration) {
          setPlaying(false);
          return timeline.duration;
        }
        return next;
      });
      frame.current = requestAnimationFrame(step);
    };
    frame.current = requestAnimationFrame(step);
    return () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [playing, speed, idleSkipped, timeline]);

  const moment = useMemo(() => {
    const view = momentAt(timeline, t);
    const [exercise, language] = file === "follow" ? [view.shown?.exercise, view.shown?.language] : file.split(":");
    const current = exercise && language ? { exercise, language } : null;
    return { shown: view.shown, current, code: current ? view.text(current.exercise, current.language) : "" };
  }, [timeline, t, file]);

  const at = data.origin + t;
  const textName = moment.current ? `code:${moment.current.exercise}:${moment.current.language}` : "";
  const cursors = useMemo(() => {
    const latest = new Map<string, ReplayData["cursors"][number]>();
    for (const cursor of data.cursors) if (cursor.at <= at) latest.set(cursor.by, cursor);
    return [...latest.values()].filter((c) => c.text === textName);
  }, [data.cursors, at, textName]);
  const runs = data.runs.filter((run) => run.queuedAt <= at).reverse();
  const notes = (data.notes ?? []).filter((note) => note.at <= at);
  const seek = (to: number) => setT(Math.max(0, Math.min(to, timeline.duration)));

  return (
    <div className="flex flex-col gap-4" data-testid="replay" data-origin={data.origin} data-duration={timeline.duration} data-t={Math.round(t)}>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={() => {
            if (!playing && t >= timeline.duration) seek(0);
            setPlaying(!playing);
          }}
        >
          {playing ? "Pause" : "Play"}
        </Button>
        <label className="flex items-center gap-1 text-sm">
          Speed
          <select
            className="rounded-md border bg-background px-2 py-1"
            value={speed}
            onChange={(e) => setSpeed(Number(e.target.value) as (typeof SPEEDS)[number])}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={idleSkipped} onChange={(e) => setIdleSkipped(e.target.checked)} />
          Skip idle stretches
        </label>
        <span className="font-mono text-sm tabular-nums" data-testid="replay-clock">
          {clockLabel(t)} / {clockLabel(timeline.duration)}
        </span>
      </div>
      <input
        type="range"
        aria-label="Position in the interview"
        min={0}
        max={Math.max(1, Math.round(timeline.duration))}
        step={100}
        value={Math.round(t)}
        onChange={(e) => seek(Number(e.target.value))}
        className="w-full"
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-label="The code at this moment" className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label className="flex items-center gap-1">
              File
              <select className="rounded-md border bg-background px-2 py-1" value={file} onChange={(e) => setFile(e.target.value)} aria-label="File">
                <option value="follow">What the room showed</option>
                {data.exercises.flatMap((exercise) =>
                  exercise.languages.map((language) => (
                    <option key={`${exercise.slug}:${language.id}`} value={`${exercise.slug}:${language.id}`}>
                      {exercise.title}: {language.fileName}
                    </option>
                  )),
                )}
              </select>
            </label>
            {moment.current && (
              <span className="text-muted-foreground" data-testid="replay-file">
                {data.exercises.find((e) => e.slug === moment.current!.exercise)?.title ?? moment.current.exercise} · {moment.current.language}
              </span>
            )}
          </div>
          <CodeWithCursors code={moment.code} cursors={cursors} />
        </section>
        <aside className="flex min-w-0 flex-col gap-3 text-sm">
          <section aria-label="Runs so far" className="rounded-md border p-3">
            <h2 className="font-medium">Runs at this moment</h2>
            {runs.length === 0 ? (
              <p className="text-muted-foreground">None yet.</p>
            ) : (
              <ul className="mt-1 flex flex-col gap-1" data-testid="replay-runs">
                {runs.map((run) => {
                  const graded = run.finishedAt !== null && run.finishedAt <= at;
                  return (
                    <li key={run.id} data-testid="replay-run" data-verdict={graded ? (run.verdict ?? "") : "pending"}>
                      <button type="button" className="text-left underline-offset-4 hover:underline" onClick={() => seek(run.queuedAt - data.origin)}>
                        {clockLabel(run.queuedAt - data.origin)} {run.kind === "submit" ? "Submit" : "Run"} by {run.by} ({run.language}):{" "}
                        {graded ? `${run.verdict ?? "not graded"}${run.total !== null ? `, ${run.passed}/${run.total} tests` : ""}` : "grading…"}
                        {graded && run.findings.length > 0 && ` · ${run.findings.join(", ")}`}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          {data.notes && (
            <section aria-label="Notes so far" className="rounded-md border p-3">
              <h2 className="font-medium">Interviewers' notes so far (only interviewers see these)</h2>
              {notes.length === 0 ? (
                <p className="text-muted-foreground">None yet.</p>
              ) : (
                <ul className="mt-1 flex flex-col gap-2" data-testid="replay-notes">
                  {notes.map((note) => (
                    <li key={note.id}>
                      <span className="text-xs text-muted-foreground">
                        {clockLabel(Math.max(0, note.at - data.origin))} · {note.authorName}
                      </span>
                      <RenderedMarkdown html={note.html} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <section aria-label="Moments" className="rounded-md border p-3">
            <h2 className="font-medium">Jump to</h2>
            <ol className="mt-1 flex max-h-80 flex-col gap-0.5 overflow-auto" data-testid="replay-markers">
              {timeline.markers.map((marker, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: markers are built once per replay and never reordered
                <li key={index} data-kind={marker.kind}>
                  <button type="button" className={`text-left hover:underline ${marker.t <= t ? "" : "text-muted-foreground"}`} onClick={() => seek(marker.t)}>
                    <span aria-hidden>{MARKER_ICONS[marker.kind]}</span> {clockLabel(Math.max(0, marker.t))} {marker.label}
                  </button>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </div>
  );
}

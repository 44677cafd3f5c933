"use client";
// The statement's hints, revealed one at a time and in order. On the exercise page how many a person
// has opened is kept in this browser, per exercise. In an interview room the candidate opens them
// for the room (the server keeps each one: a scorecard signal) and interviewers see them all.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { openHintAction } from "@/lib/actions/interview-actions";

export interface RoomHints {
  interviewId: string;
  interviewer: boolean;
  /** How many the candidate has opened. */
  opened: number;
}

export function Hints({ slug, hints, room }: { slug: string; hints: string[]; room?: RoomHints }) {
  const storageKey = `osprep:hints:${slug}`;
  const [shown, setShown] = useState(room ? (room.interviewer ? hints.length : room.opened) : 0);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (room) return;
    const saved = Number(window.localStorage.getItem(storageKey));
    if (Number.isInteger(saved) && saved > 0) setShown(Math.min(saved, hints.length));
  }, [storageKey, hints.length, room]);
  if (hints.length === 0) return null;

  const showNext = async () => {
    const next = Math.min(shown + 1, hints.length);
    if (room) {
      setProblem(null);
      const result = await openHintAction({ interviewId: room.interviewId, exerciseSlug: slug, index: shown });
      if (!result.ok) return setProblem(result.error.message);
      setShown(result.data.opened);
      return;
    }
    setShown(next);
    window.localStorage.setItem(storageKey, String(next));
  };
  return (
    <section aria-labelledby="hints-heading" className="statement mt-6 text-sm">
      <h2 id="hints-heading">Hints</h2>
      {room?.interviewer && (
        <p className="text-muted-foreground" data-testid="hints-opened">
          The candidate had opened {room.opened} of {hints.length} when you loaded the room; the scorecard counts them.
        </p>
      )}
      <ol className="flex flex-col gap-2" data-testid="hints">
        {hints.slice(0, shown).map((hint, index) => (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the exercise package's own Markdown, rendered on the server (renderStatement)
          // biome-ignore lint/suspicious/noArrayIndexKey: hints are a fixed list, only ever revealed in order
          <li key={index} dangerouslySetInnerHTML={{ __html: hint }} />
        ))}
      </ol>
      {shown < hints.length && (
        <Button variant="outline" size="sm" className="mt-2" onClick={() => void showNext()}>
          {shown === 0 ? `Show a hint (${hints.length} in all)` : `Show hint ${shown + 1} of ${hints.length}`}
        </Button>
      )}
      {room && !room.interviewer && shown < hints.length && <p className="mt-1 text-xs text-muted-foreground">Your interviewers see which hints you open.</p>}
      {problem && (
        <p role="alert" className="mt-1 text-destructive">
          {problem}
        </p>
      )}
    </section>
  );
}

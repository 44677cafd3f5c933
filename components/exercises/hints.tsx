"use client";
// The statement's hints, revealed one at a time and in order; how many a person has opened is kept
// in this browser, per exercise.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

export function Hints({ slug, hints }: { slug: string; hints: string[] }) {
  const storageKey = `osprep:hints:${slug}`;
  const [shown, setShown] = useState(0);
  useEffect(() => {
    const saved = Number(window.localStorage.getItem(storageKey));
    if (Number.isInteger(saved) && saved > 0) setShown(Math.min(saved, hints.length));
  }, [storageKey, hints.length]);
  if (hints.length === 0) return null;

  const showNext = () => {
    const next = Math.min(shown + 1, hints.length);
    setShown(next);
    window.localStorage.setItem(storageKey, String(next));
  };
  return (
    <section aria-labelledby="hints-heading" className="statement mt-6 text-sm">
      <h2 id="hints-heading">Hints</h2>
      <ol className="flex flex-col gap-2" data-testid="hints">
        {hints.slice(0, shown).map((hint, index) => (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the exercise package's own Markdown, rendered on the server (renderStatement)
          // biome-ignore lint/suspicious/noArrayIndexKey: hints are a fixed list, only ever revealed in order
          <li key={index} dangerouslySetInnerHTML={{ __html: hint }} />
        ))}
      </ol>
      {shown < hints.length && (
        <Button variant="outline" size="sm" className="mt-2" onClick={showNext}>
          {shown === 0 ? `Show a hint (${hints.length} in all)` : `Show hint ${shown + 1} of ${hints.length}`}
        </Button>
      )}
    </section>
  );
}

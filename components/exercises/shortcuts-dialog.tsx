"use client";
// The keyboard shortcuts, one key away: "?" anywhere outside a text field opens this list, Escape
// (or its button) closes it.
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

const SHORTCUTS: [keys: string, what: string][] = [
  ["Ctrl/⌘ + Enter", "Submit"],
  ["Ctrl/⌘ + '", "Run"],
  ["?", "This list (outside the editor)"],
  ["Escape", "Close this list; leave full screen (not in vim mode, where Escape is vim's)"],
  ["F1", "Every editor command (the command palette)"],
  ["Ctrl/⌘ + F", "Find in the file"],
  ["Ctrl/⌘ + /", "Comment or uncomment the line"],
  ["Alt + ↑ / ↓", "Move the line up or down"],
  ["Ctrl/⌘ + Z", "Undo (a loaded past submission too)"],
  ["/", "Search the exercise catalog (on the catalog)"],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a click on the backdrop closes; the keyboard's way is Escape (above)
    <div className="fixed inset-0 z-[60] flex items-center justify-center bg-black/40 p-4" onClick={onClose}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: only keeps a click inside the dialog from reaching the backdrop */}
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="w-full max-w-md rounded-lg border bg-background p-5 shadow-lg"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="shortcuts-title" className="mb-3 text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border bg-muted px-1.5 py-0.5 font-mono text-xs whitespace-nowrap">{keys}</kbd>
              </dt>
              <dd className="text-muted-foreground">{what}</dd>
            </div>
          ))}
        </dl>
        <Button ref={close} variant="outline" size="sm" className="mt-4" onClick={onClose}>
          Close
        </Button>
      </div>
    </div>
  );
}

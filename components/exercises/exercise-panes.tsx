"use client";
// The exercise page's three panes: statement, code and result side by side on a wide screen; on a
// narrow one, tabs showing one at a time (Run and Submit turn to the Result tab). The tab is a data
// attribute on the wrapper, so the server renders the Statement tab and CSS does the rest.
import { createContext, type ReactNode, useContext, useState } from "react";
import { cn } from "@/lib/utils";

export type Pane = "statement" | "code" | "result";

const PANES: { id: Pane; label: string }[] = [
  { id: "statement", label: "Statement" },
  { id: "code", label: "Code" },
  { id: "result", label: "Result" },
];

/** Hidden below lg unless its tab is chosen (literal class names, for Tailwind to find). */
export const PANE_CLASS: Record<Pane, string> = {
  statement: "max-lg:hidden max-lg:group-data-[tab=statement]/panes:block",
  code: "max-lg:hidden max-lg:group-data-[tab=code]/panes:flex",
  result: "max-lg:hidden max-lg:group-data-[tab=result]/panes:flex",
};

/** Whether the page shows one pane at a time (the width below Tailwind's lg). */
const NARROW = "(max-width: 1023.98px)";

const PaneContext = createContext<{ show: (pane: Pane) => void }>({ show: () => undefined });

/** Shows `pane` when the page shows one pane at a time; nothing on a wide screen. */
export function useShowPane(): (pane: Pane) => void {
  const { show } = useContext(PaneContext);
  return (pane) => {
    if (window.matchMedia(NARROW).matches) show(pane);
  };
}

export function ExercisePanes({ statement, children }: { statement: ReactNode; children: ReactNode }) {
  const [tab, setTab] = useState<Pane>("statement");
  return (
    <PaneContext.Provider value={{ show: setTab }}>
      <div data-tab={tab} className="group/panes">
        <div role="tablist" aria-label="Exercise" className="sticky top-0 z-20 -mx-4 -mt-8 mb-4 flex border-b bg-background px-2 sm:-mx-6 lg:hidden">
          {PANES.map((pane) => (
            <button
              key={pane.id}
              type="button"
              role="tab"
              id={`pane-tab-${pane.id}`}
              aria-selected={tab === pane.id}
              onClick={() => {
                setTab(pane.id);
                window.scrollTo({ top: 0 });
              }}
              className={cn("flex-1 border-b-2 px-3 py-3 text-sm", tab === pane.id ? "border-primary font-semibold" : "border-transparent text-muted-foreground")}
            >
              {pane.label}
            </button>
          ))}
        </div>
        <div className="grid gap-8 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
          <div className={cn("min-w-0 lg:max-h-[calc(100vh-8rem)] lg:overflow-y-auto lg:pr-2", PANE_CLASS.statement)} data-pane="statement">
            {statement}
          </div>
          {children}
        </div>
      </div>
    </PaneContext.Provider>
  );
}

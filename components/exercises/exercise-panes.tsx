"use client";
// The exercise page's three panes: statement, code and result side by side on a wide screen; on a
// narrow one, tabs showing one at a time (Run and Submit turn to the Result tab). The tab is a data
// attribute on the wrapper, so the server renders the Statement tab and CSS does the rest.
import { type CSSProperties, createContext, type ReactNode, useContext, useRef, useState } from "react";
import { useExerciseLayout } from "@/components/exercises/use-layout";
import { Splitter } from "@/components/ui/splitter";
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

export function ExercisePanes({ statement: statementContent, children }: { statement: ReactNode; children: ReactNode }) {
  const [tab, setTab] = useState<Pane>("statement");
  const [layout, setLayout] = useExerciseLayout();
  const grid = useRef<HTMLDivElement>(null);
  const statement = useRef<HTMLDivElement>(null);
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
              className={cn(
                "flex-1 border-b-2 px-3 py-3 text-sm",
                tab === pane.id ? "border-primary font-semibold" : "border-transparent text-muted-foreground",
              )}
            >
              {pane.label}
            </button>
          ))}
        </div>
        {/* Wide: statement | handle | work; the handle sets the statement's width (remembered). */}
        <div
          ref={grid}
          className="grid gap-8 lg:grid-cols-[var(--statement-width,minmax(0,5fr))_auto_minmax(0,6fr)] lg:gap-3"
          style={layout.statementWidth ? ({ "--statement-width": `${layout.statementWidth}px` } as CSSProperties) : undefined}
        >
          <div
            ref={statement}
            className={cn("min-w-0 lg:max-h-[calc(100vh-8rem)] lg:overflow-y-scroll lg:pr-2 lg:[scrollbar-gutter:stable]", PANE_CLASS.statement)}
            data-pane="statement"
          >
            {statementContent}
          </div>
          <Splitter
            orientation="vertical"
            label="Statement width"
            className="max-lg:hidden lg:my-1"
            value={() => statement.current?.offsetWidth ?? 480}
            shown={layout.statementWidth}
            min={260}
            max={() => (grid.current?.offsetWidth ?? 1200) - 440}
            onChange={(statementWidth) => setLayout({ statementWidth })}
          />
          {children}
        </div>
      </div>
    </PaneContext.Provider>
  );
}

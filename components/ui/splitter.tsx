"use client";
// A handle between two panes, dragged with the pointer or moved with the arrow keys (Home and End
// for the limits): a focusable role="separator" with its value, for keyboards and screen readers.
import { useRef } from "react";
import { cn } from "@/lib/utils";

export function Splitter(props: {
  /** "vertical": a bar between columns, moved along x; "horizontal": a bar between rows, moved along y. */
  orientation: "vertical" | "horizontal";
  label: string;
  /** The size the handle sets (px), read when a drag or a key press starts. */
  value: () => number;
  min: number;
  max: () => number;
  onChange: (value: number) => void;
  /** The size shown to assistive technology, as last set. */
  shown?: number;
  className?: string;
}) {
  const drag = useRef<{ from: number; value: number } | null>(null);
  const vertical = props.orientation === "vertical";
  const clamp = (value: number) => Math.round(Math.min(Math.max(value, props.min), Math.max(props.min, props.max())));
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable, draggable splitter is a separator widget, which <hr> cannot be
    <div
      role="separator"
      aria-orientation={props.orientation}
      aria-label={props.label}
      aria-valuemin={props.min}
      aria-valuenow={props.shown === undefined ? undefined : Math.round(props.shown)}
      tabIndex={0}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { from: vertical ? event.clientX : event.clientY, value: props.value() };
      }}
      onPointerMove={(event) => {
        if (!drag.current) return;
        props.onChange(clamp(drag.current.value + (vertical ? event.clientX : event.clientY) - drag.current.from));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 64 : 16;
        const moves: Record<string, number> = vertical ? { ArrowLeft: -step, ArrowRight: step } : { ArrowUp: -step, ArrowDown: step };
        if (event.key in moves) props.onChange(clamp(props.value() + moves[event.key]!));
        else if (event.key === "Home") props.onChange(clamp(props.min));
        else if (event.key === "End") props.onChange(clamp(props.max()));
        else return;
        event.preventDefault();
      }}
      className={cn(
        "shrink-0 touch-none rounded-full bg-border select-none hover:bg-primary/50 focus-visible:bg-primary focus-visible:outline-none",
        vertical ? "w-1.5 cursor-col-resize" : "h-1.5 cursor-row-resize",
        props.className,
      )}
    />
  );
}

// A topic's or section's mastery as a bar with its percentage.
import { cn } from "@/lib/utils";

export function MasteryBar({ value, label, className }: { value: number; label: string; className?: string }) {
  const percent = Math.round(value * 100);
  return (
    <div className={cn("flex items-center gap-2", className)}>
      {/* biome-ignore lint/a11y/useSemanticElements: a styled bar; <meter> cannot be styled the same across browsers */}
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 flex-1 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary transition-all" style={{ width: `${percent}%` }} />
      </div>
      <span className="w-10 text-right text-xs tabular-nums text-muted-foreground">{percent}%</span>
    </div>
  );
}

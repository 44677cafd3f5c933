"use client";
// The user's own mark on a topic (learning / done / skipped), as on roadmap.sh; saved at once. Then
// `onSaved` reloads what depends on it (a prerendered page's progress), or else the page refreshes.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markTopicAction } from "@/lib/actions/progress-actions";

type Status = "learning" | "done" | "skipped";

export function TopicStatusSelect({
  topicId,
  topicTitle,
  status,
  onSaved,
}: {
  topicId: string;
  topicTitle: string;
  status: Status | null;
  onSaved?: () => void;
}) {
  const router = useRouter();
  const [value, setValue] = useState<Status | "">(status ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <select
        aria-label={`Your status on ${topicTitle}`}
        className="rounded-md border bg-background px-2 py-1 text-xs"
        value={value}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value as Status | "";
          const previous = value;
          setValue(next);
          setError(null);
          startTransition(async () => {
            const result = await markTopicAction({ topicId, status: next === "" ? null : next });
            if (!result.ok) {
              setValue(previous);
              setError(result.error.message);
            } else if (onSaved) onSaved();
            else router.refresh();
          });
        }}
      >
        <option value="">Not marked</option>
        <option value="learning">Learning</option>
        <option value="done">Done</option>
        <option value="skipped">Skipped</option>
      </select>
      {error && (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      )}
    </span>
  );
}

"use client";
// The exercise page's layout as the user left it (the statement's width, the editor's height), kept
// in this browser's localStorage; nothing stored means the page's own proportions.
import { useCallback, useEffect, useState } from "react";
import "@/lib/validations/zod-setup";
import { z } from "zod";

const layoutSchema = z.object({
  statementWidth: z.number().positive().optional().catch(undefined),
  editorHeight: z.number().positive().optional().catch(undefined),
});

export type ExerciseLayout = z.infer<typeof layoutSchema>;

const STORAGE_KEY = "osprep:exercise-layout";

function stored(): ExerciseLayout {
  try {
    return layoutSchema.parse(JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "{}"));
  } catch {
    return {};
  }
}

/** The layout, and a setter that keeps it (merged with what is stored: the panes and the workspace each set their own part). */
export function useExerciseLayout(): [ExerciseLayout, (change: Partial<ExerciseLayout>) => void] {
  const [layout, setLayout] = useState<ExerciseLayout>({});
  useEffect(() => setLayout(stored()), []);
  const change = useCallback((update: Partial<ExerciseLayout>) => {
    const next = { ...stored(), ...update };
    setLayout((previous) => ({ ...previous, ...update }));
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage refused: the layout holds for this page.
    }
  }, []);
  return [layout, change];
}

"use client";
// Loads the signed-in user's progress from a /api/progress/* endpoint for a page that is the same
// for everyone (prerendered) and shows the user's own standing once it arrives. `reload` fetches it
// again after the user changes it (a topic mark, a new time zone).
import { useCallback, useEffect, useRef, useState } from "react";

export type ProgressState<T> = { state: "loading" } | { state: "signed-out" } | { state: "failed"; message: string } | { state: "ready"; data: T };

export function useProgress<T>(url: string): ProgressState<T> & { reload: () => Promise<void> } {
  const [loaded, setLoaded] = useState<ProgressState<T>>({ state: "loading" });
  // Only the latest load may set the state: an older one answering late would put stale progress over newer.
  const latestLoad = useRef(0);
  const reload = useCallback(async () => {
    const attempt = ++latestLoad.current;
    const settle = (next: ProgressState<T>) => {
      if (attempt === latestLoad.current) setLoaded(next);
    };
    try {
      const response = await fetch(url, { cache: "no-store" }).catch(() => {
        throw new Error("the server could not be reached");
      });
      if (response.status === 401) return settle({ state: "signed-out" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `the server answered ${response.status}`);
      }
      settle({ state: "ready", data: (await response.json()) as T });
    } catch (error) {
      settle({ state: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }, [url]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...loaded, reload };
}

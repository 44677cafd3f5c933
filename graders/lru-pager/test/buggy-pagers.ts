// Test helper: a plain O(frames) pager that can make the mistakes candidates make, to prove that the
// hidden tests catch each of them (and, with no mistake, to cross-check the oracle).
import { formatEvent, formatTotals, type AccessEvent, type Workload } from "@/graders/lru-pager/lru";

export const BUGS = [
  "fifo",
  "evicts-most-recent",
  "read-hits-keep-recency",
  "one-frame-too-few",
  "one-frame-too-many",
  "no-write-back",
  "read-clears-dirty",
  "write-hit-not-dirty",
  "dirty-survives-eviction",
  "stamps-only-on-hit",
  "page-zero-resident-at-start",
  "loading-write-clean",
] as const;

export type Bug = (typeof BUGS)[number] | "none";

/** A pager with `bug`: call it once per access, in order, for the line it prints. */
export function buggyPager(frames: number, bug: Bug): (page: number, write: boolean) => AccessEvent {
  // Resident pages in load order, with the time used for recency.
  const stamps = new Map<number, number>();
  const dirty = new Set<number>();
  const capacity = frames + (bug === "one-frame-too-many" ? 1 : bug === "one-frame-too-few" ? -1 : 0);
  let clock = 0;
  let pageZeroSeen = false;
  return (page, write) => {
    const now = ++clock;
    if (page === 0) pageZeroSeen ||= stamps.has(0);
    if (stamps.has(page)) {
      const refresh = bug !== "fifo" && (bug !== "read-hits-keep-recency" || write);
      if (refresh) stamps.set(page, now);
      if (write && bug !== "write-hit-not-dirty") dirty.add(page);
      if (!write && bug === "read-clears-dirty") dirty.delete(page);
      return { hit: true };
    }
    if (bug === "page-zero-resident-at-start" && page === 0 && !pageZeroSeen && stamps.size < frames) return { hit: true };
    let evicted: number | null = null;
    let writeBack = false;
    if (stamps.size > 0 && stamps.size >= capacity) {
      const newest = bug === "evicts-most-recent";
      for (const [candidate, stamp] of stamps) {
        if (evicted === null || (newest ? stamp > stamps.get(evicted)! : stamp < stamps.get(evicted)!)) evicted = candidate;
      }
      writeBack = bug !== "no-write-back" && dirty.has(evicted!);
      stamps.delete(evicted!);
      if (bug !== "dirty-survives-eviction") dirty.delete(evicted!);
    }
    stamps.set(page, bug === "stamps-only-on-hit" ? 0 : now);
    if (write && bug !== "loading-write-clean") dirty.add(page);
    return { hit: false, evicted, writeBack };
  };
}

/** The whole output of a buggy pager on `workload`. */
export function simulate(workload: Workload, bug: Bug): string {
  const access = buggyPager(workload.frames, bug);
  const lines: string[] = [];
  let hits = 0;
  let writebacks = 0;
  workload.pages.forEach((page, i) => {
    const event = access(page, workload.writes[i]!);
    if (event.hit) hits++;
    else if (event.writeBack) writebacks++;
    lines.push(formatEvent(event));
  });
  const accesses = workload.pages.length;
  lines.push(formatTotals({ accesses, hits, faults: accesses - hits, writebacks }));
  return `${lines.join("\n")}\n`;
}

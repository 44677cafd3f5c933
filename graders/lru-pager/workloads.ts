// Seeded access streams: the hand-made edge cases, random small ones, and the large ones that only
// an O(1)-per-access pager finishes in time (hits spread over the whole recency order, many evictions).
import type { SeededRandom } from "@/graders/core/random";
import { PAGE_LIMIT, type Workload } from "@/graders/lru-pager/lru";

/** Accesses from a compact script: "0R 1W 0R" is page 0 read, page 1 written, page 0 read. */
export function scripted(frames: number, script: string): Workload {
  const pages: number[] = [];
  const writes: boolean[] = [];
  for (const step of script.trim().split(/\s+/)) {
    const match = /^(\d+)([RW])$/.exec(step);
    if (!match) throw new Error(`Bad access "${step}" in a scripted workload.`);
    pages.push(Number(match[1]));
    writes.push(match[2] === "W");
  }
  return { frames, pages, writes };
}

/** Appends `count` accesses drawn by `pick`, each a write with probability `writeShare`. */
function append(workload: Workload, random: SeededRandom, count: number, writeShare: number, pick: () => number): Workload {
  for (let i = 0; i < count; i++) {
    workload.pages.push(pick());
    workload.writes.push(random.next() < writeShare);
  }
  return workload;
}

/** Distinct page numbers spread over the whole page range: the k-th of an affine permutation of it. */
function distinctPage(k: number, offset: number): number {
  return (7919 * k + offset) % PAGE_LIMIT;
}

/** Uniform accesses over `pool`. */
export function uniform(random: SeededRandom, frames: number, pool: readonly number[], count: number, writeShare: number): Workload {
  return append({ frames, pages: [], writes: [] }, random, count, writeShare, () => random.pick(pool));
}

/** Skewed accesses over `pool` (a few hot pages, a long cold tail): where LRU and FIFO differ most. */
export function skewed(random: SeededRandom, frames: number, pool: readonly number[], count: number, writeShare: number): Workload {
  return append({ frames, pages: [], writes: [] }, random, count, writeShare, () => pool[Math.floor(pool.length * random.next() ** 3)]!);
}

/**
 * A working set a little larger than memory, drifting slowly: hits land anywhere in the recency
 * order (not just near its front) and about one access in ten evicts a page.
 */
export function workingSet(random: SeededRandom, frames: number, count: number, options: { sizeFactor: number; drift: number; writeShare: number }): Workload {
  const offset = random.int(0, PAGE_LIMIT - 1);
  const set: number[] = [];
  let fresh = 0;
  const size = Math.round(frames * options.sizeFactor);
  while (fresh < size) set.push(distinctPage(fresh++, offset));
  return append({ frames, pages: [], writes: [] }, random, count, options.writeShare, () => {
    const slot = random.int(0, size - 1);
    if (random.next() < options.drift) set[slot] = distinctPage(fresh++, offset);
    return set[slot]!;
  });
}

/**
 * A hot set used over and over while a long sequential scan passes through (a database's table
 * scan through its buffer pool): the scan's pages push hot pages out, so evictions are frequent.
 */
export function hotSetWithScan(
  random: SeededRandom,
  frames: number,
  count: number,
  options: { hotPages: number; scanPages: number; scanShare: number; writeShare: number },
): Workload {
  const offset = random.int(0, PAGE_LIMIT - 1);
  let scanned = 0;
  return append({ frames, pages: [], writes: [] }, random, count, options.writeShare, () =>
    random.next() < options.scanShare
      ? distinctPage(options.hotPages + (scanned++ % options.scanPages), offset)
      : distinctPage(Math.floor(options.hotPages * random.next() ** 2), offset),
  );
}

/**
 * A small hot set that stays resident, and a stream of pages never seen before that evict the
 * oldest ones: the cost of every eviction grows with the frame count in a pager that scans.
 */
export function hotAndNew(random: SeededRandom, frames: number, count: number, options: { hotPages: number; newShare: number; writeShare: number }): Workload {
  const offset = random.int(0, PAGE_LIMIT - 1);
  let fresh = options.hotPages;
  return append({ frames, pages: [], writes: [] }, random, count, options.writeShare, () =>
    random.next() < options.newShare ? distinctPage(fresh++, offset) : distinctPage(random.int(0, options.hotPages - 1), offset),
  );
}

/** Pages 0..length-1 in order, over and over: LRU's worst case when length > frames. */
export function loop(frames: number, length: number, rounds: number): Workload {
  const workload: Workload = { frames, pages: [], writes: [] };
  for (let round = 0; round < rounds; round++) {
    for (let page = 0; page < length; page++) {
      workload.pages.push(page);
      workload.writes.push(page % 3 === 0);
    }
  }
  return workload;
}

/** Concatenates workloads' accesses under the first one's frame count. */
export function concat(...parts: Workload[]): Workload {
  return { frames: parts[0]!.frames, pages: parts.flatMap((part) => part.pages), writes: parts.flatMap((part) => part.writes) };
}

export const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

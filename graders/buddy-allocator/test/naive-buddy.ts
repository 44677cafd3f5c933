// A second buddy allocator, for tests: the free blocks in one list, searched whole at every step,
// as the statement describes the rules. Slow and written apart from buddy.ts, so that the two
// agreeing on thousands of small scenarios means something. QUIRKS are the mistakes of the
// known-bad solutions, so that grader.test.ts can show the test aimed at each one catches it.
import { formatDump, orderFor, type Scenario } from "@/graders/buddy-allocator/buddy";

export const QUIRKS = [
  /** A split keeps the upper half and frees the lower one. */
  "keeps-upper-half",
  /** Takes the most recently freed block of the order, not the lowest. */
  "most-recent-first",
  /** Takes the lowest free block that fits of any order, not the smallest order first. */
  "lowest-of-any-order",
  /** Merges once at most. */
  "merges-once",
  /** Merges when the buddy's first page starts a free block of any order. */
  "merges-with-part-of-buddy",
] as const;
export type Quirk = (typeof QUIRKS)[number];

export function naiveRun(s: Scenario, quirk?: Quirk): string[] {
  // In the order they were freed: "most-recent-first" takes from the end.
  let free: { start: number; order: number }[] = [{ start: 0, order: s.maxOrder }];
  const live = new Map<number, { start: number; order: number; pages: number }>();
  const lines: string[] = [];
  let allocs = 0;
  const sorted = () => [...free].sort((a, b) => a.order - b.order || a.start - b.start);

  const alloc = (order: number): number => {
    const fits = free.filter((b) => b.order >= order);
    if (fits.length === 0) return -1;
    let block: { start: number; order: number };
    if (quirk === "lowest-of-any-order") block = fits.reduce((a, b) => (b.start < a.start ? b : a));
    else {
      const smallest = Math.min(...fits.map((b) => b.order));
      const candidates = fits.filter((b) => b.order === smallest);
      block = quirk === "most-recent-first" ? candidates.at(-1)! : candidates.reduce((a, b) => (b.start < a.start ? b : a));
    }
    free = free.filter((b) => b !== block);
    let start = block.start;
    for (let k = block.order - 1; k >= order; k--) {
      if (quirk === "keeps-upper-half") {
        free.push({ start, order: k });
        start += 2 ** k;
      } else free.push({ start: start + 2 ** k, order: k });
    }
    return start;
  };

  const release = (start: number, order: number) => {
    let merges = 0;
    while (order < s.maxOrder && !(quirk === "merges-once" && merges === 1)) {
      const buddy = start ^ (2 ** order);
      const partner = free.find((b) => b.start === buddy && (quirk === "merges-with-part-of-buddy" ? true : b.order === order));
      if (!partner) break;
      free = free.filter((b) => b !== partner);
      start = Math.min(start, buddy);
      order++;
      merges++;
    }
    free.push({ start, order });
    return { start, order };
  };

  let used = 0;
  let waste = 0;
  const totals = { allocated: 0, failed: 0, starts: 0, freed: 0, nothing: 0, orders: 0 };
  for (const op of s.operations) {
    if (op.kind === "alloc") {
      const k = ++allocs;
      const order = orderFor(op.pages);
      const start = order > s.maxOrder ? -1 : alloc(order);
      if (start === -1) {
        totals.failed++;
        lines.push(`A${k} fail`);
      } else {
        totals.allocated++;
        totals.starts += start;
        live.set(k, { start, order, pages: op.pages });
        used += 2 ** order;
        waste += 2 ** order - op.pages;
        lines.push(`A${k} ${start} ${order}`);
      }
    } else if (op.kind === "free") {
      const block = live.get(op.alloc);
      if (!block) {
        totals.nothing++;
        lines.push(`F${op.alloc} not allocated`);
        continue;
      }
      live.delete(op.alloc);
      used -= 2 ** block.order;
      waste -= 2 ** block.order - block.pages;
      const merged = release(block.start, block.order);
      totals.freed++;
      totals.orders += merged.order;
      lines.push(`F${op.alloc} ${merged.start} ${merged.order}`);
    } else {
      lines.push(formatDump(sorted().map((b) => [b.order, b.start])));
    }
  }
  const largest = free.reduce((most, b) => Math.max(most, 2 ** b.order), 0);
  return [
    ...(s.report === "full" ? lines : []),
    `ALLOCS ${totals.allocated} ${totals.failed} ${totals.starts}`,
    `FREES ${totals.freed} ${totals.nothing} ${totals.orders}`,
    `END ${2 ** s.maxOrder - used} ${largest} ${waste}`,
  ];
}

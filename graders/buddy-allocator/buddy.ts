// The buddy allocator's oracle: the rules of exercises/buddy-allocator/README.md over a scenario's
// operations (the lowest-addressed free block of the smallest order that fits, split keeping the
// lower half, merged with its buddy for as long as the buddy is free and whole), the report the
// drivers print, and the input format. Written from the statement, apart from the references;
// test/naive-buddy.ts (the free blocks in one list, searched whole at every step) checks it on small scenarios.
import { Tokens } from "@/graders/core/tokens";

export const LIMITS = {
  scenarios: 20,
  maxOrder: 24,
  operations: 1_000_000,
  operationsInAll: 2_000_000,
} as const;

export type Operation = { kind: "alloc"; pages: number } | { kind: "free"; alloc: number } | { kind: "dump" };

export type Report = "full" | "summary";

export interface Scenario {
  /** Memory is 2^maxOrder pages, 0 … 2^maxOrder − 1. */
  maxOrder: number;
  /** full: a line per operation, then the totals; summary: the totals only. */
  report: Report;
  operations: Operation[];
}

/** The smallest order whose block holds `pages`: ⌈log2 pages⌉. */
export function orderFor(pages: number): number {
  let order = 0;
  while (2 ** order < pages) order++;
  return order;
}

/** A binary min-heap of numbers. */
class MinHeap {
  readonly items: number[] = [];

  push(value: number): void {
    const items = this.items;
    let i = items.length;
    items.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= value) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = value;
  }

  peek(): number | undefined {
    return this.items[0];
  }

  pop(): void {
    const items = this.items;
    const last = items.pop()!;
    if (items.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && items[right]! < items[left]! ? right : left;
      if (items[child]! >= last) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
  }
}

/** The allocator's state: which blocks are free, per order, found lowest first. */
export class Buddy implements Allocator {
  /** freeOrder[page] = order + 1 when a free block of that order starts at page, else 0. */
  private readonly freeOrder: Uint8Array;
  /** Per order, the starts of its free blocks (and stale ones, skipped when met: lazy deletion). */
  private readonly heaps: MinHeap[];

  constructor(readonly maxOrder: number) {
    this.freeOrder = new Uint8Array(2 ** maxOrder);
    this.heaps = Array.from({ length: maxOrder + 1 }, () => new MinHeap());
    this.insert(0, maxOrder);
  }

  private insert(start: number, order: number): void {
    this.freeOrder[start] = order + 1;
    this.heaps[order]!.push(start);
  }

  /** The lowest free block of `order`, or -1; stale entries are dropped on the way. */
  private lowest(order: number): number {
    const heap = this.heaps[order]!;
    for (;;) {
      const start = heap.peek();
      if (start === undefined) return -1;
      if (this.freeOrder[start] === order + 1) return start;
      heap.pop();
    }
  }

  /** The lowest free block of `order`, or -1 (for explanations). */
  lowestFree(order: number): number {
    return this.lowest(order);
  }

  /** The order of the free block starting at `start`, or -1 when none starts there. */
  freeOrderAt(start: number): number {
    return this.freeOrder[start]! - 1;
  }

  /** The start of a block of 2^order pages, or -1 when no free block is that large. */
  alloc(order: number): number {
    let from = order;
    while (from <= this.maxOrder && this.lowest(from) === -1) from++;
    if (from > this.maxOrder) return -1;
    const start = this.lowest(from);
    this.heaps[from]!.pop();
    this.freeOrder[start] = 0;
    // Split down to `order`, keeping the lower half; each upper half is free.
    for (let k = from - 1; k >= order; k--) this.insert(start + 2 ** k, k);
    return start;
  }

  /** Frees the block and merges it with its buddy while the buddy is free and whole: the block it ends in. */
  free(start: number, order: number): { start: number; order: number } {
    while (order < this.maxOrder) {
      const buddy = start ^ (2 ** order);
      if (this.freeOrder[buddy] !== order + 1) break;
      this.freeOrder[buddy] = 0; // its heap entry goes stale
      start = Math.min(start, buddy);
      order++;
    }
    this.insert(start, order);
    return { start, order };
  }

  /** Every free block as [order, start], by order and then start. */
  freeBlocks(): [number, number][] {
    const blocks: [number, number][] = [];
    for (let order = 0; order <= this.maxOrder; order++) {
      const starts = [...new Set(this.heaps[order]!.items)].filter((start) => this.freeOrder[start] === order + 1).sort((a, b) => a - b);
      for (const start of starts) blocks.push([order, start]);
    }
    return blocks;
  }
}

export const formatDump = (blocks: [number, number][]): string => {
  if (blocks.length === 0) return "D -";
  const parts: string[] = [];
  let i = 0;
  while (i < blocks.length) {
    const order = blocks[i]![0];
    const starts: number[] = [];
    while (i < blocks.length && blocks[i]![0] === order) starts.push(blocks[i++]![1]);
    parts.push(`${order}:${starts.join(",")}`);
  }
  return `D ${parts.join(" ")}`;
};

/** An allocator as the drivers call it: this file's Buddy, or a test's own. */
export interface Allocator {
  alloc(order: number): number;
  free(start: number, order: number): { start: number; order: number };
  /** Every free block as [order, start], by order and then start. */
  freeBlocks(): [number, number][];
}

/** The drivers' side of a scenario: the allocation table, the totals, and the line each operation prints. */
export class ScenarioRun {
  /** Per alloc (1-based): its block while it is live. */
  readonly live = new Map<number, { start: number; order: number; pages: number }>();
  /** Allocations asked for so far. */
  allocs = 0;
  private usedPages = 0;
  private waste = 0;
  private readonly totals = { allocated: 0, failed: 0, starts: 0, freed: 0, nothing: 0, orders: 0 };

  constructor(
    private readonly s: Scenario,
    readonly allocator: Allocator = new Buddy(s.maxOrder),
  ) {}

  /** Carries out one operation: the line a full report prints for it. */
  step(op: Operation): string {
    if (op.kind === "dump") return formatDump(this.allocator.freeBlocks());
    const totals = this.totals;
    if (op.kind === "alloc") {
      const k = ++this.allocs;
      const order = orderFor(op.pages);
      const start = order > this.s.maxOrder ? -1 : this.allocator.alloc(order);
      if (start === -1) {
        totals.failed++;
        return `A${k} fail`;
      }
      totals.allocated++;
      totals.starts += start;
      this.live.set(k, { start, order, pages: op.pages });
      this.usedPages += 2 ** order;
      this.waste += 2 ** order - op.pages;
      return `A${k} ${start} ${order}`;
    }
    const block = this.live.get(op.alloc);
    if (!block) {
      totals.nothing++;
      return `F${op.alloc} not allocated`;
    }
    this.live.delete(op.alloc);
    this.usedPages -= 2 ** block.order;
    this.waste -= 2 ** block.order - block.pages;
    const merged = this.allocator.free(block.start, block.order);
    totals.freed++;
    totals.orders += merged.order;
    return `F${op.alloc} ${merged.start} ${merged.order}`;
  }

  /** The ALLOCS, FREES and END lines. */
  closing(): string[] {
    const { totals } = this;
    const largest = this.allocator.freeBlocks().reduce((most, [order]) => Math.max(most, 2 ** order), 0);
    return [
      `ALLOCS ${totals.allocated} ${totals.failed} ${totals.starts}`,
      `FREES ${totals.freed} ${totals.nothing} ${totals.orders}`,
      `END ${2 ** this.s.maxOrder - this.usedPages} ${largest} ${this.waste}`,
    ];
  }
}

/** What the drivers print for one scenario: a line per operation (a full report), then ALLOCS, FREES and END. */
export function runScenario(s: Scenario, allocator?: Allocator): string[] {
  const run = new ScenarioRun(s, allocator);
  const lines: string[] = [];
  for (const op of s.operations) {
    // A summary prints no dumps, and a dump changes nothing: it is not worked out.
    if (s.report === "full") lines.push(run.step(op));
    else if (op.kind !== "dump") run.step(op);
  }
  return [...lines, ...run.closing()];
}

export function expectedOutput(scenarios: Scenario[]): string {
  return `${scenarios.flatMap((s) => runScenario(s)).join("\n")}\n`;
}

const formatOperation = (op: Operation) => (op.kind === "alloc" ? `alloc ${op.pages}` : op.kind === "free" ? `free ${op.alloc}` : "dump");

export function formatInput(scenarios: Scenario[]): string {
  const lines = [String(scenarios.length)];
  for (const s of scenarios) {
    lines.push(`${s.maxOrder} ${s.operations.length} ${s.report}`);
    for (const op of s.operations) lines.push(formatOperation(op));
  }
  return `${lines.join("\n")}\n`;
}

/** The input's scenarios, or null when it is not one the statement allows (then nothing is explained from it). */
export function parseInput(input: string): Scenario[] | null {
  const tokens = new Tokens(input);
  const integer = (low: number, high: number) => tokens.integer(low, high);
  const count = integer(1, LIMITS.scenarios);
  if (count === null) return null;
  const scenarios: Scenario[] = [];
  let inAll = 0;
  for (let k = 0; k < count; k++) {
    const maxOrder = integer(0, LIMITS.maxOrder);
    const q = integer(1, LIMITS.operations);
    const report = tokens.word();
    if (maxOrder === null || q === null || (report !== "full" && report !== "summary")) return null;
    inAll += q;
    if (inAll > LIMITS.operationsInAll) return null;
    const operations: Operation[] = [];
    for (let i = 0; i < q; i++) {
      const word = tokens.word();
      if (word === "alloc") {
        const pages = integer(1, 2 ** LIMITS.maxOrder);
        if (pages === null) return null;
        operations.push({ kind: "alloc", pages });
      } else if (word === "free") {
        const alloc = integer(1, LIMITS.operations);
        if (alloc === null) return null;
        operations.push({ kind: "free", alloc });
      } else if (word === "dump") {
        operations.push({ kind: "dump" });
      } else {
        return null;
      }
    }
    scenarios.push({ maxOrder, report, operations });
  }
  return tokens.done ? scenarios : null;
}

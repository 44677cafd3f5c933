// Operations for the buddy allocator's tests: random workloads (mostly small requests, a few large
// ones, frees of live allocations and some of nothing), the fragmenting workload (memory filled a
// page at a time, every other page freed, then churn) on which a scan of a free list is quadratic,
// and scripted edge cases.
import type { Operation, Report, Scenario } from "@/graders/buddy-allocator/buddy";
import type { SeededRandom } from "@/graders/core/random";

export const alloc = (pages: number): Operation => ({ kind: "alloc", pages });
export const free = (k: number): Operation => ({ kind: "free", alloc: k });
export const dump: Operation = { kind: "dump" };

/** Operations written as text: "a3 f1 d" is alloc 3, free 1, dump. */
export function scripted(text: string): Operation[] {
  return text
    .trim()
    .split(/\s+/)
    .map((word) => (word === "d" ? dump : word.startsWith("a") ? alloc(Number(word.slice(1))) : free(Number(word.slice(1)))));
}

export interface Shape {
  maxOrder: number;
  operations: number;
  /** Of the operations, the share that are allocations (the rest frees, and dumps if asked). */
  allocShare: number;
  /** A dump after every operation (small scenarios only: a dump lists every free block). */
  dumpEach?: boolean;
}

/** Request sizes as programs make them: mostly a few pages, some tens, a few near a quarter of memory. */
function pages(random: SeededRandom, maxOrder: number): number {
  const roll = random.int(1, 100);
  const top = Math.max(0, maxOrder - 2);
  const bits = roll <= 70 ? Math.min(2, top) : roll <= 95 ? Math.min(6, top) : top;
  return random.int(1, 2 ** bits);
}

/** A random workload: allocations, frees of live allocations (one in twenty of nothing). */
export function randomOperations(random: SeededRandom, shape: Shape): Operation[] {
  const operations: Operation[] = [];
  const live: number[] = [];
  let allocs = 0;
  while (operations.length < shape.operations) {
    if (live.length === 0 || random.int(1, 1000) <= shape.allocShare * 1000) {
      allocs++;
      live.push(allocs); // a failed allocation's later free names nothing: that is part of the test
      operations.push(alloc(pages(random, shape.maxOrder)));
    } else if (random.int(1, 20) === 1) {
      operations.push(free(random.int(1, allocs + 3)));
    } else {
      const i = random.int(0, live.length - 1);
      operations.push(free(live[i]!));
      live[i] = live[live.length - 1]!;
      live.pop();
    }
    if (shape.dumpEach && operations.length < shape.operations) operations.push(dump);
  }
  return operations.slice(0, shape.operations);
}

/**
 * The fragmenting workload: every page allocated one by one (2^M allocations), every other one
 * freed (2^(M−1) free pages whose buddies are allocated: none merges), then `churn` rounds of a
 * one-page allocation that is freed at once (as a short-lived buffer is), one round in sixteen
 * freeing a random older page instead. Order 0's free list holds a quarter to a half of the pages
 * throughout: finding its lowest block, or a buddy in it, by a scan is O(2^M) each time.
 */
export function fragmenting(random: SeededRandom, maxOrder: number, churn: number): Operation[] {
  const size = 2 ** maxOrder;
  const operations: Operation[] = [];
  for (let k = 1; k <= size; k++) operations.push(alloc(1));
  const live: number[] = [];
  for (let k = 1; k <= size; k++) {
    if (k % 2 === 1) operations.push(free(k));
    else live.push(k);
  }
  let allocs = size;
  for (let round = 0; round < churn; round++) {
    operations.push(alloc(1));
    allocs++;
    if (random.int(1, 16) > 1) {
      operations.push(free(allocs));
      continue;
    }
    live.push(allocs);
    const i = random.int(0, live.length - 1);
    operations.push(free(live[i]!));
    live[i] = live[live.length - 1]!;
    live.pop();
  }
  return operations;
}

export const scenario = (maxOrder: number, operations: Operation[], report: Report = "full"): Scenario => ({ maxOrder, report, operations });

// Workloads for the page-table-and-TLB tests: scripted edge cases, and random mixes of maps,
// unmaps, protects and accesses over a working set of pages spread across 4 MiB regions (so that
// second-level tables come and go), with the TLB's hit rate set by the working set's size.
import type { SeededRandom } from "@/graders/core/random";
import { type AccessKind, LIMITS, NEEDS, type Operation, parseInput, R, W, type Workload, X } from "@/graders/page-table-tlb/mmu";

/** Operations written as input lines, `;` between them: "map 0x00403 0x0001f rw-; read 0x00403004". */
export function scripted(tlbEntries: number, text: string): Workload {
  const lines = text
    .split(";")
    .map((line) => line.trim())
    .filter(Boolean);
  const workload = parseInput(`${tlbEntries} ${lines.length}\n${lines.join("\n")}\n`);
  if (!workload) throw new Error(`Not a valid script: ${text}`);
  return workload;
}

export function concat(...workloads: Workload[]): Workload {
  return { tlbEntries: workloads[0]!.tlbEntries, operations: workloads.flatMap((w) => w.operations) };
}

export interface Mix {
  tlbEntries: number;
  operations: number;
  /** The working set: how many pages the accesses go to. */
  pages: number;
  /** How many 4 MiB regions (directory entries) the pages spread over. */
  regions: number;
  /** The share of operations after the first maps that are maps, unmaps and protects. */
  churn: number;
  /** The permissions pages are mapped and protected with. */
  perms: readonly number[];
  /** The share of accesses whose kind the page's permissions allow (the others are random). */
  allowed: number;
}

/** Permissions real mappings have: code, read-only data, data, and now and then something odd. */
export const USUAL_PERMS = [R | X, R, R | W, R | W, R | W, R | W | X, 0] as const;
export const EVERY_PERMS = [0, X, W, W | X, R, R | X, R | W, R | W | X] as const;
const KINDS: AccessKind[] = ["read", "write", "exec"];

/** `count` distinct pages over `regions` distinct 4 MiB regions (every region gets at least one). */
function spreadPages(random: SeededRandom, count: number, regions: number): number[] {
  const directory = new Set<number>();
  while (directory.size < Math.min(regions, 1024)) directory.add(random.int(0, 1023));
  const regionList = [...directory];
  const pages = new Set<number>();
  for (const region of regionList) if (pages.size < count) pages.add((region << 10) | random.int(0, 1023));
  while (pages.size < count) pages.add((random.pick(regionList) << 10) | random.int(0, 1023));
  return shuffled(random, [...pages]);
}

function shuffled<T>(random: SeededRandom, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** An offset within a page, its edges (0 and 0xfff) one time in eight. */
function offset(random: SeededRandom): number {
  const roll = random.int(0, 15);
  return roll === 0 ? 0 : roll === 1 ? 0xfff : random.int(0, 0xfff);
}

/**
 * Every page of the working set mapped first, then `mix.operations` in all: accesses to the working
 * set, and now and then a map (a new frame, or back after an unmap), an unmap or a protect.
 */
export function randomMix(random: SeededRandom, mix: Mix): Workload {
  const pages = spreadPages(random, mix.pages, mix.regions);
  const perms = new Map<number, number>();
  const operations: Operation[] = [];
  const map = (vpn: number) => {
    const p = random.pick(mix.perms);
    perms.set(vpn, p);
    operations.push({ op: "map", vpn, frame: random.int(0, LIMITS.pageNumber), perms: p });
  };
  for (const vpn of pages) if (operations.length < mix.operations) map(vpn);
  while (operations.length < mix.operations) {
    const vpn = random.pick(pages);
    if (random.next() < mix.churn) {
      const roll = random.next();
      if (roll < 0.4 && perms.has(vpn)) {
        perms.delete(vpn);
        operations.push({ op: "unmap", vpn });
      } else if (roll < 0.7 || !perms.has(vpn)) map(vpn);
      else {
        const p = random.pick(mix.perms);
        perms.set(vpn, p);
        operations.push({ op: "protect", vpn, perms: p });
      }
      continue;
    }
    const allowedKinds = KINDS.filter((kind) => ((perms.get(vpn) ?? 0) & NEEDS[kind]) !== 0);
    const kind = allowedKinds.length > 0 && random.next() < mix.allowed ? random.pick(allowedKinds) : random.pick(KINDS);
    operations.push({ op: kind, address: ((vpn << 12) | offset(random)) >>> 0 });
  }
  return { tlbEntries: mix.tlbEntries, operations };
}

/**
 * LRU's worst case: `pages` pages mapped read-write, then read in a loop until `operations` in all;
 * with one page more than the TLB holds, every access misses and evicts.
 */
export function loop(tlbEntries: number, pages: number, operations: number): Workload {
  const list: Operation[] = [];
  for (let vpn = 0; vpn < pages && list.length < operations; vpn++) list.push({ op: "map", vpn: vpn * 7, frame: vpn, perms: R | W });
  for (let i = 0; list.length < operations; i++) list.push({ op: i % 4 === 3 ? "write" : "read", address: (((i % pages) * 7) << 12) | (i & 0xfff) });
  return { tlbEntries, operations: list };
}

// The oracle: a two-level page table (10/10/12) with permissions and a fully associative LRU TLB,
// written from the statement's rules with Maps (a JavaScript Map keeps insertion order, so deleting
// and setting a key makes it the most recently used, and the first key is the least recently used);
// the exercise's text format both ways, and the expected output of a workload.
export const LIMITS = { tlbEntries: 4_096, operations: 1_000_000, pageNumber: 0xfffff } as const;

/** Permission bits, as the three languages' APIs take them: r = 4, w = 2, x = 1. */
export const R = 4;
export const W = 2;
export const X = 1;

export type AccessKind = "read" | "write" | "exec";
export const NEEDS: Record<AccessKind, number> = { read: R, write: W, exec: X };

export type Operation =
  | { op: "map"; vpn: number; frame: number; perms: number }
  | { op: "unmap"; vpn: number }
  | { op: "protect"; vpn: number; perms: number }
  | { op: AccessKind; address: number };

export interface Workload {
  tlbEntries: number;
  operations: Operation[];
}

/** What one operation did, with what a checker needs to explain it. */
export type OperationEvent =
  | { op: "map"; replaced: boolean; tables: number; shotDown: boolean; newTable: boolean }
  | { op: "unmap"; mapped: boolean; tables: number; shotDown: boolean; freedTable: boolean }
  | { op: "protect"; mapped: boolean; shotDown: boolean; before: number }
  | AccessEvent;

export interface AccessEvent {
  op: AccessKind;
  hit: boolean;
  outcome: "translated" | "not-present" | "protection";
  physical: number;
  /** The page's permissions where the access found them (the TLB entry or the table); 0 when not present. */
  perms: number;
  /** On a miss that filled the TLB when it was full: the page whose entry was evicted. */
  evicted: number | null;
}

interface Pte {
  frame: number;
  perms: number;
}

interface TlbEntry {
  frame: number;
  perms: number;
}

export const pageOf = (address: number) => address >>> 12;
export const directoryIndex = (vpn: number) => vpn >>> 10;
export const tableIndex = (vpn: number) => vpn & 0x3ff;

export class Mmu {
  /** Directory index → second-level table (table index → entry); a table exists while it maps a page. */
  private readonly directory = new Map<number, Map<number, Pte>>();
  /** Page → TLB entry, least recently used first. */
  readonly tlb = new Map<number, TlbEntry>();
  peakTables = 0;

  constructor(readonly tlbEntries: number) {}

  get tables(): number {
    return this.directory.size;
  }

  hasTable(vpn: number): boolean {
    return this.directory.has(directoryIndex(vpn));
  }

  lookup(vpn: number): Pte | undefined {
    return this.directory.get(directoryIndex(vpn))?.get(tableIndex(vpn));
  }

  private shootDown(vpn: number): boolean {
    return this.tlb.delete(vpn);
  }

  map(vpn: number, frame: number, perms: number): OperationEvent {
    let table = this.directory.get(directoryIndex(vpn));
    const newTable = table === undefined;
    if (!table) {
      table = new Map();
      this.directory.set(directoryIndex(vpn), table);
      this.peakTables = Math.max(this.peakTables, this.tables);
    }
    const replaced = table.has(tableIndex(vpn));
    table.set(tableIndex(vpn), { frame, perms });
    return { op: "map", replaced, tables: this.tables, shotDown: this.shootDown(vpn), newTable };
  }

  unmap(vpn: number): OperationEvent {
    const table = this.directory.get(directoryIndex(vpn));
    if (!table?.has(tableIndex(vpn))) return { op: "unmap", mapped: false, tables: this.tables, shotDown: false, freedTable: false };
    table.delete(tableIndex(vpn));
    const freedTable = table.size === 0;
    if (freedTable) this.directory.delete(directoryIndex(vpn));
    return { op: "unmap", mapped: true, tables: this.tables, shotDown: this.shootDown(vpn), freedTable };
  }

  protect(vpn: number, perms: number): OperationEvent {
    const pte = this.lookup(vpn);
    if (!pte) return { op: "protect", mapped: false, shotDown: false, before: 0 };
    const before = pte.perms;
    pte.perms = perms;
    return { op: "protect", mapped: true, shotDown: this.shootDown(vpn), before };
  }

  access(kind: AccessKind, address: number): AccessEvent {
    const vpn = pageOf(address);
    let entry = this.tlb.get(vpn);
    const hit = entry !== undefined;
    let evicted: number | null = null;
    if (entry) {
      // Every lookup that hits makes the entry the most recently used, a protection fault included.
      this.tlb.delete(vpn);
      this.tlb.set(vpn, entry);
    } else {
      const pte = this.lookup(vpn);
      if (!pte) return { op: kind, hit: false, outcome: "not-present", physical: 0, perms: 0, evicted: null };
      // The walk fills the TLB before the permission check: a protection fault leaves the entry cached.
      if (this.tlb.size === this.tlbEntries) {
        evicted = this.tlb.keys().next().value!;
        this.tlb.delete(evicted);
      }
      entry = { frame: pte.frame, perms: pte.perms };
      this.tlb.set(vpn, entry);
    }
    if ((entry.perms & NEEDS[kind]) === 0) return { op: kind, hit, outcome: "protection", physical: 0, perms: entry.perms, evicted };
    const physical = ((entry.frame << 12) | (address & 0xfff)) >>> 0;
    return { op: kind, hit, outcome: "translated", physical, perms: entry.perms, evicted };
  }

  apply(operation: Operation): OperationEvent {
    switch (operation.op) {
      case "map":
        return this.map(operation.vpn, operation.frame, operation.perms);
      case "unmap":
        return this.unmap(operation.vpn);
      case "protect":
        return this.protect(operation.vpn, operation.perms);
      default:
        return this.access(operation.op, operation.address);
    }
  }
}

const hex = (value: number, digits: number) => `0x${value.toString(16).padStart(digits, "0")}`;
export const formatPage = (vpn: number) => hex(vpn, 5);
export const formatAddress = (address: number) => hex(address, 8);
export const formatPerms = (perms: number) => `${perms & R ? "r" : "-"}${perms & W ? "w" : "-"}${perms & X ? "x" : "-"}`;

export function formatOperation(operation: Operation): string {
  switch (operation.op) {
    case "map":
      return `map ${formatPage(operation.vpn)} ${formatPage(operation.frame)} ${formatPerms(operation.perms)}`;
    case "unmap":
      return `unmap ${formatPage(operation.vpn)}`;
    case "protect":
      return `protect ${formatPage(operation.vpn)} ${formatPerms(operation.perms)}`;
    default:
      return `${operation.op} ${formatAddress(operation.address)}`;
  }
}

export function formatInput(workload: Workload): string {
  const lines = [`${workload.tlbEntries} ${workload.operations.length}`, ...workload.operations.map(formatOperation)];
  return `${lines.join("\n")}\n`;
}

/** The output line of one operation. */
export function formatEvent(event: OperationEvent): string {
  switch (event.op) {
    case "map":
      return `${event.replaced ? "remapped" : "mapped"} tables=${event.tables}`;
    case "unmap":
      return event.mapped ? `unmapped tables=${event.tables}` : "not-mapped";
    case "protect":
      return event.mapped ? "protected" : "not-mapped";
    default:
      return `${event.hit ? "hit" : "miss"} ${event.outcome === "translated" ? formatAddress(event.physical) : event.outcome}`;
  }
}

export interface Totals {
  accesses: number;
  hits: number;
  misses: number;
  notPresent: number;
  protection: number;
  tables: number;
  peakTables: number;
}

export const formatTotals = (t: Totals) =>
  `TOTAL accesses=${t.accesses} hits=${t.hits} misses=${t.misses} not-present=${t.notPresent} protection=${t.protection} tables=${t.tables} peak=${t.peakTables}`;

/**
 * Runs the workload, calling `onEvent` with each operation's event and 0-based index (return true
 * to stop there); returns the totals of what ran.
 */
export function simulate(workload: Workload, onEvent?: (event: OperationEvent, index: number) => boolean | undefined): Totals {
  const mmu = new Mmu(workload.tlbEntries);
  const totals: Totals = { accesses: 0, hits: 0, misses: 0, notPresent: 0, protection: 0, tables: 0, peakTables: 0 };
  for (const [index, operation] of workload.operations.entries()) {
    const event = mmu.apply(operation);
    if (event.op === "read" || event.op === "write" || event.op === "exec") {
      totals.accesses++;
      if (event.hit) totals.hits++;
      else totals.misses++;
      if (event.outcome === "not-present") totals.notPresent++;
      if (event.outcome === "protection") totals.protection++;
    }
    if (onEvent?.(event, index)) break;
  }
  totals.tables = mmu.tables;
  totals.peakTables = mmu.peakTables;
  return totals;
}

export function expectedLines(workload: Workload): string[] {
  const lines: string[] = [];
  const totals = simulate(workload, (event) => {
    lines.push(formatEvent(event));
    return undefined;
  });
  lines.push(formatTotals(totals));
  return lines;
}

export const expectedOutput = (workload: Workload) => `${expectedLines(workload).join("\n")}\n`;

const PAGE = /^0x[0-9a-f]{5}$/;
const ADDRESS = /^0x[0-9a-f]{8}$/;
const PERMS = /^[r-][w-][x-]$/;
const parsePerms = (text: string) => (text[0] === "r" ? R : 0) | (text[1] === "w" ? W : 0) | (text[2] === "x" ? X : 0);

/** The workload an input describes, or null when the drivers would refuse it. */
export function parseInput(input: string): Workload | null {
  const lines = input.split("\n").filter((line) => line.trim() !== "");
  const header = (lines[0] ?? "").trim().split(/\s+/);
  const [tlbEntries, count] = header.map(Number);
  if (header.length !== 2 || !Number.isInteger(tlbEntries) || !Number.isInteger(count)) return null;
  if (tlbEntries! < 1 || tlbEntries! > LIMITS.tlbEntries || count! < 0 || count! > LIMITS.operations || lines.length !== count! + 1) return null;
  const operations: Operation[] = [];
  for (const line of lines.slice(1)) {
    const [op, a, b, c, ...rest] = line.trim().split(/\s+/);
    if (rest.length > 0) return null;
    if (op === "map" && PAGE.test(a ?? "") && PAGE.test(b ?? "") && PERMS.test(c ?? "")) {
      operations.push({ op, vpn: Number.parseInt(a!, 16), frame: Number.parseInt(b!, 16), perms: parsePerms(c!) });
    } else if (op === "unmap" && PAGE.test(a ?? "") && b === undefined) {
      operations.push({ op, vpn: Number.parseInt(a!, 16) });
    } else if (op === "protect" && PAGE.test(a ?? "") && PERMS.test(b ?? "") && c === undefined) {
      operations.push({ op, vpn: Number.parseInt(a!, 16), perms: parsePerms(b!) });
    } else if ((op === "read" || op === "write" || op === "exec") && ADDRESS.test(a ?? "") && b === undefined) {
      operations.push({ op, address: Number.parseInt(a!, 16) });
    } else return null;
  }
  return { tlbEntries: tlbEntries!, operations };
}

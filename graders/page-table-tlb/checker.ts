// The page-table-and-TLB checker: finds the first line that differs from the oracle's and explains it
// in MMU terms (the TLB lookup, why the page is or is not in the TLB, the walk, the eviction, the
// permission check, the tables allocated and freed), replaying the oracle up to that operation.
import { describeDivergence, type Divergence, excerpt, explainedDivergence, firstDivergence, normalisedLines } from "@/graders/core/checkers";
import type { Checker, CheckOutcome, IoTestCase } from "@/graders/core/types";
import {
  type AccessEvent,
  directoryIndex,
  formatAddress,
  formatEvent,
  formatOperation,
  formatPage,
  formatPerms,
  Mmu,
  NEEDS,
  type Operation,
  type OperationEvent,
  pageOf,
  parseInput,
  tableIndex,
  type Workload,
} from "@/graders/page-table-tlb/mmu";

const count = (value: number) => value.toLocaleString("en-US");
const operation = (index: number) => `operation ${count(index + 1)}`;
const tables = (n: number) => (n === 1 ? "1 table" : `${count(n)} tables`);

/** What happened to each page's TLB entry so far, to say why a page is or is not in the TLB. */
interface TlbHistory {
  /** Page → the operation that last filled its entry. */
  filled: Map<number, number>;
  /** Page → the operation that last used its entry (a fill or a hit). */
  used: Map<number, number>;
  /** Page → why its entry last left the TLB. */
  gone: Map<number, string>;
}

function record(history: TlbHistory, op: Operation, event: OperationEvent, index: number): void {
  if (event.op === "map" || event.op === "unmap" || event.op === "protect") {
    const vpn = (op as { vpn: number }).vpn;
    if (event.shotDown) history.gone.set(vpn, `${operation(index)} (${formatOperation(op)}) shot its entry down`);
    return;
  }
  const vpn = pageOf((op as { address: number }).address);
  if (event.evicted !== null) history.gone.set(event.evicted, `${operation(index)} evicted it, the least recently used entry then`);
  if (event.outcome === "not-present") return;
  if (!event.hit) history.filled.set(vpn, index);
  history.used.set(vpn, index);
}

/** What an access finds before it runs: the table's entry, the TLB's fill level and its next victim. */
interface Before {
  pte: { frame: number; perms: number } | undefined;
  hasTable: boolean;
  tlbSize: number;
  victim: number | null;
}

function before(mmu: Mmu, vpn: number): Before {
  const pte = mmu.lookup(vpn);
  return {
    pte: pte && { ...pte },
    hasTable: mmu.hasTable(vpn),
    tlbSize: mmu.tlb.size,
    victim: mmu.tlb.size === mmu.tlbEntries ? mmu.tlb.keys().next().value! : null,
  };
}

function explainAccess(state: Before, tlbEntries: number, history: TlbHistory, op: Operation & { address: number }, index: number, event: AccessEvent): string {
  const vpn = pageOf(op.address);
  const what = `${operation(index)} (${formatOperation(op)}: page ${formatPage(vpn)}, offset 0x${(op.address & 0xfff).toString(16).padStart(3, "0")})`;
  const need = formatPerms(NEEDS[event.op]).replace(/-/g, "");
  const line = `"${formatEvent(event)}"`;
  const kind = op.op === "exec" ? "an exec" : `a ${op.op}`;
  const check = (perms: number) =>
    event.outcome === "protection"
      ? `its permissions are ${formatPerms(perms)} and ${kind} needs ${need}: a protection fault`
      : `its permissions ${formatPerms(perms)} allow ${kind}, and the frame with the offset makes ${formatAddress(event.physical)}`;
  if (event.hit) {
    const filled = history.filled.get(vpn)!;
    const used = history.used.get(vpn)!;
    const since = used === filled ? `filled at ${operation(filled)}` : `filled at ${operation(filled)}, last used at ${operation(used)}`;
    return `at ${what} the page is in the TLB (${since}; nothing has shot it down or evicted it since): a hit, whose entry is used as it is and becomes the most recently used: ${check(event.perms)}. The line is ${line}.`;
  }
  const why = history.gone.get(vpn) ?? "no access has filled its entry yet";
  const notInTlb = `the page is not in the TLB (${why}): a miss`;
  const walk = `the walk reads directory entry ${directoryIndex(vpn)}, then entry ${tableIndex(vpn)} of its table`;
  if (event.outcome === "not-present") {
    const missing = state.hasTable ? "that entry is not present" : `directory entry ${directoryIndex(vpn)} has no table`;
    return `at ${what} ${notInTlb}; ${walk}: ${missing}, so the access faults with not-present and the TLB is left as it was (nothing filled, nothing evicted). The line is ${line}.`;
  }
  const pte = state.pte!;
  const eviction =
    state.victim === null
      ? `the TLB has a free entry (${count(state.tlbSize)} of ${count(tlbEntries)} in use), which takes the translation`
      : `the TLB is full, so its least recently used entry, page ${formatPage(state.victim)} (last used at ${operation(history.used.get(state.victim)!)}), is evicted for this one`;
  return `at ${what} ${notInTlb}; ${walk}: frame ${formatPage(pte.frame)} with ${formatPerms(pte.perms)}. ${capitalised(eviction)}, and only then is the permission checked (a protection fault keeps the entry): ${check(pte.perms)}. The line is ${line}.`;
}

function explainTableOperation(op: Operation & { vpn: number }, index: number, event: OperationEvent): string {
  const page = formatPage(op.vpn);
  const what = `${operation(index)} (${formatOperation(op)})`;
  const line = `"${formatEvent(event)}"`;
  const region = `directory entry ${directoryIndex(op.vpn)}`;
  const shootdown = (shot: boolean) => (shot ? "its TLB entry is shot down" : "it had no TLB entry to shoot down");
  switch (event.op) {
    case "map": {
      const mapped = event.replaced
        ? `page ${page} is mapped already, so the mapping is replaced and ${shootdown(event.shotDown)}`
        : `page ${page} is not mapped`;
      const table = event.newTable ? `${region} has no table, so one is allocated` : `${region} has its table already`;
      return `at ${what} ${mapped}; ${table}: ${tables(event.tables)} in use after it. The line is ${line}.`;
    }
    case "unmap": {
      if (!event.mapped) return `at ${what} page ${page} is not mapped, so nothing changes. The line is ${line}.`;
      const table = event.freedTable ? `it was the last page mapped in ${region}, so that table is freed` : `${region}'s table still maps other pages`;
      return `at ${what} page ${page} is unmapped and ${shootdown(event.shotDown)}; ${table}: ${tables(event.tables)} in use after it. The line is ${line}.`;
    }
    case "protect": {
      if (!event.mapped) return `at ${what} page ${page} is not mapped, so nothing changes. The line is ${line}.`;
      return `at ${what} page ${page}'s permissions go from ${formatPerms(event.before)} to ${formatPerms((op as { perms: number }).perms)} and ${shootdown(event.shotDown)}. The line is ${line}.`;
    }
    default:
      throw new Error("not a table operation");
  }
}

/** Why line `index` (an operation's) is wrong: the oracle replayed up to it. */
function explainOperation(workload: Workload, index: number): string {
  const mmu = new Mmu(workload.tlbEntries);
  const history: TlbHistory = { filled: new Map(), used: new Map(), gone: new Map() };
  for (let i = 0; i < index; i++) record(history, workload.operations[i]!, mmu.apply(workload.operations[i]!), i);
  const op = workload.operations[index]!;
  if ("address" in op) {
    const state = before(mmu, pageOf(op.address));
    return explainAccess(state, workload.tlbEntries, history, op, index, mmu.access(op.op, op.address));
  }
  return explainTableOperation(op, index, mmu.apply(op));
}

const TOTALS = /^TOTAL accesses=(\d+) hits=(\d+) misses=(\d+) not-present=(\d+) protection=(\d+) tables=(\d+) peak=(\d+)$/;
const TOTAL_NAMES = ["accesses", "hits", "misses", "not-present", "protection", "tables", "peak"];
const TOTAL_MEANINGS = [
  "reads, writes and execs",
  "accesses the TLB answered",
  "accesses it did not (not-present faults included)",
  "accesses to pages not mapped",
  "accesses the permissions refused, hits and misses",
  "second-level tables in use at the end",
  "the most tables in use at once",
];

function explainTotals(expected: string, got: string | undefined, operations: number): string {
  const form = "TOTAL accesses=<a> hits=<h> misses=<m> not-present=<n> protection=<p> tables=<t> peak=<k>";
  if (got === undefined) return `your output has no totals line: after the ${count(operations)} operation lines comes ${form}.`;
  const match = TOTALS.exec(got);
  if (!match) return `your totals line is "${excerpt(got)}", but it must read ${form}.`;
  const want = TOTALS.exec(expected)!;
  const field = TOTAL_NAMES.findIndex((_, i) => match[i + 1] !== want[i + 1]);
  return `your totals line says ${TOTAL_NAMES[field]}=${match[field + 1]}, but there are ${want[field + 1]} (${TOTAL_MEANINGS[field]}): "${expected}".`;
}

function explain(workload: Workload, divergence: Divergence, expected: string[]): string {
  const index = divergence.line - 1;
  const operations = workload.operations.length;
  const got = divergence.actual;
  if (got?.startsWith("invalid result:")) return `the driver stopped: ${excerpt(got)}.`;
  if (index < operations) {
    if (got === undefined || got.startsWith("TOTAL")) {
      return `your output has ${count(index)} operation ${index === 1 ? "line" : "lines"}, but there are ${count(operations)} operations: one line each, then the totals.`;
    }
    return explainOperation(workload, index);
  }
  if (index === operations) return explainTotals(expected[operations]!, got, operations);
  return `your output goes on after the totals line (line ${count(index + 1)} is "${excerpt(got ?? "")}").`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const checkMmu: Checker = (test: IoTestCase, output: string): CheckOutcome => {
  if (test.expected === undefined) throw new Error(`Test ${test.name} has no expected output.`);
  if (output === test.expected) return { ok: true };
  const expected = normalisedLines(test.expected);
  const divergence = firstDivergence(expected, normalisedLines(output));
  if (!divergence) return { ok: true };
  const workload = parseInput(test.input);
  if (!workload) return { ok: false, message: describeDivergence(test, divergence) };
  const explanation = explain(workload, divergence, expected);
  return explainedDivergence(test, divergence, explanation);
};

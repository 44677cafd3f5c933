// A second model of the rules, written apart from the oracle and as plainly as possible: one flat map
// of pages, tables counted as the distinct directory indices of the mapped pages, a TLB of entries
// stamped with their last use and scanned. It can make one mistake on request (what a known-bad
// solution does), so the tests can show that the hidden test aimed at each mistake catches it.
import { formatAddress, type Operation, type Workload } from "@/graders/page-table-tlb/mmu";

export const QUIRKS = [
  "no-shootdown-on-unmap",
  "no-shootdown-on-protect",
  "no-shootdown-on-remap",
  "fifo",
  "check-before-fill",
  "evict-before-walk",
  "faulting-hit-keeps-recency",
  "keeps-empty-tables",
  "offset-10-bits",
] as const;
export type Quirk = (typeof QUIRKS)[number];

interface Cached {
  vpn: number;
  frame: number;
  perms: number;
  lastUse: number;
}

const NEEDS = { read: 4, write: 2, exec: 1 } as const;

/** The output lines the rules (or the rules with `quirk`) give for `workload`, totals included. */
export function naiveLines(workload: Workload, quirk?: Quirk): string[] {
  const pages = new Map<number, { frame: number; perms: number }>();
  const everUsedRegions = new Set<number>();
  let tlb: Cached[] = [];
  let clock = 0;
  let peak = 0;
  const tables = () => (quirk === "keeps-empty-tables" ? everUsedRegions.size : new Set([...pages.keys()].map((vpn) => vpn >> 10)).size);
  const drop = (vpn: number) => {
    tlb = tlb.filter((entry) => entry.vpn !== vpn);
  };
  const lines: string[] = [];
  let accesses = 0;
  let hits = 0;
  let notPresent = 0;
  let protection = 0;
  const access = (op: Operation & { address: number }): string => {
    accesses++;
    const vpn = op.address >>> 12;
    const need = NEEDS[op.op as keyof typeof NEEDS];
    const offset = op.address & (quirk === "offset-10-bits" ? 0x3ff : 0xfff);
    let entry = tlb.find((e) => e.vpn === vpn);
    const hit = entry !== undefined;
    if (entry) {
      hits++;
      if (quirk === "faulting-hit-keeps-recency" && (entry.perms & need) === 0) {
        protection++;
        return "hit protection";
      }
      if (quirk !== "fifo") entry.lastUse = ++clock;
    } else {
      const evict = () => {
        if (tlb.length === workload.tlbEntries) {
          const oldest = tlb.reduce((a, b) => (b.lastUse < a.lastUse ? b : a));
          drop(oldest.vpn);
        }
      };
      if (quirk === "evict-before-walk") evict();
      const pte = pages.get(vpn);
      if (!pte) {
        notPresent++;
        return "miss not-present";
      }
      if (quirk === "check-before-fill" && (pte.perms & need) === 0) {
        protection++;
        return "miss protection";
      }
      evict();
      entry = { vpn, frame: pte.frame, perms: pte.perms, lastUse: ++clock };
      tlb.push(entry);
    }
    const word = hit ? "hit" : "miss";
    if ((entry.perms & need) === 0) {
      protection++;
      return `${word} protection`;
    }
    return `${word} ${formatAddress(((entry.frame << 12) | offset) >>> 0)}`;
  };
  for (const op of workload.operations) {
    if (op.op === "map") {
      const replaced = pages.has(op.vpn);
      pages.set(op.vpn, { frame: op.frame, perms: op.perms });
      everUsedRegions.add(op.vpn >> 10);
      if (replaced && quirk !== "no-shootdown-on-remap") drop(op.vpn);
      peak = Math.max(peak, tables());
      lines.push(`${replaced ? "remapped" : "mapped"} tables=${tables()}`);
    } else if (op.op === "unmap") {
      if (!pages.delete(op.vpn)) {
        lines.push("not-mapped");
        continue;
      }
      if (quirk !== "no-shootdown-on-unmap") drop(op.vpn);
      lines.push(`unmapped tables=${tables()}`);
    } else if (op.op === "protect") {
      const pte = pages.get(op.vpn);
      if (!pte) {
        lines.push("not-mapped");
        continue;
      }
      pte.perms = op.perms;
      if (quirk !== "no-shootdown-on-protect") drop(op.vpn);
      lines.push("protected");
    } else lines.push(access(op));
  }
  lines.push(
    `TOTAL accesses=${accesses} hits=${hits} misses=${accesses - hits} not-present=${notPresent} protection=${protection} tables=${tables()} peak=${peak}`,
  );
  return lines;
}

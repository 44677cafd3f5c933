import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { IoTestCase } from "@/graders/core/types";
import { checkMmu } from "@/graders/page-table-tlb/checker";
import grader from "@/graders/page-table-tlb/grader";
import { expectedLines, LIMITS, parseInput, type Workload } from "@/graders/page-table-tlb/mmu";
import { naiveLines, QUIRKS, type Quirk } from "@/graders/page-table-tlb/test/naive-mmu";

const manifest = parse(readFileSync(path.join(import.meta.dirname, "../../exercises/page-table-tlb/exercise.yaml"), "utf8")) as {
  limits: { outputKiB: number };
};
const hidden = grader.hiddenTests(grader.seed, "c");
const performance = grader.performance!;
const named = (name: string) => hidden.find((test) => test.name === name)!;
const workloadOf = (test: IoTestCase): Workload => parseInput(test.input)!;

describe("page-table-tlb's hidden tests", () => {
  it("are valid inputs within the stated limits, with answers that fit the output limit", () => {
    const everyTest = (["c", "go", "python"] as const).flatMap((language) => [
      ...grader.hiddenTests(grader.seed, language).filter((test) => language === "c" || test.name.startsWith("large")),
      ...performance.workloads(grader.seed, language),
      performance.growth!.small(grader.seed, language),
      performance.growth!.large(grader.seed, language),
    ]);
    for (const test of everyTest) {
      const workload = parseInput(test.input);
      expect(workload, test.name).not.toBeNull();
      // The performance workloads have no expected output: measured on the oracle's instead.
      const output = test.expected ?? `${expectedLines(workload!).join("\n")}\n`;
      expect(output.length, test.name).toBeLessThanOrEqual(manifest.limits.outputKiB * 1024);
    }
  }, 120_000);

  it("reach the limits: a million operations and 4,096 TLB entries (400,000 operations in Python)", () => {
    for (const name of ["large: a working set beyond the TLB, 1,000,000 operations", "large: every access misses, 1,000,000 operations"]) {
      const workload = workloadOf(named(name));
      expect(workload.operations).toHaveLength(LIMITS.operations);
      expect(workload.tlbEntries).toBe(LIMITS.tlbEntries);
    }
    const python = grader.hiddenTests(grader.seed, "python").filter((test) => test.name.startsWith("large"));
    expect(python.map((test) => workloadOf(test).operations.length)).toEqual([400_000, 400_000]);
    // Every access of the loop misses; the working set's hit rate is about a third.
    const misses = expectedLines(workloadOf(named("large: every access misses, 1,000,000 operations"))).at(-1)!;
    expect(misses).toMatch(/accesses=(\d+) hits=0 misses=\1 /);
  }, 60_000);

  it("growth is the same mix with 4× the TLB entries and 4× the operations", () => {
    for (const language of ["c", "python"] as const) {
      const small = workloadOf(performance.growth!.small(grader.seed, language));
      const large = workloadOf(performance.growth!.large(grader.seed, language));
      expect(large.tlbEntries).toBe(4 * small.tlbEntries);
      expect(large.operations.length).toBe(4 * small.operations.length);
    }
  }, 30_000);

  it("include the edge cases they are named for", () => {
    const lines = (name: string) => expectedLines(workloadOf(named(name)));
    // Tables freed: the count goes back down, and up again.
    const tables = lines("tables come and go")
      .map((line) => /tables=(\d+)$/.exec(line)?.[1])
      .filter((t) => t !== undefined)
      .map(Number);
    expect(tables.some((t, i) => i > 0 && t < tables[i - 1]!)).toBe(true);
    expect(tables.some((t, i) => i > 1 && t > tables[i - 1]! && tables.slice(0, i).includes(t))).toBe(true);
    // Address edges: the last byte of the address space translates to the last byte of memory, and back.
    expect(lines("address edges")).toContain("miss 0xffffffff");
    expect(lines("address edges")).toContain("hit 0xffffffff");
    expect(lines("address edges")).toContain("miss 0x00000fff");
    // Every permission: each combination refuses exactly what it lacks.
    expect(lines("every permission").filter((line) => line.endsWith("protection"))).toHaveLength(24);
    // A TLB as large as the working set evicts nothing: one miss per page.
    expect(lines("as many TLB entries as pages").at(-1)).toMatch(/ misses=50 /);
  });

  it("each catch, in the test named for it, the mistake it is there for", () => {
    // The naive model with one mistake (what a known-bad solution does) must differ from the oracle
    // on the test aimed at that mistake, whichever test catches it first.
    const aimedAt: Record<Quirk, string> = {
      "no-shootdown-on-unmap": "unmap shoots the entry down",
      "no-shootdown-on-protect": "protect shoots the entry down",
      "no-shootdown-on-remap": "remap shoots the entry down",
      fifo: "protection faults on hits refresh recency",
      "check-before-fill": "protection faults fill the TLB",
      "evict-before-walk": "not-present faults leave the TLB alone",
      "faulting-hit-keeps-recency": "protection faults on hits refresh recency",
      "keeps-empty-tables": "tables come and go",
      "offset-10-bits": "address edges",
    };
    expect(Object.keys(aimedAt).sort()).toEqual([...QUIRKS].sort());
    for (const quirk of QUIRKS) {
      const workload = workloadOf(named(aimedAt[quirk]));
      expect(naiveLines(workload, quirk), `${quirk} in "${aimedAt[quirk]}"`).not.toEqual(expectedLines(workload));
    }
  });

  it("explain a wrong line in MMU terms", () => {
    const test = named("unmap shoots the entry down");
    // Operation 5 reads 0x00403004 after the unmap: a solution that kept the entry hits.
    const wrong = test.expected!.replace("unmapped tables=0\nmiss not-present\n", "unmapped tables=0\nhit 0x0001f004\n");
    const outcome = checkMmu(test, wrong);
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? "" : outcome.message;
    expect(message).toContain("operation 5 (read 0x00403004: page 0x00403, offset 0x004)");
    expect(message).toContain("operation 4 (unmap 0x00403) shot its entry down");
    expect(message).toContain("directory entry 1 has no table, so the access faults with not-present");

    const totals = checkMmu(test, test.expected!.replace(/ peak=\d+/, " peak=99"));
    expect(totals.ok || totals.message).toContain("your totals line says peak=99");

    const fill = named("protection faults fill the TLB");
    const noFill = checkMmu(fill, fill.expected!.replace("miss protection\nhit 0x00001000", "miss protection\nmiss 0x00001000"));
    expect(noFill.ok || noFill.message).toContain("the page is in the TLB (filled at operation 4;");

    const tables = named("tables come and go");
    // Operation 7 unmaps the last page of directory entry 1: a solution that keeps the table says 2.
    const kept = checkMmu(
      tables,
      tables.expected!.replace("unmapped tables=2\nnot-mapped\nunmapped tables=1", "unmapped tables=2\nnot-mapped\nunmapped tables=2"),
    );
    expect(kept.ok || kept.message).toContain("at operation 7 (unmap 0x007ff) page 0x007ff is unmapped");
    expect(kept.ok || kept.message).toContain("it was the last page mapped in directory entry 1, so that table is freed: 1 table in use after it");
  });
});

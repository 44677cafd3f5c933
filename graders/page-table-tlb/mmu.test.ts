import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/graders/core/random";
import { EVERY_PERMS, loop, randomMix, scripted, USUAL_PERMS } from "@/graders/page-table-tlb/generate";
import { directoryIndex, expectedLines, expectedOutput, formatInput, Mmu, pageOf, parseInput, R, tableIndex, W, X } from "@/graders/page-table-tlb/mmu";
import { naiveLines } from "@/graders/page-table-tlb/test/naive-mmu";

const examples = path.join(import.meta.dirname, "../../exercises/page-table-tlb/examples");
const example = (name: string) => ({
  input: readFileSync(path.join(examples, `${name}.in`), "utf8"),
  output: readFileSync(path.join(examples, `${name}.out`), "utf8"),
});
/** The access lines only, without the table operations and the totals. */
const accessLines = (lines: string[]) => lines.filter((line) => /^(hit|miss) /.test(line));

describe("the page-table-and-TLB oracle", () => {
  it("splits an address 10/10/12 (Silberschatz et al.'s two-level example)", () => {
    // 0x00403004: directory entry 1, table entry 3, offset 4.
    expect(pageOf(0x00403004)).toBe(0x00403);
    expect(directoryIndex(pageOf(0x00403004))).toBe(1);
    expect(tableIndex(pageOf(0x00403004))).toBe(3);
    expect(0x00403004 & 0xfff).toBe(4);
    expect(directoryIndex(0xfffff)).toBe(1023);
    expect(tableIndex(0xfffff)).toBe(1023);
  });

  it("gives OSTEP's array walk its miss, hit, hit, miss, hit, hit, hit, miss, hit, hit: 70%", () => {
    // Arpaci-Dusseau, OSTEP ch. 19: ten elements from VPN 6 offset 4 on 16-byte pages; here ten 1 KiB
    // elements from page 0x00006 offset 0x400 on 4 KiB pages, the same three, four and three per page.
    const { input, output } = example("2");
    const lines = expectedLines(parseInput(input)!);
    expect(accessLines(lines).map((line) => line.split(" ")[0])).toEqual(["miss", "hit", "hit", "miss", "hit", "hit", "hit", "miss", "hit", "hit"]);
    expect(lines.at(-1)).toBe("TOTAL accesses=10 hits=7 misses=3 not-present=0 protection=0 tables=1 peak=1");
    expect(expectedOutput(parseInput(input)!)).toBe(output);
  });

  it("answers the statement's examples as written there (checked by hand)", () => {
    const first = expectedLines(parseInput(example("1").input)!);
    expect(first).toEqual([
      "mapped tables=1",
      "mapped tables=1",
      "mapped tables=2",
      "miss 0x0001f004",
      "hit 0x0001ffff",
      "miss protection",
      "hit 0x00020010",
      "hit 0x0001f000",
      "miss 0x00021123",
      "miss 0x00020000",
      "miss not-present",
      "protected",
      "miss protection",
      "unmapped tables=1",
      "miss not-present",
      "not-mapped",
      "remapped tables=1",
      "miss 0x00030004",
      "TOTAL accesses=11 hits=3 misses=8 not-present=2 protection=2 tables=1 peak=2",
    ]);
    for (const name of ["1", "2", "3"]) expect(expectedOutput(parseInput(example(name).input)!), `example ${name}`).toBe(example(name).output);
    expect(expectedLines(parseInput(example("3").input)!).at(-1)).toBe("TOTAL accesses=4 hits=0 misses=4 not-present=1 protection=0 tables=0 peak=3");
  });

  it("shoots the entry down on unmap, protect and remap", () => {
    const mmu = new Mmu(4);
    mmu.map(0x403, 0x1f, R | W);
    expect(mmu.access("read", 0x00403004)).toMatchObject({ hit: false, outcome: "translated", physical: 0x0001f004 });
    expect(mmu.access("write", 0x00403004)).toMatchObject({ hit: true, outcome: "translated" });
    mmu.protect(0x403, R);
    expect(mmu.access("write", 0x00403004)).toMatchObject({ hit: false, outcome: "protection" });
    mmu.map(0x403, 0x20, R);
    expect(mmu.access("read", 0x00403004)).toMatchObject({ hit: false, outcome: "translated", physical: 0x00020004 });
    mmu.unmap(0x403);
    expect(mmu.access("read", 0x00403004)).toMatchObject({ hit: false, outcome: "not-present" });
    expect(mmu.tlb.size).toBe(0);
  });

  it("fills before the permission check, touches on every hit, and leaves the TLB alone on not-present", () => {
    const mmu = new Mmu(2);
    mmu.map(1, 1, R);
    mmu.map(2, 2, R);
    mmu.map(3, 3, R);
    expect(mmu.access("write", 0x1000)).toMatchObject({ hit: false, outcome: "protection" });
    expect(mmu.access("read", 0x2000)).toMatchObject({ hit: false });
    expect(mmu.access("exec", 0x1000)).toMatchObject({ hit: true, outcome: "protection" }); // page 1 most recent again
    expect(mmu.access("read", 0x9000)).toMatchObject({ hit: false, outcome: "not-present", evicted: null });
    expect(mmu.access("read", 0x3000)).toMatchObject({ hit: false, evicted: 2 });
    expect([...mmu.tlb.keys()]).toEqual([1, 3]);
  });

  it("frees a table with its last page and counts the peak", () => {
    const mmu = new Mmu(1);
    mmu.map(0x400, 1, R);
    mmu.map(0x7ff, 2, R);
    mmu.map(0x800, 3, R);
    expect(mmu.tables).toBe(2);
    mmu.unmap(0x400);
    expect(mmu.tables).toBe(2);
    mmu.unmap(0x7ff);
    mmu.unmap(0x800);
    expect(mmu.tables).toBe(0);
    mmu.map(0x401, 4, R);
    expect([mmu.tables, mmu.peakTables]).toEqual([1, 2]);
  });

  it("reaches both ends of the address space", () => {
    const mmu = new Mmu(2);
    mmu.map(0xfffff, 0xfffff, R | W | X);
    expect(mmu.access("write", 0xffffffff)).toMatchObject({ outcome: "translated", physical: 0xffffffff });
    mmu.map(0, 0, R);
    expect(mmu.access("read", 0)).toMatchObject({ outcome: "translated", physical: 0 });
  });

  it("agrees with the naive model on 3,000 random workloads", () => {
    const random = new SeededRandom(19);
    for (let i = 0; i < 3_000; i++) {
      const r = random.fork(String(i));
      const tlbEntries = r.int(1, 12);
      const workload = randomMix(r, {
        tlbEntries,
        operations: r.int(0, 150),
        pages: r.int(1, 24),
        regions: r.int(1, 6),
        churn: r.pick([0, 0.1, 0.3, 0.6]),
        perms: r.pick([USUAL_PERMS, EVERY_PERMS]),
        allowed: r.pick([0.3, 0.9]),
      });
      expect(expectedLines(workload), formatInput(workload)).toEqual(naiveLines(workload));
    }
    const looped = loop(8, 9, 300);
    expect(expectedLines(looped)).toEqual(naiveLines(looped));
    expect(accessLines(expectedLines(looped)).every((line) => line.startsWith("miss"))).toBe(true);
  });

  it("reads exactly the input the drivers accept", () => {
    const workload = scripted(3, "map 0x00403 0x0001f rw-; unmap 0x00403; protect 0xfffff r-x; read 0x00000000; write 0xffffffff; exec 0x0040a123");
    expect(parseInput(formatInput(workload))).toEqual(workload);
    for (const bad of [
      "0 0\n",
      "4097 0\n",
      "1 1\n",
      "1 1\nmap 0x00403 0x0001F rw-\n",
      "1 1\nmap 0x0403 0x0001f rw-\n",
      "1 1\nmap 0x00403 0x0001f wr-\n",
      "1 1\nread 0x403004\n",
      "1 1\nfetch 0x00403004\n",
      "1 1\nunmap 0x00403 rw-\n",
      "1 0\nread 0x00403004\n",
    ])
      expect(parseInput(bad), bad).toBeNull();
  });
});

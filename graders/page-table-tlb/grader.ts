// page-table-tlb: a two-level page table with permissions and an LRU TLB. Edge cases first, each
// probing one convention the statement pins (shootdowns on unmap, protect and remap; the fill before
// the permission check; recency on every hit; not-present faults leaving the TLB alone; tables
// freed with their last page; the 10/10/12 split and the address edges), then random and large
// mixes; the expected answers come from the TypeScript oracle. Performance: CPU against the
// reference, and growth from a TLB of n entries and 240n operations to 4n and 960n, where a scan
// over the TLB per access costs 16× instead of 4×.
import { memoized, memoizedBySpeed } from "@/graders/core/memo";
import { SeededRandom } from "@/graders/core/random";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";
import type { Language } from "@/contracts/languages";
import { checkMmu } from "@/graders/page-table-tlb/checker";
import { concat, EVERY_PERMS, loop, type Mix, randomMix, scripted, USUAL_PERMS } from "@/graders/page-table-tlb/generate";
import { expectedOutput, formatInput, type Workload } from "@/graders/page-table-tlb/mmu";

const count = (value: number) => value.toLocaleString("en-US");

function test(name: string, what: string, workload: Workload, withExpected = true): IoTestCase {
  const entries = workload.tlbEntries === 1 ? "1 TLB entry" : `${count(workload.tlbEntries)} TLB entries`;
  return {
    name,
    visibility: "hidden",
    description: `${entries}, ${count(workload.operations.length)} operations: ${what}`,
    input: formatInput(workload),
    expected: withExpected ? expectedOutput(workload) : undefined,
  };
}

const mix = (random: SeededRandom, shape: Partial<Mix> & Pick<Mix, "tlbEntries" | "operations" | "pages">): Workload =>
  randomMix(random, { regions: 4, churn: 0.05, perms: USUAL_PERMS, allowed: 0.85, ...shape });

/**
 * Every permission combination mapped, then read, written and executed; then each page protected
 * with the complement of its permissions and accessed again: 8 pages, 6 accesses each.
 */
function everyPermission(): Workload {
  const perms = ["---", "--x", "-w-", "-wx", "r--", "r-x", "rw-", "rwx"];
  const page = (i: number) => `0x0${(0x100 + i).toString(16)}0`;
  const maps = perms.flatMap((p, i) => [
    `map ${page(i)} 0x${(0xa0000 + i).toString(16)} ${p}`,
    `read ${page(i)}abc`,
    `write ${page(i)}abc`,
    `exec ${page(i)}abc`,
  ]);
  const protects = perms.flatMap((_, i) => [`protect ${page(i)} ${perms[7 - i]}`, `exec ${page(i)}123`, `write ${page(i)}123`, `read ${page(i)}123`]);
  return scripted(16, [...maps, ...protects].join(";"));
}

const sharedTests = memoized((seed: number): IoTestCase[] => {
  const random = new SeededRandom(seed);
  const fork = (label: string) => random.fork(label);
  return [
    test("no operations", "nothing to do: only the totals", { tlbEntries: 4, operations: [] }),
    test(
      "unmap shoots the entry down",
      "an access after an unmap faults though the TLB held the page",
      scripted(
        8,
        "map 0x00403 0x0001f rw-; read 0x00403004; read 0x00403008; unmap 0x00403; read 0x00403004; write 0x00403004; map 0x00403 0x00020 rw-; read 0x00403004; map 0x00404 0x00021 r--; read 0x00404000; unmap 0x00403; read 0x00404001; read 0x00403002",
      ),
    ),
    test(
      "protect shoots the entry down",
      "a downgrade takes effect at once, though the TLB held the old permissions",
      scripted(
        8,
        "map 0x12345 0x00042 rw-; write 0x12345678; write 0x12345679; protect 0x12345 r--; write 0x1234567a; read 0x1234567b; protect 0x12345 rw-; write 0x1234567c; protect 0x12345 --x; exec 0x12345000; read 0x12345000; protect 0x12345 r-x; read 0x12345000; protect 0x54321 rw-",
      ),
    ),
    test(
      "remap shoots the entry down",
      "a page mapped again translates to its new frame at once, even to the same frame",
      scripted(
        4,
        "map 0x00007 0x00100 r-x; exec 0x00007010; exec 0x00007020; map 0x00007 0x00200 r-x; exec 0x00007030; read 0x00007040; map 0x00007 0x00200 r-x; read 0x00007050; map 0x00007 0x00300 ---; read 0x00007060",
      ),
    ),
    test(
      "protection faults fill the TLB",
      "a miss fills the TLB before the permission check, so the next access to the page hits",
      scripted(
        2,
        "map 0x00a00 0x00001 r--; map 0x00a01 0x00002 rw-; map 0x00a02 0x00003 rw-; write 0x00a00000; read 0x00a00000; exec 0x00a00000; read 0x00a01000; read 0x00a02000; read 0x00a00000; write 0x00a00000",
      ),
    ),
    test(
      "protection faults on hits refresh recency",
      "every hit makes the entry the most recently used, even one that faults",
      scripted(
        2,
        "map 0x00a00 0x00001 r--; map 0x00a01 0x00002 rw-; map 0x00a02 0x00003 rw-; read 0x00a00000; read 0x00a01000; write 0x00a00000; read 0x00a02000; read 0x00a00000; read 0x00a01000",
      ),
    ),
    test(
      "not-present faults leave the TLB alone",
      "an access to an unmapped page neither fills nor evicts",
      scripted(
        2,
        "map 0x00001 0x00011 rw-; map 0x00002 0x00012 rw-; read 0x00001000; read 0x00002000; read 0x00003000; read 0x00001000; read 0x00002000; read 0xfffff000; write 0x00001000; exec 0x00400000; read 0x00002000; read 0x00001000",
      ),
    ),
    test(
      "tables come and go",
      "a second-level table is allocated with the first page of its 4 MiB region and freed with the last",
      scripted(
        4,
        "map 0x00400 0x00001 rw-; map 0x007ff 0x00002 rw-; map 0x00800 0x00003 rw-; map 0x00400 0x00004 r--; unmap 0x00400; unmap 0x00400; unmap 0x007ff; read 0x007ff000; map 0x00401 0x00005 rw-; unmap 0x00800; unmap 0x00401; map 0x00401 0x00006 rw-; read 0x00401000; unmap 0x00401; read 0x00401000",
      ),
    ),
    test(
      "unmapped pages",
      "unmap and protect of a page that is not mapped change nothing",
      scripted(
        4,
        "unmap 0x00000; protect 0x00000 rwx; map 0x00000 0x00001 r--; protect 0x00001 rw-; unmap 0x00001; read 0x00000000; write 0x00000000; unmap 0x00000; unmap 0x00000; protect 0x00000 rw-; read 0x00000000",
      ),
    ),
    test(
      "the 10/10/12 split",
      "pages that share a directory index, a table index or neither",
      scripted(
        8,
        "map 0x00403 0x0000a rw-; read 0x00403004; map 0x00003 0x0000b rw-; map 0x00400 0x0000c rw-; map 0x00c03 0x0000d rw-; read 0x00003004; read 0x00400004; read 0x00c03004; read 0x00403004; unmap 0x00403; read 0x00003ffc; read 0x00400ffc",
      ),
    ),
    test(
      "address edges",
      "addresses 0x00000000 and 0xffffffff, frames 0x00000 and 0xfffff, offsets 0x000 and 0xfff",
      scripted(
        2,
        "map 0x00000 0xfffff rwx; map 0xfffff 0x00000 rwx; read 0x00000000; read 0x00000fff; write 0xffffffff; exec 0xfffff000; read 0x00001000; read 0xffffefff; map 0x00000 0x00000 rw-; read 0x00000fff; map 0xfffff 0xfffff r--; read 0xffffffff; write 0xffffffff; unmap 0x00000; read 0x00000000",
      ),
    ),
    test(
      "one TLB entry",
      "every miss evicts the only entry",
      concat(
        scripted(1, "map 0x00001 0x00010 rw-; map 0x00002 0x00020 rw-; read 0x00001000; read 0x00001004; read 0x00002008; read 0x00001ffc; write 0x00002fff"),
        mix(fork("one entry"), { tlbEntries: 1, operations: 2_000, pages: 4, regions: 2 }),
      ),
    ),
    test("every permission", "each of the 8 permission combinations read, written and executed", everyPermission()),
    test(
      "as many TLB entries as pages",
      "after the first miss on each page, nothing is evicted",
      mix(fork("fits"), { tlbEntries: 50, operations: 5_000, pages: 50, regions: 5, churn: 0 }),
    ),
    test("a loop one page larger than the TLB", "LRU's worst case: every access misses", loop(16, 17, 2_000)),
    test(
      "random, unmaps and remaps",
      "a fifth of the operations map, unmap or protect",
      mix(fork("unmap"), { tlbEntries: 64, operations: 5_000, pages: 40, churn: 0.2 }),
    ),
    test(
      "random, half the accesses refused",
      "faulting hits and misses in a small TLB",
      mix(fork("recency"), { tlbEntries: 3, operations: 3_000, pages: 6, allowed: 0.5 }),
    ),
    test(
      "random, tables come and go",
      "sixty pages over forty regions, much churn",
      mix(fork("tables"), { tlbEntries: 8, operations: 10_000, pages: 60, regions: 40, churn: 0.4 }),
    ),
    test("random, 200 regions", "pages one or two to a region", mix(fork("split"), { tlbEntries: 16, operations: 5_000, pages: 200, regions: 200 })),
    test("random, 4 TLB entries", "a few pages over few regions", mix(fork("random 4"), { tlbEntries: 4, operations: 3_000, pages: 12, regions: 3 })),
    test(
      "random, every permission",
      "pages mapped and protected with every combination",
      mix(fork("random perms"), { tlbEntries: 16, operations: 20_000, pages: 48, regions: 6, churn: 0.15, perms: EVERY_PERMS, allowed: 0.5 }),
    ),
    test(
      "random, 256 TLB entries",
      "a working set twice the TLB over 50 regions",
      mix(fork("random 256"), { tlbEntries: 256, operations: 50_000, pages: 512, regions: 50, churn: 0.1 }),
    ),
    test(
      "random, 4,096 TLB entries",
      "a working set that fits, then one that does not",
      mix(fork("random 4096"), { tlbEntries: 4_096, operations: 100_000, pages: 6_000, regions: 300 }),
    ),
  ];
});

/** The large tests, per language: at the limits (a million operations) for C and Go, 400,000 in Python. */
const largeTests = memoizedBySpeed((seed: number, language: Language): IoTestCase[] => {
  const operations = language === "python" ? 400_000 : 1_000_000;
  const random = new SeededRandom(seed).fork("large");
  return [
    test(
      `large: a working set beyond the TLB, ${count(operations)} operations`,
      "4,096 entries, 12,288 pages over every region",
      mix(random.fork("working set"), { tlbEntries: 4_096, operations, pages: 12_288, regions: 1_024 }),
    ),
    test(`large: every access misses, ${count(operations)} operations`, "a loop over 4,097 pages", loop(4_096, 4_097, operations)),
  ];
});

function hiddenTests(seed: number, language: Language): IoTestCase[] {
  return [...sharedTests(seed, language), ...largeTests(seed, language)];
}

/**
 * The same mix at any size: a TLB of `entries` entries, 240 operations per entry (983,040 at 4,096: within the limit), a working set three
 * times the TLB over every region (a hit rate of about a third). A scan of the TLB per access costs
 * 16× more at 4× the entries and operations; O(1) per access, 4×.
 */
function growthTest(seed: number, entries: number): IoTestCase {
  const workload = mix(new SeededRandom(seed).fork(`growth ${entries}`), {
    tlbEntries: entries,
    operations: 240 * entries,
    pages: 3 * entries,
    regions: 1_024,
  });
  return test(`growth: ${count(entries)} TLB entries`, "a working set three times the TLB", workload, false);
}

/**
 * Sizes per language, so that the reference spends at least ~100 ms of CPU on each workload
 * (measured with `npm run graders:sizes`): C's reference needs about 110 ms for a million operations,
 * the limit, so the large growth workload is the one it is measured on.
 */
const growthEntries = (language: Language) => (language === "python" ? 400 : 1_024);
const growthSmall = memoizedBySpeed((seed: number, language: Language) => growthTest(seed, growthEntries(language)));
const growthLarge = memoizedBySpeed((seed: number, language: Language) => growthTest(seed, 4 * growthEntries(language)));

const performanceWorkloads = memoizedBySpeed((seed: number, language: Language): IoTestCase[] => [growthLarge(seed, language)]);

export default defineIoGrader({
  check: checkMmu,
  hiddenTests,
  performance: {
    workloads: performanceWorkloads,
    tolerance: 4,
    growth: { small: growthSmall, large: growthLarge, maxRatio: 7 },
  },
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/graders/core/random";
import { expectedOutput, formatInput, LruPager, parseInput, type Workload } from "@/graders/lru-pager/lru";
import { scripted, skewed, uniform } from "@/graders/lru-pager/workloads";
import { simulate } from "@/graders/lru-pager/test/buggy-pagers";

const EXAMPLES = path.join(import.meta.dirname, "../../exercises/lru-pager/examples");

describe("the LRU oracle", () => {
  it("gives the statement's examples their published answers", () => {
    const names = readdirSync(EXAMPLES).filter((name) => name.endsWith(".in"));
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const name of names) {
      const workload = parseInput(readFileSync(path.join(EXAMPLES, name), "utf8"));
      expect(workload, name).not.toBeNull();
      expect(expectedOutput(workload!), name).toBe(readFileSync(path.join(EXAMPLES, name.replace(/\.in$/, ".out")), "utf8"));
    }
  });

  it("agrees with a plain O(frames) LRU on random streams", () => {
    const random = new SeededRandom(7);
    for (let round = 0; round < 200; round++) {
      const frames = random.int(1, 12);
      const highest = round % 10 === 0 ? 999_999 : 999;
      const pool = Array.from({ length: random.int(1, 20) }, () => random.int(0, highest));
      const make = round % 2 ? uniform : skewed;
      const workload = make(random.fork(`round ${round}`), frames, pool, random.int(0, 300), random.next());
      expect(expectedOutput(workload), `round ${round}`).toBe(simulate(workload, "none"));
    }
  });

  it("answers hits, free frames, evictions and write-backs", () => {
    const workload = scripted(2, "5R 5W 6R 7R 5R 6W");
    expect(expectedOutput(workload)).toBe("F\nH\nF\nF 5 W\nF 6\nF 7\nTOTAL accesses=6 hits=1 faults=5 writebacks=1\n");
  });

  it("remembers when each page was used, loaded, written, evicted and written back", () => {
    const pager = new LruPager(2, 10);
    const { pages, writes } = scripted(2, "1W 2R 3R 1R 2W");
    for (const [i, page] of pages.entries()) pager.access(page, writes[i]!);
    expect(pager.history(1)).toEqual({ lastUse: 3, loaded: 3, firstWrite: null, evicted: 2, writtenBack: 2 });
    expect(pager.history(2)).toEqual({ lastUse: 4, loaded: 4, firstWrite: 4, evicted: 3, writtenBack: null });
    expect(pager.history(3)).toEqual({ lastUse: 2, loaded: null, firstWrite: null, evicted: 4, writtenBack: null });
    expect(pager.isResident(1) && pager.isResident(2) && !pager.isResident(3)).toBe(true);
    expect(pager.leastRecentlyUsed()).toBe(1);
  });

  it("answers questions about pages it has no room for", () => {
    const pager = new LruPager(1, 4);
    pager.access(3, true);
    expect(pager.isResident(4)).toBe(false);
    expect(pager.isResident(-1)).toBe(false);
    expect(pager.isResident(9_999_999)).toBe(false);
    expect(pager.history(9_999_999)).toEqual({ lastUse: null, loaded: null, firstWrite: null, evicted: null, writtenBack: null });
  });
});

describe("the input format", () => {
  it("reads back what it writes", () => {
    const workload: Workload = { frames: 3, pages: [0, 999_999, 42], writes: [true, false, true] };
    expect(formatInput(workload)).toBe("3 3\n0 W\n999999 R\n42 W\n");
    expect(parseInput(formatInput(workload))).toEqual(workload);
    expect(parseInput("1 0\n")).toEqual({ frames: 1, pages: [], writes: [] });
    expect(parseInput("2 1\r\n7 R\r\n")).toEqual({ frames: 2, pages: [7], writes: [false] });
  });

  it.each([
    ["no frames", "0 1\n1 R\n"],
    ["too many frames", "100001 1\n1 R\n"],
    ["too many accesses", "1 1000001\n"],
    ["fewer accesses than announced", "2 2\n1 R\n"],
    ["more accesses than announced", "2 1\n1 R\n2 R\n"],
    ["a page out of range", "2 1\n1000000 R\n"],
    ["a negative page", "2 1\n-1 R\n"],
    ["a lower-case operation", "2 1\n1 w\n"],
    ["empty input", ""],
  ])("refuses %s", (_, text) => {
    expect(parseInput(text)).toBeNull();
  });
});

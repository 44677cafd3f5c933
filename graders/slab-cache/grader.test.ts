import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { refusal } from "@/graders/core/source-rules";
import grader, { customScenario } from "@/graders/slab-cache/grader";
import { cacheShapes, generator, runSlabs, type Scenario, Slabs, slabObjects } from "@/graders/slab-cache/model";

const scenario = (line: string): Scenario => {
  const [caches, maxSize, ops, live, pages, seed] = line.split(" ").map(Number) as number[];
  return { caches: caches!, maxSize: maxSize!, ops: ops!, live: live!, pages: pages!, seed: seed! };
};

describe("slab-cache's model of the rules", () => {
  it("gives the figures the C harness reported with the reference allocator", () => {
    // From `printf 'n\n<scenario>\n' | ./prog`, the harness and reference built as a submission is.
    expect(runSlabs(scenario("1 64 200 50 100 1"))).toEqual({
      allocs: 100,
      nulls: 0,
      frees: 100,
      reclaimed: 1,
      constructed: 100,
      peakPages: 1,
      checksum: 2813548097,
    });
    expect(runSlabs(scenario("3 256 5000 300 1000 7"))).toEqual({
      allocs: 2558,
      nulls: 0,
      frees: 2558,
      reclaimed: 12,
      constructed: 365,
      peakPages: 12,
      checksum: 3411963830,
    });
    expect(runSlabs(scenario("2 512 20000 2000 30 5"))).toEqual({
      allocs: 7716,
      nulls: 4796,
      frees: 7716,
      reclaimed: 66,
      constructed: 504,
      peakPages: 30,
      checksum: 64399311,
    });
    expect(runSlabs(scenario("1 1024 1000 200 1 4"))).toEqual({
      allocs: 402,
      nulls: 236,
      frees: 402,
      reclaimed: 1,
      constructed: 45,
      peakPages: 1,
      checksum: 3707493520,
    });
    expect(runSlabs(scenario("16 512 100000 5000 8000 21"))).toMatchObject({
      allocs: 49304,
      reclaimed: 737,
      constructed: 6604,
      peakPages: 362,
      checksum: 1227829713,
    });
  });

  it("counts objects per slab as slab.h's formula, worked by hand", () => {
    expect(slabObjects(8, 8)).toBe(252); // 4032 / 16
    expect(slabObjects(26, 8)).toBe(100); // 4032 / 40
    expect(slabObjects(87, 64)).toBe(31); // 4032 / 128
    expect(slabObjects(1024, 64)).toBe(3); // 4032 / 1088
    expect(slabObjects(1024, 8)).toBe(3); // 4032 / 1032
  });

  it("draws the statement's caches for its examples", () => {
    const shapes = (line: string) => cacheShapes(scenario(line), generator(scenario(line).seed)).map((c) => [c.size, c.align, c.constructor]);
    expect(shapes("1 64 200 50 100 1")).toEqual([[26, 8, true]]);
    expect(shapes("3 256 5000 300 1000 7")).toEqual([
      [80, 32, true],
      [89, 32, false],
      [87, 64, true],
    ]);
    expect(shapes("2 512 20000 2000 30 5")).toEqual([
      [180, 32, true],
      [479, 8, false],
    ]);
  });

  it("reuses the object just freed, and takes a partial slab before an empty one, before a new page", () => {
    // Written out from the statement's rules: one cache of 1 KiB objects (3 a slab), a pool of 3 pages.
    const slabs = new Slabs([{ size: 1024, align: 8, constructor: true, perSlab: slabObjects(1024, 8) }], 3);
    const name = (page: number, order: number) => (page << 16) | order;
    const alloc = () => slabs.alloc(0);
    const freeName = (n: number) =>
      slabs.free(
        0,
        slabs.caches[0]!.live.findIndex(([slab, order]) => name(slab.page, order) === n),
      );
    expect([alloc(), alloc(), alloc(), alloc()]).toEqual([name(0, 0), name(0, 1), name(0, 2), name(1, 0)]);
    freeName(name(0, 1));
    freeName(name(0, 0));
    expect(alloc()).toBe(name(0, 0)); // the object just freed, from the slab just freed into
    freeName(name(1, 0)); // page 1 empty; page 0 partial (one free: order 1)
    expect(alloc()).toBe(name(0, 1)); // a partial slab before an empty one
    expect(alloc()).toBe(name(1, 0)); // then the empty one, before a new page
    expect(slabs.run.constructed).toBe(6);
    freeName(name(1, 0));
    expect(slabs.giveBackEmpty(0)).toBe(1);
    expect(slabs.pages).toBe(1); // the full slab keeps its page
    expect(alloc()).toBe(name(1, 0)); // a new slab, in the lowest free page
    expect([alloc(), alloc(), alloc(), alloc()]).toEqual([name(1, 1), name(1, 2), name(2, 0), name(2, 1)]);
    expect([alloc(), alloc()]).toEqual([name(2, 2), undefined]); // the pool is used up
    expect(slabs.run).toMatchObject({ allocs: 13, nulls: 1, frees: 4, reclaimed: 1, constructed: 12, peakPages: 3 });
    const checksum = [
      name(0, 0),
      name(0, 1),
      name(0, 2),
      name(1, 0),
      name(0, 0),
      name(0, 1),
      name(1, 0),
      name(1, 0),
      name(1, 1),
      name(1, 2),
      name(2, 0),
      name(2, 1),
      name(2, 2),
      0xffffffff,
    ].reduce((sum, n) => Math.imul(sum ^ n, 16777619) >>> 0, 2166136261);
    expect(slabs.run.checksum).toBe(checksum);
  });
});

describe("slab-cache grader", () => {
  const tests = grader.tests(grader.seed, "c");

  it("accepts the model's figures only", () => {
    const first = tests[0]!;
    const right = runSlabs(scenario(first.scenario));
    const report = {
      allocs: right.allocs,
      nulls: right.nulls,
      frees: right.frees,
      reclaimed: right.reclaimed,
      constructed: right.constructed,
      peak_pages: right.peakPages,
      checksum: right.checksum,
    };
    expect(grader.check(first, report)).toEqual({ ok: true });
    expect(grader.check(first, { ...report, constructed: 200 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^100 constructor calls were due .*; the harness counted 200\.$/),
    });
    expect(grader.check(first, { ...report, reclaimed: 0 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^1 pages should have been given back by cache_reclaim/),
    });
    expect(grader.check(first, { ...report, checksum: right.checksum ^ 1 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/the object the rules choose/),
    });
    expect(grader.check(first, { ...report, allocs: String(right.allocs) })).toMatchObject({ ok: false });
  });

  it("has the statement's examples public, and the hidden edges", () => {
    const lines = Object.fromEntries(tests.map((test) => [test.name, test.scenario]));
    expect(lines["one page in all"]).toBe("1 1024 1000 200 1 4");
    expect(lines["8-byte objects"]).toBe("1 8 20000 3000 2000 11");
    expect(lines["sixteen caches at once"]?.startsWith("16 ")).toBe(true);
    const readme = readFileSync("exercises/slab-cache/README.md", "utf8");
    for (const test of tests.filter((t) => t.visibility === "public")) expect(readme).toContain(`run-${tests.indexOf(test) + 1}\n${test.scenario}\n`);
  });

  it("takes the user's scenario as the statement writes it, and every test's", () => {
    expect(customScenario("run-1\n1 64 200 50 100 1\n")).toEqual({ ok: true, scenario: "1 64 200 50 100 1" });
    for (const test of [...tests, ...grader.performance!.workloads(grader.seed, "c")])
      expect(customScenario(test.scenario)).toEqual({ ok: true, scenario: test.scenario });
  });

  it("refuses, with the reason, a scenario the harness would reject", () => {
    const refused = (input: string) => {
      const outcome = customScenario(input);
      return outcome.ok ? "taken" : outcome.message;
    };
    expect(refused("1 64 200 50 100")).toMatch(/six numbers .* it has 5\.$/);
    expect(refused("0 64 200 50 100 1")).toMatch(/^CACHES is 0/);
    expect(refused("17 64 200 50 100 1")).toMatch(/^CACHES is 17/);
    expect(refused("1 7 200 50 100 1")).toMatch(/^MAX_SIZE is 7/);
    expect(refused("1 1025 200 50 100 1")).toMatch(/^MAX_SIZE is 1025/);
    expect(refused("1 64 10000001 50 100 1")).toMatch(/^OPS is 10,000,001/);
    expect(refused("1 64 200 0 100 1")).toMatch(/^LIVE is 0/);
    expect(refused("1 64 200 1000001 100 1")).toMatch(/^LIVE is 1,000,001/);
    expect(refused("1 64 200 50 0 1")).toMatch(/^PAGES is 0/);
    expect(refused("1 64 200 50 32769 1")).toMatch(/^PAGES is 32,769/);
    expect(refused("16 8 0 1 1 4294967295")).toMatch(/not a whole number/);
    expect(refused("16 1024 10000000 1000000 32768 2147483647")).toBe("taken");
  });

  it("refuses the C library's allocators in the user's code, not in its comments", () => {
    const rules = grader.sourceRules?.c ?? [];
    const refused = (code: string) => refusal(code, "c", rules)?.what ?? null;
    expect(refused(readFileSync("graders/slab-cache/reference/c/slab.c", "utf8"))).toBeNull();
    expect(refused(readFileSync("exercises/slab-cache/starter/c/slab.c", "utf8"))).toBeNull();
    expect(refused(readFileSync("graders/slab-cache/bad/CE-mallocs-descriptors/c/slab.c", "utf8"))).toMatch(/malloc/);
    expect(refused("#include <sys/mman.h>\nvoid *f(void) { return mmap(0, 4096, 3, 34, -1, 0); }\n")).toMatch(/mmap/);
    expect(refused("/* not malloc: a page from page_alloc */\nint x;\n")).toBeNull();
  });
});

// What the harness catches beyond the known-bad solutions, proved on allocators built to be caught:
// pages handed back wrongly (twice, not a page, from cache_free), stats that lie, a reclaim that
// miscounts, a write into an object in use, and a crash, named with its operation. Run in the real
// sandbox, linked as a submission is, without the source rules.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { changed, NONCE, runLinkHarness } from "@/graders/core/test/link-harness";
import type { RunResult } from "@/sandbox/runner";

const reference = readFileSync("graders/slab-cache/reference/c/slab.c", "utf8");
const limits = { cpuSeconds: 5, memoryMiB: 512, pids: 16 };
/** The statement's second example: three caches, 5,000 operations, slabs filled, emptied and reclaimed. */
const THREE_CACHES = "3 256 5000 300 1000 7";

const run = (allocator: string, scenario = THREE_CACHES): Promise<RunResult> => runLinkHarness("slab-cache", "c", { "slab.c": allocator }, scenario, limits);
const report = (result: RunResult) => JSON.parse(result.stdout) as Record<string, unknown>;
const failure = async (allocator: string, scenario = THREE_CACHES) => report(await run(allocator, scenario)).error;

describe("the slab-cache harness", () => {
  it("reports the reference's run as the model has it", async () => {
    expect(report(await run(reference, "1 64 200 50 100 1"))).toEqual({
      nonce: NONCE,
      ok: true,
      allocs: 100,
      nulls: 0,
      frees: 100,
      reclaimed: 1,
      constructed: 100,
      peak_pages: 1,
      checksum: 2813548097,
    });
  });

  it("refuses a page given back twice, or an address that is not a page", async () => {
    const twice = changed(reference, ["        page_free(slab);\n        freed++;", "        page_free(slab);\n        page_free(slab);\n        freed++;"]);
    expect(await failure(twice)).toMatch(
      /^Operation \d+, cache_reclaim on cache \d .*: page_free was given page \d+ twice, without page_alloc handing it out in between\.$/,
    );
    const inside = changed(reference, ["        page_free(slab);", "        page_free((char *)slab + SLAB_HEADER);"]);
    expect(await failure(inside)).toMatch(/page_free\(0x[0-9a-f]+\) was given an address that is not a page from page_alloc\./);
  });

  it("refuses a page given back by cache_free, though the slab is empty", async () => {
    const eager = changed(reference, [
      "    push_slab(cache, slab, slab->in_use == 0 ? EMPTY : PARTIAL);",
      "    push_slab(cache, slab, slab->in_use == 0 ? EMPTY : PARTIAL);\n    if (slab->in_use == 0) {\n        unlink_slab(cache, slab);\n        page_free(slab);\n    }",
    ]);
    expect(await failure(eager)).toMatch(/cache_free on cache \d .*: page_free was called: pages go back only in cache_reclaim and cache_destroy/);
  });

  it("compares cache_stats and cache_reclaim's count with the model", async () => {
    const stats = changed(reference, ["    stats->full = cache->counts[FULL];", "    stats->full = cache->counts[FULL] + 1;"]);
    expect(await failure(stats)).toMatch(
      /^At the start, cache_stats on cache 0 .*: cache_stats says 1 full, 0 partial and 0 empty slabs, 0 objects in use, 42 per slab; the cache has 0 full, 0 partial, 0 empty, 0 in use, 42 per slab\.$/,
    );
    const miscounted = changed(reference, ["    return freed;\n}", "    return freed ? freed - 1 : 0;\n}"]);
    expect(await failure(miscounted)).toMatch(/cache_reclaim gave back (\d+) pages and returned \d+: it returns how many it gave back\./);
  });

  it("sees a write into an object in use when it is freed", async () => {
    const scribbles = changed(reference, [
      "    slab->in_use--;\n    cache->in_use--;",
      "    slab->in_use--;\n    cache->in_use--;\n    if (!cache->ctor && slab->in_use > 1) ((char *)obj)[cache->stride] ^= 1;",
    ]);
    expect(await failure(scribbles)).toMatch(/changed while it was in use, at byte 0 of its \d+: another object overlaps it, or the allocator wrote into it\./);
  });

  it("names the operation a crash came in", async () => {
    const crashing = changed(reference, [
      "void cache_free(struct cache *cache, void *obj) {",
      "void cache_free(struct cache *cache, void *obj) {\n    if (cache->size == 89) *(volatile int *)16 = 1;",
    ]);
    const result = await run(crashing);
    expect(result).toMatchObject({ verdict: "RE", signal: "SIGSEGV", stdout: "" });
    expect(result.stderr).toMatch(
      /harness: the process was killed by signal 11 \(Segmentation fault\) in Operation \d+, cache_free on cache 1 \(89-byte objects aligned to 32, no constructor\)/,
    );
  });
});

// What the harness catches that no known-bad solution reaches first, proved on allocators built to be
// caught: a block outside the heap, a block handed out twice, a realloc that loses the data, a free
// that writes into its neighbour, a NULL with room left, a full heap, a realloc(p, 0) that returns a
// block, and a crash named by its operation. Run in the real sandbox, linked as a submission is,
// without the source rules.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { changed, NONCE, runLinkHarness } from "@/graders/core/test/link-harness";
import type { RunResult } from "@/sandbox/runner";

const reference = readFileSync("graders/malloc/reference/c/mm.c", "utf8");
const limits = { cpuSeconds: 5, memoryMiB: 256, pids: 16 };
/** The statement's first example: three holes, and 1000 bytes in the lowest. */
const THREE_HOLES = "first\na 0 4000\na 1 64\na 2 1000\na 3 64\na 4 2000\na 5 64\nf 0\nf 2\nf 4\na 6 1000\nw 6 0 0\n";

const run = (allocator: string, trace = THREE_HOLES): Promise<RunResult> => runLinkHarness("malloc", "c", { "mm.c": allocator }, trace, limits);
const report = (result: RunResult) => JSON.parse(result.stdout) as Record<string, unknown>;

describe("the malloc harness", () => {
  it("reports the reference's run as the model has it", async () => {
    expect(report(await run(reference))).toEqual({ nonce: NONCE, ok: true, ops: 11, peak_live: 7192, peak_heap: 7328, checked: 8192 });
  });

  it("catches a block from memory of the allocator's own, outside the heap", async () => {
    const ownArray = changed(reference, [
      "void *mm_malloc(size_t size) {",
      "static _Alignas(16) uint8_t own[1 << 20];\nstatic size_t own_used;\n\nvoid *mm_malloc(size_t size) {\n    if (size == 64) return own + (own_used += 64) - 64;",
    ]);
    expect(report(await run(ownArray))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^mm_malloc\(64\) at operation 2 \(a 1 64\) returned a block \(0x[0-9a-f]+, 64 bytes\) that is not inside the heap/),
    });
  });

  it("catches a block handed out while it is still allocated", async () => {
    const twice = changed(
      reference,
      ["void *mm_malloc(size_t size) {", "static void *last;\n\nvoid *mm_malloc(size_t size) {\n    if (size == 1000 && last) return last;"],
      ["    return place(bp, asize);\n}", "    last = place(bp, asize);\n    return last;\n}"],
    );
    expect(report(await run(twice, "first\na 0 1000\na 1 1000\n"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^mm_malloc\(1000\) at operation 2 \(a 1 1000\) returned a block \(heap offsets 32 to 1031\) that overlaps block 0 \(offsets 32 to 1031, allocated by operation 1/,
      ),
    });
  });

  it("catches a realloc that moves the block without its data", async () => {
    const forgets = changed(reference, ["    memcpy(moved, ptr, have - TAGS);\n", ""]);
    expect(report(await run(forgets, "first\na 0 100\na 1 64\nr 0 5000\n"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^mm_realloc\(block, 5000\) at operation 3 \(r 0 5000\) \(block 0, 100 bytes, moved from heap offset 32 to \d+\) did not keep the block's first 100 bytes: byte 0 differs/,
      ),
    });
  });

  it("catches a free that writes into the block above, at the call that wrote it", async () => {
    const scribbles = changed(reference, ["void mm_free(void *ptr) {", "void mm_free(void *ptr) {\n    if (ptr) memset((uint8_t *)ptr + size_of(ptr), 0, 8);"]);
    expect(report(await run(scribbles, "first\na 0 100\na 1 100\nf 0\nf 1\n"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^Block 1 \(100 bytes at heap offset 160, allocated by operation 2 \(a 1 100\)\) changed while it was allocated: its byte 0 was overwritten, found just after operation 3 \(f 0\)/,
      ),
    });
  });

  it("tells a NULL with room left from a full heap", async () => {
    const refuses = changed(reference, ["void *mm_malloc(size_t size) {", "void *mm_malloc(size_t size) {\n    if (size == 777) return NULL;"]);
    expect(report(await run(refuses, "best\na 0 10\na 1 777\n"))).toMatchObject({
      ok: false,
      error: "mm_malloc(777) at operation 2 (a 1 777) returned NULL for 777 bytes, though the heap could still grow (mem_sbrk never refused).",
    });
    const neverFrees = changed(reference, ["    if (ptr) release(ptr);", "    (void)ptr;"]);
    const rounds = Array.from({ length: 70 }, () => "a 0 1048576\nf 0\n").join("");
    expect(report(await run(neverFrees, `first\n${rounds}`))).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^mm_malloc\(1048576\) at operation 1\d\d \(a 0 1048576\) returned NULL: the heap is full \(mem_sbrk refused to grow it past 64 MiB\), yet only 0 bytes are allocated/,
      ),
    });
  });

  it("wants NULL from realloc(p, 0)", async () => {
    const keeps = changed(reference, ["    if (size == 0) {\n        mm_free(ptr);\n        return NULL;\n    }", "    if (size == 0) size = 1;"]);
    expect(report(await run(keeps, "first\na 0 10\nr 0 0\n"))).toMatchObject({
      ok: false,
      error: "mm_realloc(block, 0) at operation 2 (r 0 0) returned a block: mm_realloc(ptr, 0) must free the block and return NULL.",
    });
  });

  it("ends as a crash in the allocator did, naming the operation and the call", async () => {
    const crashing = changed(reference, [
      "void mm_free(void *ptr) {",
      "void mm_free(void *ptr) {\n    if (ptr && size_of(ptr) > 1000) *(volatile int *)16 = 1;",
    ]);
    const result = await run(crashing);
    expect(result).toMatchObject({ verdict: "RE", signal: "SIGSEGV", stdout: "" });
    expect(result.stderr).toContain("harness: the process was killed by signal 11 (Segmentation fault) at operation 7 (f 0), in mm_free");
  });
});

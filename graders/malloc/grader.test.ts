import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { refusal } from "@/graders/core/source-rules";
import grader, { customScenario } from "@/graders/malloc/grader";
import { figures, MAX_HEAP, MAX_OPS, readTrace, type Trace } from "@/graders/malloc/model";

const trace = (text: string): Trace => {
  const read = readTrace(text);
  if (!read.ok) throw new Error(read.message);
  return read.trace;
};

describe("malloc's model of the harness's figures", () => {
  it("gives the figures the C harness reported with the reference allocator", () => {
    // From `printf 'n\n<trace>' | ./prog`, the harness and reference built as a submission is.
    const tests = Object.fromEntries(grader.tests(grader.seed, "c").map((test) => [test.name, test.scenario]));
    const seen = (name: string) => figures(trace(tests[name]!));
    expect(seen("first fit takes the lowest hole")).toEqual({ ops: 11, peakLive: 7192, checked: 8192 });
    expect(seen("freed neighbours merge")).toEqual({ ops: 11, peakLive: 3064, checked: 6064 });
    expect(seen("realloc keeps the data")).toEqual({ ops: 83, peakLive: 66760, checked: 147309 });
    expect(seen("the edges of the API")).toEqual({ ops: 17, peakLive: 250, checked: 450 });
    expect(seen("a program, first fit")).toEqual({ ops: 100000, peakLive: 6183402, checked: 180501439 });
    expect(seen("a program, next fit")).toEqual({ ops: 100000, peakLive: 6034539, checked: 192851290 });
  });

  it("follows mm.h's conventions, worked by hand", () => {
    // 100 bytes grow to 200 (100 checked), then realloc(p, 0) frees them (200 checked).
    expect(figures(trace("first\na 0 100\nr 0 200\nr 0 0\n"))).toEqual({ ops: 3, peakLive: 200, checked: 300 });
    // malloc(0) holds nothing; a calloc whose product wraps to 4 gets NULL; so does a size over the heap.
    expect(figures(trace(`first\na 0 0\nc 1 4611686018427387905 4\na 2 ${MAX_HEAP + 1}\nc 3 3 5\n`))).toEqual({ ops: 4, peakLive: 15, checked: 15 });
    // A realloc with no room keeps the block (checked before the call); realloc of a free ID is malloc.
    expect(figures(trace("best\na 0 10\nr 0 18446744073709551615\nr 5 30\nf 5\nf 5\n"))).toEqual({ ops: 5, peakLive: 40, checked: 50 });
  });
});

describe("malloc grader", () => {
  const tests = grader.tests(grader.seed, "c");
  const workloads = grader.performance!.workloads(grader.seed, "c");

  it("generates traces the harness takes, within the heap", () => {
    for (const test of [...tests, ...workloads]) {
      const read = readTrace(test.scenario);
      expect(read.ok, test.name).toBe(true);
      if (!read.ok) continue;
      expect(read.trace.ops.length).toBeLessThanOrEqual(MAX_OPS);
      // Room to spare: an allocator wasting half the heap still fits every trace.
      expect(figures(read.trace).peakLive, test.name).toBeLessThan(MAX_HEAP / 4);
    }
    expect(tests.filter((test) => test.visibility === "public").map((test) => test.name)).toEqual([
      "first fit takes the lowest hole",
      "freed neighbours merge",
      "a small program",
    ]);
    // An allocator that never reuses memory runs out of heap on this one.
    const reuse = trace(tests.find((test) => test.name === "memory is reused")!.scenario);
    const allocated = reuse.ops.reduce((sum, op) => sum + (op.kind === "a" ? Number(op.size) : 0), 0);
    expect(allocated).toBeGreaterThan(MAX_HEAP * 1.5);
  });

  it("shows the statement's examples as its public probes", () => {
    const readme = readFileSync("exercises/malloc/README.md", "utf8");
    for (const [i, test] of tests.slice(0, 2).entries()) expect(readme).toContain(`run-${i + 1}\n${test.scenario}`);
  });

  it("accepts the model's figures only, and the threshold's utilisation", () => {
    const program = tests.find((test) => test.name === "a program, first fit")!;
    const right = { ops: 100000, peak_live: 6183402, checked: 180501439, peak_heap: 6894000 };
    expect(grader.check(program, right)).toEqual({ ok: true });
    expect(grader.check(program, { ...right, ops: 99999 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/replayed 99999 operations; the trace has 100,000/),
    });
    expect(grader.check(program, { ...right, peak_live: 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/At most 6,183,402 bytes/) });
    expect(grader.check(program, { ...right, checked: 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/checked 1\.$/) });
    expect(grader.check(program, { ...right, peak_heap: 1000 })).toMatchObject({ ok: false, message: expect.stringMatching(/not the harness's/) });
    expect(grader.check(program, { ...right, peak_heap: 8_800_000 })).toEqual({ ok: true });
    expect(grader.check(program, { ...right, peak_heap: 9_000_000 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^Too much memory: the heap grew to 9,000,000 bytes for at most 6,183,402 bytes allocated at once, a utilisation of 68\.7%; this trace needs 70\.0%/,
      ),
    });
    // A probe has no threshold, nor does the user's own trace.
    const probe = tests[0]!;
    expect(grader.check(probe, { ops: 11, peak_live: 7192, checked: 8192, peak_heap: 1_000_000 })).toEqual({ ok: true });
    const own = { ...program, name: "your scenario", ownInput: true };
    expect(grader.check(own, { ...right, peak_heap: 60_000_000 })).toEqual({ ok: true });
  });

  it("takes the user's trace as the statement writes it, and every test's", () => {
    expect(customScenario("run-1\nfirst\na 0 10\n\nf 0\n")).toEqual({ ok: true, scenario: "first\na 0 10\nf 0\n" });
    expect(customScenario("next\n  a 0 10  \n")).toEqual({ ok: true, scenario: "next\na 0 10\n" });
    for (const test of tests.slice(0, 13)) expect(customScenario(test.scenario)).toEqual({ ok: true, scenario: test.scenario });
  });

  it("refuses, with the reason, a trace the harness would reject", () => {
    const refused = (input: string) => {
      const outcome = customScenario(input);
      return outcome.ok ? "taken" : outcome.message;
    };
    expect(refused("")).toMatch(/starts with its policy.*it is empty\.$/);
    expect(refused("worst\na 0 1\n")).toMatch(/it starts with "a 0 1"\.$/);
    expect(refused("run-1\nworst\na 0 1\n")).toMatch(/it starts with "worst"\.$/);
    expect(refused("first\nx 0 1\n")).toMatch(/^line 2 \("x 0 1"\): an operation is a, c, r, f, w, j, m or n\.$/);
    expect(refused("first\na 0\n")).toMatch(/a takes 2 numbers/);
    expect(refused("first\nf 0 1\n")).toMatch(/f takes 1 number\.$/);
    expect(refused("first\na -1 5\n")).toMatch(/"-1" is not a whole number/);
    expect(refused("first\na 0 18446744073709551616\n")).toMatch(/is not a whole number from 0 to 2\^64 - 1/);
    expect(refused("first\na 1000000 5\n")).toMatch(/block IDs are 0 to 999,999; 1000000 is not/);
    expect(refused("first\na 0 5\na 0 6\n")).toMatch(/^line 3 .*block 0 is still allocated; free it \(f 0\)/);
    expect(refused("first\nr 3 0\n")).toMatch(/write a 3 0 for mm_malloc\(0\)/);
    expect(refused("first\na 0 5\nw 0 1 1\n")).toMatch(/w needs block 0 allocated/);
    expect(refused("first\na 0 5\nj 0 1\n")).toMatch(/j needs both blocks allocated/);
    expect(refused("first\na 0 5\nf 0\na 0 6\nr 0 0\nr 0 5\nf 0\nf 7\nm\nn\n")).toBe("taken");
  });

  it("refuses the C library's allocator and the kernel's memory in the user's code, not in its comments", () => {
    const rules = grader.sourceRules?.c ?? [];
    const refused = (code: string) => refusal(code, "c", rules)?.what ?? null;
    expect(refused(readFileSync("graders/malloc/reference/c/mm.c", "utf8"))).toBeNull();
    expect(refused(readFileSync("exercises/malloc/starter/c/mm.c", "utf8"))).toBeNull();
    expect(refused("#include <stdlib.h>\nvoid *mm_malloc(size_t n) { return malloc(n); }\n")).toMatch(/malloc/);
    expect(refused("void f(void *p) { free(p); }\n")).toMatch(/free/);
    expect(refused("void *f(void) { return sbrk(4096); }\n")).toMatch(/sbrk/);
    expect(refused("void *f(void) { return mmap(0, 4096, 3, 0x22, -1, 0); }\n")).toMatch(/mmap/);
    expect(refused("/* not malloc: mem_sbrk */\nvoid *mm_malloc(unsigned long n) { return 0; }\n")).toBeNull();
  });
});

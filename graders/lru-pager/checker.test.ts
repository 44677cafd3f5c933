import { describe, expect, it } from "vitest";
import type { IoTestCase } from "@/graders/core/types";
import { checkPager, parseResult } from "@/graders/lru-pager/checker";
import { expectedOutput, formatInput, type Workload } from "@/graders/lru-pager/lru";
import { type Bug, simulate } from "@/graders/lru-pager/test/buggy-pagers";
import { scripted } from "@/graders/lru-pager/workloads";

function testOf(workload: Workload, visibility: IoTestCase["visibility"] = "hidden"): IoTestCase {
  return { name: "t", visibility, description: "a small test", input: formatInput(workload), expected: expectedOutput(workload) };
}

/** The checker's message for the output of `bug` on `workload`. */
function messageFor(workload: Workload, bug: Bug, visibility: IoTestCase["visibility"] = "hidden"): string {
  const outcome = checkPager(testOf(workload, visibility), simulate(workload, bug));
  if (outcome.ok) throw new Error(`${bug} was accepted`);
  return outcome.message;
}

/** Replaces line `line` (1-based) of the right answer. */
function withLine(workload: Workload, line: number, text: string | null): string {
  const lines = expectedOutput(workload).split("\n");
  if (text === null) lines.splice(line - 1, 1);
  else lines[line - 1] = text;
  return lines.join("\n");
}

// Frames 3: 1 2 3 loaded (2 written), 1 hit, then 4 evicts 2 (dirty), 3 hit…
const EXAMPLE = scripted(3, "1R 2W 3R 1R 4R 3W 2R 5R 3R 2W 6R 1R");

describe("the LRU pager checker", () => {
  it("accepts the right answer, also with trailing spaces, CRLF or no final newline", () => {
    const test = testOf(EXAMPLE);
    expect(checkPager(test, test.expected!)).toEqual({ ok: true });
    expect(checkPager(test, test.expected!.replace(/\n/g, " \r\n"))).toEqual({ ok: true });
    expect(checkPager(test, test.expected!.trimEnd())).toEqual({ ok: true });
  });

  it("reads result lines strictly", () => {
    expect(parseResult("H")).toEqual({ hit: true });
    expect(parseResult("F")).toEqual({ hit: false, evicted: null, writeBack: false });
    expect(parseResult("F 0")).toEqual({ hit: false, evicted: 0, writeBack: false });
    expect(parseResult("F 999999 W")).toEqual({ hit: false, evicted: 999_999, writeBack: true });
    for (const line of ["HIT", "h", "F 07", "F  7", "F 7 D", "F W", "F -1", "FAULT 7"]) expect(parseResult(line), line).toBeNull();
  });

  it("shows a public test's first wrong line, expected against got, and explains it", () => {
    expect(messageFor(EXAMPLE, "fifo", "public")).toBe(
      'Line 5: expected "F 2 W", got "F 1". At access 5 (a read of page 4) your pager evicted page 1, but LRU evicts page 2, the least recently used resident page (last used at access 2); page 1 was used more recently, at access 4 (the latest access), though it was loaded before page 2: LRU goes by last use, hits included, not by load order.',
    );
  });

  it("names a hidden test's problem without its input", () => {
    const message = messageFor(EXAMPLE, "fifo");
    expect(message).toMatch(/^On a hidden test \(a small test\): at access 5 \(a read of page 4\) your pager evicted page 1, but LRU evicts page 2/);
    expect(message).not.toContain("expected");
  });

  it("explains an eviction while a frame is free, and a free frame taken when memory is full", () => {
    expect(messageFor(scripted(2, "1R 2R"), "one-frame-too-few")).toContain("only 1 of the 2 frames was in use");
    expect(messageFor(EXAMPLE, "one-frame-too-few")).toContain(
      "at access 3 (a read of page 3) only 2 of the 3 frames were in use, so the fault takes a free frame, but you evicted page 1: nothing is evicted while a frame is free.",
    );
    expect(messageFor(EXAMPLE, "one-frame-too-many")).toContain(
      "at access 5 (a read of page 4) all 3 frames were in use, so the fault must evict a page: LRU evicts page 2 (last used at access 2), but you reported a free frame.",
    );
    expect(messageFor(scripted(1, "1R 2R"), "one-frame-too-many")).toContain("at access 2 (a read of page 2) the only frame was in use");
  });

  it("explains a missing write-back, for a page loaded by a write and for one written later", () => {
    expect(messageFor(EXAMPLE, "no-write-back")).toContain(
      "at access 5 page 2 was evicted, and it was loaded by a write (at access 2): it is dirty, so its eviction needs a write-back: F 2 W.",
    );
    expect(messageFor(EXAMPLE, "write-hit-not-dirty")).toContain(
      "at access 12 page 3 was evicted, and it was written at access 6, after it was loaded at access 3: it is dirty, so its eviction needs a write-back: F 3 W.",
    );
  });

  it("explains a write-back of a clean page, and that a reloaded page starts clean", () => {
    const reloaded = scripted(2, "0W 1R 2R 0R 2R 1R 0R");
    expect(messageFor(reloaded, "dirty-survives-eviction")).toContain(
      "at access 6 page 0 was evicted clean: it was not written since it was loaded (at access 4), so it needs no write-back: F 0. It was written back at access 3; a page loaded again starts clean.",
    );
  });

  it("explains a hit on a page that was never loaded, with a hint for zeroed tables", () => {
    expect(messageFor(scripted(2, "0R 1R"), "page-zero-resident-at-start")).toContain(
      "at access 1 (a read of page 0) you reported a hit, but page 0 was never accessed before, so it cannot be resident: this is a page fault. (A table of pages initialised to zeros makes page 0 look resident.)",
    );
  });

  it("explains a hit on a page LRU had evicted, and a fault on a resident one", () => {
    const workload = scripted(2, "1R 2R 1R 3R 2R 1R");
    expect(checkPager(testOf(workload), withLine(workload, 5, "H"))).toMatchObject({
      message: expect.stringContaining("at access 5 (a read of page 2) you reported a hit, but page 2 was not resident: LRU evicted it at access 4."),
    });
    expect(checkPager(testOf(workload), withLine(workload, 3, "F 2"))).toMatchObject({
      message: expect.stringContaining(
        "at access 3 (a read of page 1) you reported a page fault, but page 1 was resident: it was loaded at access 1, and LRU has not evicted it since.",
      ),
    });
  });

  it("explains evicting the most recently used page, and a page that was not resident", () => {
    expect(messageFor(scripted(2, "1R 2R 3R"), "evicts-most-recent")).toContain(
      "your pager evicted page 2, but LRU evicts page 1, the least recently used resident page (last used at access 1); page 2 was used more recently, at access 2 (the latest access).",
    );
    const workload = scripted(2, "1R 2R 3R");
    expect(checkPager(testOf(workload), withLine(workload, 3, "F 7"))).toMatchObject({ message: expect.stringContaining("; page 7 was not even resident.") });
    expect(checkPager(testOf(workload), withLine(workload, 3, "F 9999999"))).toMatchObject({
      message: expect.stringContaining("; page 9999999 was not even resident."),
    });
  });

  it("explains recency that a read hit failed to refresh", () => {
    expect(messageFor(scripted(2, "1R 2R 1R 3R"), "read-hits-keep-recency")).toContain("your pager evicted page 1, but LRU evicts page 2");
  });

  it("names a line that is not a result, and a short or long output", () => {
    const workload = scripted(2, "1R 2R 3R");
    expect(checkPager(testOf(workload), withLine(workload, 2, "debug: 2"))).toMatchObject({
      message: expect.stringContaining('line 2 is "debug: 2", which is not an access result: print H for a hit'),
    });
    expect(checkPager(testOf(workload), withLine(workload, 3, null))).toMatchObject({
      message: expect.stringContaining("your output has 2 access lines, but there are 3 accesses"),
    });
    expect(checkPager(testOf(workload), "")).toMatchObject({
      message: expect.stringContaining("your output has 0 access lines, but there are 3 accesses: print one line per access, then the totals line."),
    });
    expect(checkPager(testOf(workload), `${expectedOutput(workload)}bye\n`)).toMatchObject({
      message: expect.stringContaining('your output goes on after the totals line (line 5 is "bye"): print nothing after it.'),
    });
  });

  it("says which figure of the totals line is wrong", () => {
    const workload = scripted(2, "1W 2R 3R");
    const totals = (text: string | null) => checkPager(testOf(workload), withLine(workload, 4, text));
    expect(totals("TOTAL accesses=3 hits=0 faults=3 writebacks=0")).toMatchObject({
      message: expect.stringContaining("your totals line is wrong: it says writebacks=0, but 1 eviction wrote a dirty page back."),
    });
    expect(totals("TOTAL accesses=3 hits=1 faults=3 writebacks=1")).toMatchObject({
      message: expect.stringContaining("it says hits=1, but 0 of them were hits."),
    });
    expect(totals("total 3 0 3 1")).toMatchObject({
      message: expect.stringContaining('your totals line is "total 3 0 3 1", but it must read TOTAL accesses='),
    });
    expect(totals(null)).toMatchObject({ message: expect.stringContaining("your output has no totals line") });
  });

  it("falls back to the first different line when the input cannot be replayed (custom input)", () => {
    const test: IoTestCase = {
      name: "your input",
      visibility: "public",
      input: "3 1\n1 X\n",
      expected: "invalid input: access 1 must be a page number (0 to 999999) and R or W\n",
    };
    expect(checkPager(test, "F\nTOTAL accesses=1 hits=0 faults=1 writebacks=0\n")).toEqual({
      ok: false,
      message: 'At line 1: expected "invalid input: access 1 must be a page number (0 to 999999) and R or W", got "F".',
    });
  });
});

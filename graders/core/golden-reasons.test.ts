import { describe, expect, it } from "vitest";
import type { GradingResult } from "@/contracts/grading-result";
import { failureOf, goldenReasonSchema, mergeReasons, reasonFrom, reasonMismatch, stablePhrases } from "@/graders/core/golden-reasons";

const result = (overrides: Partial<GradingResult>): GradingResult => ({
  version: 3,
  status: "fail",
  verdict: "WA",
  score: 0,
  tests: [],
  metrics: { maxCpuMs: 1, peakMemoryKiB: 1 },
  ...overrides,
});

describe("golden reasons", () => {
  it("take the phrases between figures, which do not change from run to run", () => {
    expect(stablePhrases("Too slow: 3.1× the reference's CPU time on the same workloads (limit 2×).")).toEqual([
      "Too slow",
      "the reference's CPU time on the same workloads (limit",
    ]);
    expect(stablePhrases("main.c: In function 'grant':\nmain.c:12:5: error: expected ';' before 'return'")).toEqual([
      "main.c: In function 'grant'",
      "error: expected ';' before 'return'",
    ]);
    expect(stablePhrases("The program was killed by SIGSEGV (a crash).")).toEqual(["The program was killed by SIGSEGV (a crash)."]);
    expect(stablePhrases("")).toEqual([]);
    expect(
      stablePhrases("Data race: two threads touched the same memory without synchronisation. WARNING: ThreadSanitizer: data race (pid=12) Read of size 4"),
    ).toEqual(["Data race: two threads touched the same memory without synchronisation."]);
    expect(stablePhrases('error: "sys" is not allowed in this exercise: in this exercise your module is called by the harness in its own process')).toEqual([
      'error: "sys" is not allowed in this exercise: in this exercise your module is',
    ]);
  });

  it("say where a grading failed first: a test, the performance check or the build", () => {
    const tests = [
      { name: "public 1", status: "pass" as const, visibility: "public" as const, verdict: "AC" as const },
      { name: "hidden 2", status: "fail" as const, visibility: "hidden" as const, verdict: "WA" as const, message: "Wrong answer on request 4." },
      { name: "hidden 3", status: "fail" as const, visibility: "hidden" as const, verdict: "RE" as const, message: "Crashed." },
    ];
    expect(failureOf(result({ tests }))).toEqual({ test: "hidden 2", message: "Wrong answer on request 4." });
    expect(failureOf(result({ verdict: "CE", message: "main.c:1: error: boom" }))).toEqual({ test: "compile", message: "main.c:1: error: boom" });
    const performance = {
      passed: false,
      verdict: "TLE" as const,
      cpuMs: 300,
      referenceCpuMs: 100,
      ratio: 3,
      tolerance: 2,
      message: "Too slow: 3× the reference.",
    };
    expect(failureOf(result({ verdict: "TLE", tests: tests.slice(0, 1), performance }))).toEqual({
      test: "performance",
      message: "Too slow: 3× the reference.",
    });
    expect(failureOf(result({ verdict: "AC", status: "pass", score: 1, tests: tests.slice(0, 1) }))).toBeUndefined();
  });

  it("record every test seen failing, each with the phrases all its messages share", () => {
    const reason = reasonFrom([
      { test: "hidden 4", message: "Lost an item: produced 1000, consumed 998 (a race on the count)." },
      { test: "hidden 4", message: "Lost an item: produced 5000, consumed 4990 (a race on the count)." },
      { test: "race detector", message: "Data race: two threads touched the same memory without synchronisation. WARNING" },
    ]);
    expect(reason).toEqual([
      { test: "hidden 4", messageContains: ["Lost an item: produced", "(a race on the count)."] },
      { test: "race detector", messageContains: ["Data race: two threads touched the same memory without synchronisation."] },
    ]);
  });

  it("gather what repeated runs saw: new tests added, a shared test keeping only the phrases both runs kept", () => {
    const before = [
      { test: "capacity one", messageContains: ["The buffer held at least"] },
      { test: "race detector", messageContains: ["Data race"] },
    ];
    expect(
      mergeReasons(before, [
        { test: "capacity one", messageContains: ["bbuf_get returned"] },
        { test: "many producers", messageContains: ["Lost"] },
      ]),
    ).toEqual([
      { test: "capacity one", messageContains: [] },
      { test: "race detector", messageContains: ["Data race"] },
      { test: "many producers", messageContains: ["Lost"] },
    ]);
    expect(mergeReasons(undefined, before)).toEqual(before);
    expect(mergeReasons(before, before)).toEqual(before);
  });

  it("catch a known-bad solution that fails another test, for another reason, or not at all", () => {
    const reason = [
      { test: "hidden 2", messageContains: ["Wrong answer on request"] },
      { test: "race detector", messageContains: ["Data race"] },
    ];
    expect(reasonMismatch({ test: "hidden 2", message: "Wrong  answer on\nrequest 9." }, reason)).toBeNull();
    expect(reasonMismatch({ test: "race detector", message: "Data race: two threads." }, reason)).toBeNull();
    expect(reasonMismatch({ test: "hidden 3", message: "Crashed." }, reason)).toMatch(/expected to fail hidden 2 or race detector, failed hidden 3: Crashed/);
    expect(reasonMismatch({ test: "hidden 2", message: "Timed out." }, reason)).toMatch(/lacks "Wrong answer on request"/);
    expect(reasonMismatch(undefined, reason)).toMatch(/no test failed/);
    // The bug's own symptom, caught first by another test (a race decides which): still its reason.
    expect(reasonMismatch({ test: "hidden 5", message: "Wrong answer on request 2." }, reason)).toBeNull();
    expect(reasonMismatch({ test: "hidden 5", message: "Timed out." }, [{ test: "hidden 2", messageContains: [] }])).toMatch(/expected to fail hidden 2/);
  });

  it("hold a verdict and, per language, tests and phrases; nothing else", () => {
    expect(goldenReasonSchema.safeParse({ verdict: "AC" }).success).toBe(true);
    expect(goldenReasonSchema.safeParse({ verdict: "WA", reasons: { c: [{ test: "hidden 1", messageContains: [] }] } }).success).toBe(true);
    expect(goldenReasonSchema.safeParse({ verdict: "WA", reasons: { rust: [{ test: "hidden 1", messageContains: [] }] } }).success).toBe(false);
    expect(goldenReasonSchema.safeParse({ verdict: "WA", reasons: { c: [] } }).success).toBe(false);
    expect(goldenReasonSchema.safeParse({ verdict: "WA", why: "x" }).success).toBe(false);
  });
});

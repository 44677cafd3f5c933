import { describe, expect, it } from "vitest";
import type { GradingResult, TestResult } from "@/contracts/grading-result";
import { DEFAULT_RUBRIC, dimensionKey } from "@/lib/scorecards/rubric";
import { rubricSchema } from "@/lib/validations/scorecards";
import { computeSignals, type SignalSources } from "@/lib/scorecards/signals";
import { suggestScores } from "@/lib/scorecards/suggest-scores";

const START = new Date("2026-12-03T10:00:00Z");
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

function result(statuses: TestResult["status"][], extra: Partial<GradingResult> = {}, finding?: "race" | "deadlock"): GradingResult {
  return {
    version: 3,
    status: statuses.every((s) => s === "pass") ? "pass" : "fail",
    verdict: statuses.every((s) => s === "pass") ? "AC" : "WA",
    score: statuses.filter((s) => s === "pass").length / statuses.length,
    tests: statuses.map((status, i) => ({ name: `t${i}`, status, visibility: "public", ...(finding && status === "fail" ? { finding } : {}) })),
    metrics: { maxCpuMs: 1, peakMemoryKiB: 1 },
    ...extra,
  };
}

type Row = SignalSources["submissions"][number];
let n = 0;
function row(minutes: number, fields: Partial<Row>): Row {
  n++;
  return {
    id: `s${String(n).padStart(3, "0")}`,
    kind: "run",
    exerciseSlug: "a",
    language: "c",
    authorName: "Cand",
    status: "done",
    verdict: "WA",
    results: null,
    queuedAt: at(minutes),
    ...fields,
  };
}

const base: SignalSources = {
  startedAt: START,
  exercises: [
    { slug: "a", title: "A", hintsTotal: 3 },
    { slug: "b", title: "B", hintsTotal: 0 },
  ],
  submissions: [],
  hintsOpened: {},
  questions: [
    { key: "spoken:0", text: "What is a page fault?" },
    { key: "bank:tlb", text: "What does the TLB cache?" },
  ],
  asked: [],
};

describe("computeSignals", () => {
  it("follows each exercise's runs in order on the interview clock", () => {
    const submissions = [
      row(12, { kind: "submit", verdict: "AC", results: result(["pass", "pass", "pass"], { performance: perf(1.2, true) }) }),
      row(2, { verdict: "CE", results: { ...result([]), verdict: "CE", status: "error" } }),
      row(5, { verdict: "WA", results: result(["pass", "fail"], {}, "race") }),
      row(7, { kind: "submit", verdict: "TLE", results: result(["pass", "fail", "fail"], {}, "deadlock") }),
      row(9, { status: "internal_error", verdict: null }),
      row(1, { exerciseSlug: "b", verdict: "CE", results: { ...result([]), verdict: "CE", status: "error" } }),
    ];
    const signals = computeSignals({
      ...base,
      submissions,
      hintsOpened: { a: 2 },
    });
    const a = signals.exercises[0]!;
    expect(a.runs.map((r) => [r.clockMs, r.kind, r.verdict, r.passed, r.total, r.findings])).toEqual([
      [120_000, "run", "CE", 0, 0, []],
      [300_000, "run", "WA", 1, 2, ["race"]],
      [420_000, "submit", "TLE", 1, 3, ["deadlock"]],
      [540_000, "run", null, null, null, []],
      [720_000, "submit", "AC", 3, 3, []],
    ]);
    expect(a).toMatchObject({
      runCount: 3,
      submitCount: 2,
      compileErrors: 1,
      firstCompileMs: 300_000,
      firstAcceptedMs: 720_000,
      performance: { ratio: 1.2, passed: true },
      raceFindings: 1,
      deadlockFindings: 1,
      hintsOpened: 2,
      hintsTotal: 3,
    });
    expect(signals.exercises[1]).toMatchObject({ runCount: 1, compileErrors: 1, firstCompileMs: null, firstAcceptedMs: null, hintsOpened: 0 });
  });

  it("leaves the Run's own input out of the tests passed", () => {
    const own = result(["pass", "fail"]);
    own.tests[1]!.ownInput = true;
    const signals = computeSignals({ ...base, submissions: [row(1, { results: own })] });
    expect(signals.exercises[0]!.runs[0]).toMatchObject({ passed: 1, total: 1 });
  });

  it("stamps runs before the start at 0, and none when the interview never started", () => {
    expect(computeSignals({ ...base, submissions: [row(-3, { verdict: "WA", results: result(["fail"]) })] }).exercises[0]!.runs[0]!.clockMs).toBe(0);
    expect(computeSignals({ ...base, startedAt: null, submissions: [row(3, {})] }).exercises[0]!.runs[0]!.clockMs).toBeNull();
  });

  it("says which planned questions were asked, and when", () => {
    const signals = computeSignals({
      ...base,
      asked: [
        { questionKey: "bank:tlb", clockMs: 61_000 },
        { questionKey: "spoken:9", clockMs: 1 },
      ],
    });
    expect(signals.questions).toEqual([
      { key: "spoken:0", text: "What is a page fault?", asked: false, clockMs: null },
      { key: "bank:tlb", text: "What does the TLB cache?", asked: true, clockMs: 61_000 },
    ]);
  });
});

function perf(ratio: number, passed: boolean): NonNullable<GradingResult["performance"]> {
  return { passed, verdict: passed ? "AC" : "TLE", cpuMs: ratio * 100, referenceCpuMs: 100, ratio, tolerance: 3, message: "" };
}

describe("suggestScores", () => {
  const rubric = DEFAULT_RUBRIC.map((d) => (d.key === "code-quality" ? { ...d, suggestFrom: "performance" as const } : d));
  const suggest = (submissions: Row[]) => suggestScores(rubric, computeSignals({ ...base, submissions }));

  it("suggests nothing without graded work, and nothing for dimensions without a source", () => {
    expect(suggest([])).toEqual({ "problem-solving": null, correctness: null, "os-knowledge": null, "code-quality": null, communication: null });
  });

  it("scores correctness from each worked exercise's best Submit", () => {
    expect(suggest([row(1, { kind: "submit", verdict: "AC", results: result(["pass", "pass"]) })]).correctness).toBe(4);
    expect(suggest([row(1, { kind: "submit", verdict: "TLE", results: { ...result(["pass", "pass"]), verdict: "TLE" } })]).correctness).toBe(3);
    expect(suggest([row(1, { kind: "submit", results: result(["pass", "fail"]) })]).correctness).toBe(2);
    expect(suggest([row(1, { kind: "submit", results: result(["pass", "fail", "fail"]) })]).correctness).toBe(1);
    // Runs only: worked on, never submitted.
    expect(suggest([row(1, { verdict: "AC", results: result(["pass"]) })]).correctness).toBe(1);
    // The best Submit counts, not the last.
    expect(
      suggest([row(1, { kind: "submit", verdict: "AC", results: result(["pass"]) }), row(2, { kind: "submit", results: result(["fail"]) })]).correctness,
    ).toBe(4);
    // Two exercises worked on: the rounded mean (4 and 1 make 3).
    expect(
      suggest([row(1, { kind: "submit", verdict: "AC", results: result(["pass"]) }), row(2, { exerciseSlug: "b", kind: "submit", results: result(["fail"]) })])
        .correctness,
    ).toBe(3);
  });

  it("scores performance from the latest check", () => {
    const submit = (ratio: number, passed: boolean, minutes = 1) =>
      row(minutes, { kind: "submit", verdict: passed ? "AC" : "TLE", results: result(["pass"], { performance: perf(ratio, passed) }) });
    expect(suggest([submit(1.4, true)])["code-quality"]).toBe(4);
    expect(suggest([submit(2.5, true)])["code-quality"]).toBe(3);
    expect(suggest([submit(9, false)])["code-quality"]).toBe(2);
    expect(suggest([submit(1.1, true, 1), submit(9, false, 2)])["code-quality"]).toBe(2);
  });
});

describe("the rubric", () => {
  it("ships a valid default", () => {
    expect(rubricSchema.safeParse(DEFAULT_RUBRIC).success).toBe(true);
  });

  it("refuses duplicate names and missing anchors", () => {
    const twice = [DEFAULT_RUBRIC[0]!, { ...DEFAULT_RUBRIC[0]!, key: "other", name: "problem SOLVING" }];
    expect(rubricSchema.safeParse(twice).error?.issues[0]?.message).toMatch(/same name/);
    const short = [{ ...DEFAULT_RUBRIC[0]!, anchors: ["a", "b", "c"] }];
    expect(rubricSchema.safeParse(short).error?.issues[0]?.message).toMatch(/four anchors/);
  });

  it("makes new keys from names, never one taken", () => {
    expect(dimensionKey("System design!", [])).toBe("system-design");
    expect(dimensionKey("Correctness", ["correctness", "correctness-2"])).toBe("correctness-3");
    expect(dimensionKey("???", [])).toBe("dimension");
  });
});

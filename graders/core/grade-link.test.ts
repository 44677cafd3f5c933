import { describe, expect, it } from "vitest";
import { gradeLink, readReport } from "@/graders/core/grade-link";
import { gradingResultSchema } from "@/contracts/grading-result";
import type { ExecutableProgram, ProgramRun } from "@/contracts/programs";
import { defineLinkGrader } from "@/graders/core/types";

// A harness stand-in: reads the nonce line and the scenario ("items N"), reports a checksum.
type Behaviour = (nonce: string, items: number) => Partial<ProgramRun>;
function harness(behaviour: Behaviour): ExecutableProgram & { runs: number } {
  const program = {
    runs: 0,
    run: async ({ stdin }: { stdin: string }): Promise<ProgramRun> => {
      program.runs++;
      const [nonce, scenario] = stdin.split("\n");
      const items = Number(/items (\d+)/.exec(scenario ?? "")?.[1]);
      return { outcome: "ok", exitCode: 0, signal: null, stdout: "", stderr: "", cpuMs: 3, wallMs: 10, memoryKiB: 2048, ...behaviour(nonce!, items) };
    },
  };
  return program;
}
const report = (nonce: string, fields: Record<string, unknown>) => ({ stdout: `${JSON.stringify({ nonce, ok: true, ...fields })}\n` });
const correct = harness((nonce, items) => report(nonce, { delivered: items, sum: (items * (items + 1)) / 2 }));

const grader = defineLinkGrader({
  tests: () => [
    { name: "small", visibility: "public", scenario: "items 10" },
    { name: "race", visibility: "hidden", scenario: "items 100", raceDetector: true, description: "4 producers" },
    { name: "blocked", visibility: "hidden", scenario: "items 5", maxCpuRatio: 5, cpuHint: "Consumers spin while the buffer is empty." },
  ],
  check: (test, got) => {
    const items = Number(/items (\d+)/.exec(test.scenario)?.[1]);
    if (got.delivered !== items) return { ok: false, message: `${String(got.delivered)} items delivered, ${items} produced.` };
    return got.sum === (items * (items + 1)) / 2 ? { ok: true } : { ok: false, message: "The items' checksum is wrong: some were changed or duplicated." };
  },
  customScenario: (input) => (/^items \d+$/.test(input.trim()) ? { ok: true, scenario: input.trim() } : { ok: false, message: 'it is "items N".' }),
});
const base = { grader, userFile: "buffer.c", language: "c" as const };

describe("gradeLink", () => {
  it("accepts a harness report that echoes the nonce and passes the exercise's check", async () => {
    const result = await gradeLink({ ...base, mode: "submit", program: correct, reference: correct, raceProgram: async () => correct });
    expect(result.verdict).toBe("AC");
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ["small", "pass"],
      ["race", "pass"],
      ["blocked", "pass"],
    ]);
    expect(() => gradingResultSchema.parse(result)).not.toThrow();
  });

  it("runs the public tests only for a Run, and builds the race detector's program only when a test needs it", async () => {
    let raceBuilds = 0;
    const result = await gradeLink({ ...base, mode: "run", program: correct, raceProgram: async () => (raceBuilds++, correct) });
    expect(result.tests.map((t) => t.name)).toEqual(["small"]);
    expect(raceBuilds).toBe(0);
  });

  it("runs the user's own scenario in a Run, as the exercise reads it", async () => {
    const result = await gradeLink({ ...base, mode: "run", program: correct, customInput: "items 3\n" });
    expect(result.tests.map((t) => [t.name, t.verdict, t.ownInput])).toEqual([
      ["small", "AC", undefined],
      ["your scenario", "AC", true],
    ]);
    expect(result.tests[1]!.input).toBe("items 3");
  });

  it("refuses a scenario the harness cannot take before running anything, as the input's problem", async () => {
    const program = harness(() => ({ outcome: "RE", exitCode: 2, stderr: "harness: bad scenario\n" }));
    const result = await gradeLink({ ...base, mode: "run", program: correct, customInput: "items many" });
    expect(result.tests.at(-1)).toEqual({
      name: "your scenario",
      visibility: "public",
      ownInput: true,
      status: "skipped",
      input: "items many",
      message: 'Your scenario is not one the harness accepts: it is "items N". Check it against the Input section.',
    });
    expect(result.verdict).toBe("AC"); // the public test passed; the page says the scenario was refused
    await gradeLink({ ...base, mode: "run", program, customInput: "items many" });
    expect(program.runs).toBe(1); // only the public test ran
  });

  it("shows a public test's report in words without the nonce, the code's standard error and its exit; raw output only when no report can be read", async () => {
    const chatty = harness((nonce, items) => ({ ...report(nonce, { delivered: items, sum: (items * (items + 1)) / 2 }), stderr: "debug: put 1\n" }));
    const [shown] = (await gradeLink({ ...base, mode: "run", program: chatty })).tests;
    expect(shown).toMatchObject({ report: "ok: true\ndelivered: 10\nsum: 55", stderr: "debug: put 1\n", exit: { code: 0, signal: null } });
    expect(shown!.output).toBeUndefined();
    expect(JSON.stringify(shown)).not.toMatch(/nonce/);
    const printing = harness((nonce, items) => ({ stdout: `hello\n${report(nonce, { delivered: items }).stdout}` }));
    const [mixed] = (await gradeLink({ ...base, mode: "run", program: printing })).tests;
    expect(mixed).toMatchObject({ verdict: "WA", output: expect.stringMatching(/^hello\n/) });
    expect(mixed!.report).toBeUndefined();
  });

  it("refuses a report without this run's nonce, a report mixed with other output, and no report", async () => {
    expect(readReport('{"nonce":"old","ok":true}\n', "new")).toMatchObject({ ok: false, message: expect.stringMatching(/nonce/) });
    expect(readReport('hello\n{"nonce":"n","ok":true}\n', "n")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/must not write to standard output/),
    });
    expect(readReport("", "n")).toMatchObject({ ok: false, message: expect.stringMatching(/no report/) });
    const forged = harness((_nonce, items) => report("guessed", { delivered: items, sum: (items * (items + 1)) / 2 }));
    const result = await gradeLink({ ...base, mode: "run", program: forged });
    expect(result.tests[0]).toMatchObject({ verdict: "WA", message: expect.stringMatching(/nonce/) });
  });

  it("passes on the harness's own finding and the exercise's check", async () => {
    const flagged = harness((nonce) => ({ stdout: `${JSON.stringify({ nonce, ok: false, error: "Item 7 was delivered twice." })}\n` }));
    expect((await gradeLink({ ...base, mode: "run", program: flagged })).tests[0]).toMatchObject({ verdict: "WA", message: "Item 7 was delivered twice." });
    const lossy = harness((nonce, items) => report(nonce, { delivered: items - 1, sum: 0 }));
    expect((await gradeLink({ ...base, mode: "run", program: lossy })).tests[0]).toMatchObject({ verdict: "WA", message: "9 items delivered, 10 produced." });
  });

  it("turns a race detector's report into WA with the user's frames only", async () => {
    const stderr =
      "==================\nWARNING: ThreadSanitizer: data race (pid=9)\n  Write of size 4 at 0x1 by thread T1:\n    #0 buffer_put /box/src/buffer.c:12 (prog+0x1)\n    #1 producer /box/src/harness.c:40 (prog+0x2)\n==================\n";
    const racy = harness((nonce, items) => ({ ...report(nonce, { delivered: items, sum: (items * (items + 1)) / 2 }), outcome: "RE", exitCode: 66, stderr }));
    const result = await gradeLink({ ...base, mode: "submit", program: correct, reference: correct, raceProgram: async () => racy });
    expect(result.verdict).toBe("WA");
    const race = result.tests.find((t) => t.name === "race")!;
    expect(race.message).toContain("Data race");
    expect(race.finding).toBe("race");
    expect(race.message).toContain("buffer_put buffer.c:12");
    expect(race.message).not.toContain("harness.c");
    expect(race.input).toBeUndefined(); // hidden: no scenario shown
  });

  it("calls a time-out spent blocked a deadlock, not slowness", async () => {
    const stuck = harness(() => ({ outcome: "TLE", exitCode: null, cpuMs: 20, wallMs: 7000 }));
    const result = await gradeLink({ ...base, mode: "run", program: stuck });
    expect(result.tests[0]).toMatchObject({ verdict: "TLE", finding: "deadlock", message: expect.stringMatching(/deadlock/) });
  });

  it("fails CPU spent where the reference blocks, naming the behaviour and the figures", async () => {
    const spinning = harness((nonce, items) => ({ ...report(nonce, { delivered: items, sum: (items * (items + 1)) / 2 }), cpuMs: 400, wallMs: 500 }));
    const result = await gradeLink({ ...base, mode: "submit", program: spinning, reference: correct, raceProgram: async () => correct });
    const blocked = result.tests.find((t) => t.name === "blocked")!;
    expect(blocked).toMatchObject({ verdict: "TLE", status: "fail" });
    expect(blocked.message).toMatch(/^Consumers spin while the buffer is empty\. Your code used 400 ms of CPU in 500 ms; the reference 3 ms/);
  });

  it("judges performance on the harness's workloads against the reference", async () => {
    const withPerformance = defineLinkGrader({
      ...grader,
      tests: () => [],
      performance: { workloads: () => [{ name: "many", visibility: "hidden", scenario: "items 1000" }], tolerance: 2, repeats: 3 },
    });
    const slow = harness((nonce, items) => ({ ...report(nonce, { delivered: items, sum: (items * (items + 1)) / 2 }), cpuMs: 30 }));
    const fast = harness((nonce, items) => ({ ...report(nonce, { delivered: items, sum: (items * (items + 1)) / 2 }), cpuMs: 10 }));
    const result = await gradeLink({ ...base, grader: withPerformance, mode: "submit", program: slow, reference: fast });
    expect(result.verdict).toBe("TLE");
    expect(result.performance).toMatchObject({ cpuMs: 30, referenceCpuMs: 10, ratio: 3, passed: false });
    const wrong = harness((nonce) => report(nonce, { delivered: 1, sum: 1 }));
    const wrongResult = await gradeLink({ ...base, grader: withPerformance, mode: "submit", program: wrong, reference: fast });
    expect(wrongResult.performance).toMatchObject({ verdict: "WA", message: expect.stringMatching(/1 items delivered, 1000 produced/) });
  });

  it("refuses a perfect report from a run that did not do the harness's work: far less CPU than the reference", async () => {
    const withPerformance = defineLinkGrader({
      ...grader,
      tests: () => [],
      performance: {
        workloads: () => [{ name: "many", visibility: "hidden", scenario: "items 1000", description: "a thousand items" }],
        tolerance: 3,
        repeats: 3,
      },
    });
    const working = (cpuMs: number) => harness((nonce, items) => ({ ...report(nonce, { delivered: items, sum: (items * (items + 1)) / 2 }), cpuMs }));
    const forged = await gradeLink({ ...base, grader: withPerformance, mode: "submit", program: working(2), reference: working(60) });
    expect(forged.performance).toMatchObject({
      passed: false,
      verdict: "WA",
      message: expect.stringMatching(/^The harness's work was not done: on the large performance test \(a thousand items\) the run used 2 ms of CPU/),
    });
    // Much faster than the reference, but plausibly doing the work: accepted.
    expect((await gradeLink({ ...base, grader: withPerformance, mode: "submit", program: working(12), reference: working(60) })).verdict).toBe("AC");
  });
});

import { describe, expect, it } from "vitest";
import { gradeServer } from "@/graders/core/grade-server";
import { gradingResultSchema } from "@/graders/core/results";
import { defineServerGrader, type ProgramRun, type ServingProgram, type ToolRun } from "@/graders/core/types";

const stopped: ProgramRun = { outcome: "ok", exitCode: null, signal: null, stdout: "", stderr: "", cpuMs: 40, wallMs: 900, memoryKiB: 3000 };

/** A server stand-in: the tool's report for each probe, and the processes the host would see. */
function server(options: { report: (args: string[]) => Partial<ToolRun> | Record<string, unknown>; processes?: () => { pid: number; threads: number; openFiles: number }[] }): ServingProgram & { stops: number } {
  const fake = {
    stops: 0,
    probe: async (args: string[]): Promise<ToolRun> => {
      const answer = options.report(args);
      return "stdout" in answer || "timedOut" in answer
        ? { exitCode: 0, stdout: "", stderr: "", timedOut: false, ...(answer as Partial<ToolRun>) }
        : { exitCode: 0, stdout: `${JSON.stringify(answer)}\n`, stderr: "", timedOut: false };
    },
    processes: async () => options.processes?.() ?? [{ pid: 10, threads: 1, openFiles: 4 }],
    stop: async () => (fake.stops++, stopped),
  };
  return fake;
}

const grader = defineServerGrader({
  tool: { language: "python" },
  tests: () => [
    { name: "hello", visibility: "public", args: ["1"], wallSeconds: 5 },
    { name: "crowd", visibility: "hidden", args: ["50"], wallSeconds: 5, singleThreaded: true, description: "50 clients" },
    { name: "leave", visibility: "hidden", args: ["20"], wallSeconds: 5, releasesDescriptors: true },
  ],
  check: (test, report) => (report.echoed === Number(test.args[0]) ? { ok: true } : { ok: false, message: `echoed ${String(report.echoed)}` }),
  performance: { test: { name: "load", visibility: "hidden", args: ["load"], wallSeconds: 5 }, measure: (r) => ({ throughput: Number(r.rps), p99Ms: Number(r.p99) }), minThroughputRatio: 0.5, maxP99Ratio: 5, minReferenceThroughput: 1000 },
});
const echo = (rps: number, p99: number) => (args: string[]) => (args[0] === "load" ? { ok: true, rps, p99 } : { ok: true, echoed: Number(args[0]) });

describe("gradeServer", () => {
  it("accepts a server whose tool reports pass, and compares it under load with the reference", async () => {
    const submission = server({ report: echo(3000, 4) });
    const result = await gradeServer({ grader, mode: "submit", server: submission, startReference: async () => server({ report: echo(4000, 2) }) });
    expect(result.verdict).toBe("AC");
    expect(result.performance?.server).toMatchObject({ throughput: 3000, referenceThroughput: 4000, p99Ms: 4, referenceP99Ms: 2 });
    expect(result.metrics).toEqual({ maxCpuMs: 40, peakMemoryKiB: 3000 });
    expect(submission.stops).toBe(1);
    expect(() => gradingResultSchema.parse(result)).not.toThrow();
  });

  it("fails a server too slow under load, with both figures", async () => {
    const result = await gradeServer({ grader, mode: "submit", server: server({ report: echo(1500, 3) }), startReference: async () => server({ report: echo(4000, 2) }) });
    expect(result.verdict).toBe("TLE");
    expect(result.performance?.message).toMatch(/Your server: 1,500 requests\/s.*the reference: 4,000 requests\/s/);
  });

  it("calls a load too weak to judge our problem, not the user's", async () => {
    await expect(gradeServer({ grader, mode: "submit", server: server({ report: echo(500, 3) }), startReference: async () => server({ report: echo(800, 2) }) })).rejects.toThrow(/Inconclusive/);
  });

  it("stops testing a server that exited, and says so", async () => {
    let probes = 0;
    const dying = server({ report: (args) => (probes++, { ok: true, echoed: Number(args[0]) }), processes: () => (probes >= 2 ? [] : [{ pid: 1, threads: 1, openFiles: 4 }]) });
    const result = await gradeServer({ grader, mode: "submit", server: dying, startReference: async () => server({ report: echo(4000, 2) }) });
    expect(result.verdict).toBe("RE");
    expect(result.tests.map((t) => t.status)).toEqual(["pass", "fail", "skipped"]);
    expect(probes).toBe(2);
  });

  it("fails threads under load and descriptors kept after clients left", async () => {
    const threaded = server({ report: echo(4000, 2), processes: () => [{ pid: 1, threads: 51, openFiles: 4 }] });
    expect((await gradeServer({ grader, mode: "submit", server: threaded })).tests[1]).toMatchObject({ verdict: "WA", message: expect.stringMatching(/51 threads/) });
    let probes = 0;
    const leaky = server({ report: (args) => (probes++, { ok: true, echoed: Number(args[0]) }), processes: () => [{ pid: 1, threads: 1, openFiles: probes >= 3 ? 24 : 4 }] });
    const result = await gradeServer({ grader: { ...grader, performance: undefined }, mode: "submit", server: leaky });
    expect(result.tests[2]).toMatchObject({ verdict: "WA", message: expect.stringMatching(/still held 24 open descriptors, 20 more/) });
  });

  it("passes on the tool's own finding; a tool that prints no report is our failure", async () => {
    const wrong = server({ report: () => ({ ok: false, error: "GET returned a stale value." }) });
    expect((await gradeServer({ grader, mode: "run", server: wrong })).tests[0]).toMatchObject({ verdict: "WA", message: "GET returned a stale value." });
    const broken = server({ report: () => ({ stdout: "Traceback (most recent call last):", exitCode: 1 }) });
    await expect(gradeServer({ grader, mode: "run", server: broken })).rejects.toThrow(/grading tool failed/);
    expect(broken.stops).toBe(1);
  });
});

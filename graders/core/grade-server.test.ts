import { describe, expect, it } from "vitest";
import { gradeServer } from "@/graders/core/grade-server";
import { gradingResultSchema } from "@/contracts/grading-result";
import type { ProgramRun, ServingProgram, ToolRun } from "@/contracts/programs";
import { defineServerGrader } from "@/graders/core/types";

const stopped: ProgramRun = { outcome: "ok", exitCode: null, signal: null, stdout: "", stderr: "", cpuMs: 40, wallMs: 900, memoryKiB: 3000 };

/** A server stand-in: the tool's report for each probe, and the processes the host would see. */
function server(options: {
  report: (args: string[]) => Partial<ToolRun> | Record<string, unknown>;
  processes?: (asked: { epoll?: boolean }) => { pid: number; threads: number; openFiles: number; epollInstances?: number }[];
  cpuMs?: () => number;
  stopped?: ProgramRun;
}): ServingProgram & { stops: number } {
  const fake = {
    stops: 0,
    probe: async (args: string[]): Promise<ToolRun> => {
      const answer = options.report(args);
      return "stdout" in answer || "timedOut" in answer
        ? { exitCode: 0, stdout: "", stderr: "", timedOut: false, ...(answer as Partial<ToolRun>) }
        : { exitCode: 0, stdout: `${JSON.stringify(answer)}\n`, stderr: "", timedOut: false };
    },
    processes: async (asked: { epoll?: boolean } = {}) =>
      options.processes?.(asked) ?? [{ pid: 10, threads: 1, openFiles: 4, ...(asked.epoll ? { epollInstances: 1 } : {}) }],
    cpuMs: async () => options.cpuMs?.() ?? 0,
    stop: async () => (fake.stops++, options.stopped ?? stopped),
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
  performance: {
    test: { name: "load", visibility: "hidden", args: ["load"], wallSeconds: 5 },
    measure: (r) => ({ throughput: Number(r.rps), p99Ms: Number(r.p99) }),
    minThroughputRatio: 0.5,
    maxP99Ratio: 5,
    generatorCapacity: (r) => Number(r.capacity),
  },
});
const echo =
  (rps: number, p99: number, capacity = 10 * rps) =>
  (args: string[]) =>
    args[0] === "load" ? { ok: true, rps, p99, capacity } : { ok: true, echoed: Number(args[0]) };

describe("gradeServer", () => {
  it("accepts a server whose tool reports pass, and compares it under load with the reference", async () => {
    const submission = server({ report: echo(3000, 4) });
    const progress: string[] = [];
    const result = await gradeServer({
      grader,
      mode: "submit",
      server: submission,
      startReference: async () => server({ report: echo(4000, 2) }),
      onProgress: (event) =>
        void progress.push(
          event.type === "performance"
            ? `performance ${event.state}${event.state === "measuring" ? ` ${event.done}/${event.planned}` : ""}`
            : `${event.type} ${event.index}`,
        ),
    });
    expect(result.verdict).toBe("AC");
    expect(progress.filter((p) => p.startsWith("performance"))).toEqual([
      "performance started",
      "performance measuring 0/2",
      "performance measuring 1/2",
      "performance measuring 2/2",
      "performance finished",
    ]);
    expect(progress[0]).toBe("test-started 1");
    // The tests' public rows show the tool's report in words, not its JSON.
    const shown = result.tests.filter((t) => t.visibility === "public" && t.status === "pass");
    expect(shown.length).toBeGreaterThan(0);
    for (const test of shown) {
      expect(test.output).toBeUndefined();
      expect(test.report).toMatch(/^ok: true/);
    }
    expect(result.performance?.server).toMatchObject({ throughput: 3000, referenceThroughput: 4000, p99Ms: 4, referenceP99Ms: 2 });
    expect(result.metrics).toEqual({ maxCpuMs: 40, peakMemoryKiB: 3000 });
    expect(submission.stops).toBe(1);
    expect(() => gradingResultSchema.parse(result)).not.toThrow();
  });

  it("loads the reference alongside a quiet test, and stops an unused reference when the tests fail", async () => {
    const order: string[] = [];
    const quietGrader = defineServerGrader({
      ...grader,
      tests: () => [
        { name: "hello", visibility: "public", args: ["1"], wallSeconds: 5 },
        { name: "idle", visibility: "hidden", args: ["2"], wallSeconds: 5, quiet: true },
      ],
    });
    const logged = (who: string, rps: number) => (args: string[]) => {
      order.push(`${who} ${args[0]}`);
      return echo(rps, 2)(args);
    };
    const reference = server({ report: logged("reference", 4000) });
    const result = await gradeServer({
      grader: quietGrader,
      mode: "submit",
      server: server({ report: logged("submission", 3000) }),
      startReference: async () => reference,
    });
    expect(result.verdict).toBe("AC");
    // The reference's load test starts with the quiet test, before the submission's own load test.
    expect(order.indexOf("reference load")).toBeLessThan(order.indexOf("submission load"));
    expect(order.indexOf("reference load")).toBeGreaterThan(order.indexOf("submission 1"));
    expect(reference.stops).toBe(1);

    const unused = server({ report: echo(4000, 2) });
    const failed = await gradeServer({
      grader: quietGrader,
      mode: "submit",
      server: server({ report: () => ({ ok: false, error: "wrong" }) }),
      startReference: async () => unused,
    });
    expect(failed.verdict).toBe("WA");
    expect(unused.stops).toBe(1);
  });

  it("fails a server too slow under load, with both figures", async () => {
    const result = await gradeServer({
      grader,
      mode: "submit",
      server: server({ report: echo(1500, 3) }),
      startReference: async () => server({ report: echo(4000, 2) }),
    });
    expect(result.verdict).toBe("TLE");
    expect(result.performance?.message).toMatch(/Your server: 1,500 requests\/s.*the reference: 4,000 requests\/s/);
    expect(result.performance?.message).toMatch(/^Too slow under load: it served 0\.38× of the reference's requests per second, at least 0\.\d+× needed\. /);
    expect(result.performance?.limits).toEqual([
      { limit: "throughput", kept: false },
      { limit: "p99", kept: true },
    ]);
  });

  it("fails a server whose p99 latency alone is too high, with throughput to spare", async () => {
    const result = await gradeServer({
      grader,
      mode: "submit",
      server: server({ report: echo(4000, 11) }),
      startReference: async () => server({ report: echo(4000, 2) }),
    });
    expect(result.verdict).toBe("TLE");
    expect(result.performance?.message).toMatch(/^Too slow under load: its p99 latency was 5\.5× the reference's, at most 5× allowed\. Your server/);
    expect(result.performance?.limits).toEqual([
      { limit: "throughput", kept: true },
      { limit: "p99", kept: false },
    ]);
  });

  it("calls a load too weak to judge our problem, not the user's", async () => {
    await expect(
      gradeServer({ grader, mode: "submit", server: server({ report: echo(500, 3) }), startReference: async () => server({ report: echo(800, 2, 700) }) }),
    ).rejects.toThrow(/Inconclusive: the load generator could drive only 700 requests\/s, less than twice the pass threshold of 400/);
  });

  it("stops testing a server that exited, and says so", async () => {
    let probes = 0;
    const dying = server({
      report: (args) => (probes++, { ok: true, echoed: Number(args[0]) }),
      processes: () => (probes >= 2 ? [] : [{ pid: 1, threads: 1, openFiles: 4 }]),
    });
    const result = await gradeServer({ grader, mode: "submit", server: dying, startReference: async () => server({ report: echo(4000, 2) }) });
    expect(result.verdict).toBe("RE");
    expect(result.tests.map((t) => t.status)).toEqual(["pass", "fail", "skipped"]);
    expect(probes).toBe(2);
  });

  it("fails threads under load and descriptors kept after clients left", async () => {
    const threaded = server({ report: echo(4000, 2), processes: () => [{ pid: 1, threads: 51, openFiles: 4 }] });
    expect((await gradeServer({ grader, mode: "submit", server: threaded })).tests[1]).toMatchObject({
      verdict: "WA",
      message: expect.stringMatching(/51 threads/),
    });
    let probes = 0;
    const leaky = server({
      report: (args) => (probes++, { ok: true, echoed: Number(args[0]) }),
      processes: () => [{ pid: 1, threads: 1, openFiles: probes >= 3 ? 24 : 4 }],
    });
    const result = await gradeServer({ grader: { ...grader, performance: undefined }, mode: "submit", server: leaky });
    expect(result.tests[2]).toMatchObject({ verdict: "WA", message: expect.stringMatching(/still held 24 open descriptors, 20 more/) });
  });

  it("allows a language runtime's own threads, but not one per connection", async () => {
    const runtime = (threads: number) => server({ report: echo(4000, 2), processes: () => [{ pid: 1, threads, openFiles: 4 }] });
    const noLoad = { ...grader, performance: undefined };
    expect((await gradeServer({ grader: noLoad, mode: "submit", server: runtime(7), runtime: { threads: 16, descriptors: 0 } })).verdict).toBe("AC");
    const threaded = await gradeServer({ grader: noLoad, mode: "submit", server: runtime(40), runtime: { threads: 16, descriptors: 0 } });
    expect(threaded.tests[1]).toMatchObject({
      verdict: "WA",
      message: expect.stringMatching(/40 threads at once.*runtime may run up to 16 threads of its own/),
    });
    expect((await gradeServer({ grader: noLoad, mode: "submit", server: runtime(2) })).tests[1]).toMatchObject({ verdict: "WA" });
  });

  it("allows the descriptors a runtime opens by itself, but not a leak", async () => {
    const opening = (later: number) => {
      let probes = 0;
      return server({
        report: (args) => (probes++, { ok: true, echoed: Number(args[0]) }),
        processes: () => [{ pid: 1, threads: 1, openFiles: probes >= 2 ? 4 + later : 4 }],
      });
    };
    const noLoad = { ...grader, performance: undefined };
    expect((await gradeServer({ grader: noLoad, mode: "submit", server: opening(3), runtime: { threads: 16, descriptors: 3 } })).verdict).toBe("AC");
    expect((await gradeServer({ grader: noLoad, mode: "submit", server: opening(4), runtime: { threads: 16, descriptors: 3 } })).tests[2]).toMatchObject({
      verdict: "WA",
    });
  });

  it("fails a server that spins while its clients are idle, from its CPU time over the test", async () => {
    const idle = defineServerGrader({
      ...grader,
      performance: undefined,
      tests: () => [
        { name: "idle", visibility: "hidden", args: ["3"], wallSeconds: 5, maxCpuShare: 0.25, cpuHint: "the loop spins instead of sleeping in epoll_wait." },
      ],
    });
    const spinning = (cpuPerProbe: number) => {
      let cpu = 0;
      return server({
        report: (args) => ((cpu += cpuPerProbe), { ok: true, echoed: Number(args[0]) }),
        cpuMs: () => cpu,
      });
    };
    expect((await gradeServer({ grader: idle, mode: "submit", server: spinning(1) })).verdict).toBe("AC");
    const result = await gradeServer({ grader: idle, mode: "submit", server: spinning(10_000) });
    expect(result.tests[0]).toMatchObject({ verdict: "WA", message: expect.stringMatching(/used 10000 ms of CPU .* at most 25 % allowed\): the loop spins/) });
  });

  it("fails a server without an epoll instance watching its sockets, where the test asks for one", async () => {
    const epoll = defineServerGrader({
      ...grader,
      performance: undefined,
      tests: () => [
        { name: "hello", visibility: "public", args: ["1"], wallSeconds: 5 },
        { name: "idle", visibility: "hidden", args: ["3"], wallSeconds: 5, usesEpoll: true },
      ],
    });
    const holding = (epollInstances: number) =>
      server({ report: echo(4000, 2), processes: ({ epoll }) => [{ pid: 1, threads: 1, openFiles: 4, ...(epoll ? { epollInstances } : {}) }] });
    expect((await gradeServer({ grader: epoll, mode: "submit", server: holding(1) })).verdict).toBe("AC");
    const polling = await gradeServer({ grader: epoll, mode: "submit", server: holding(0) });
    expect(polling.tests.map((test) => test.verdict)).toEqual(["AC", "WA"]);
    expect(polling.tests[1]?.message).toMatch(/no epoll instance watching its sockets.*not poll, select/);
    // Only the test that asks reads the descriptors, and one process of several holding it is enough.
    const asked: boolean[] = [];
    const forked = server({
      report: echo(4000, 2),
      processes: ({ epoll }) => (
        asked.push(Boolean(epoll)),
        [
          { pid: 1, threads: 1, openFiles: 4, epollInstances: 0 },
          { pid: 2, threads: 1, openFiles: 5, epollInstances: 1 },
        ]
      ),
    });
    expect((await gradeServer({ grader: epoll, mode: "submit", server: forked })).verdict).toBe("AC");
    expect(asked.filter(Boolean)).toHaveLength(1);
    expect(asked.at(-1)).toBe(true);
    const silent = server({ report: echo(4000, 2), processes: () => [{ pid: 1, threads: 1, openFiles: 4 }] });
    await expect(gradeServer({ grader: epoll, mode: "submit", server: silent })).rejects.toThrow(/did not report the server's epoll instances/);
    expect(silent.stops).toBe(1);
  });

  it("says a server that vanished at its memory limit ran out of memory, and stops it at once", async () => {
    let probes = 0;
    const leaking = server({
      report: (args) => (probes++, { ok: true, echoed: Number(args[0]) }),
      processes: () => (probes >= 2 ? [] : [{ pid: 1, threads: 1, openFiles: 4 }]),
      stopped: { ...stopped, outcome: "MLE", memoryKiB: 524_288 },
    });
    const result = await gradeServer({ grader: { ...grader, performance: undefined }, mode: "submit", server: leaking });
    expect(result.verdict).toBe("MLE");
    expect(result.tests[1]).toMatchObject({ verdict: "MLE", message: expect.stringMatching(/ran out of memory during this test/) });
    expect(result.metrics.peakMemoryKiB).toBe(524_288);
    expect(leaking.stops).toBe(1);
    const crashing = server({
      report: (args) => ({ ok: true, echoed: Number(args[0]) }),
      processes: () => [],
      stopped: { ...stopped, outcome: "RE", exitCode: 1 },
    });
    expect((await gradeServer({ grader: { ...grader, performance: undefined }, mode: "submit", server: crashing })).tests[0]).toMatchObject({
      verdict: "RE",
      message: expect.stringMatching(/exited \(or crashed\)/),
    });
  });

  it("passes on the tool's own finding; a tool that prints no report is our failure", async () => {
    const wrong = server({ report: () => ({ ok: false, error: "GET returned a stale value." }) });
    expect((await gradeServer({ grader, mode: "run", server: wrong })).tests[0]).toMatchObject({ verdict: "WA", message: "GET returned a stale value." });
    const broken = server({ report: () => ({ stdout: "Traceback (most recent call last):", exitCode: 1 }) });
    await expect(gradeServer({ grader, mode: "run", server: broken })).rejects.toThrow(/grading tool failed/);
    expect(broken.stops).toBe(1);
  });
});

// Grades a `server` exercise: the submission runs as a server; the exercise's trusted tool, in its
// own container sharing only the server's loopback, runs each test's scenario and reports. Between
// tests the host looks at the server's processes (threads, open descriptors); the performance check
// loads the submission and the reference server alike and compares throughput and p99 latency.
import { describeReport, excerpt } from "@/graders/core/checkers";
import { formatFigure, formatMs, formatRatio } from "@/graders/core/performance";
import type { GradingResult, PerformanceResult, TestResult } from "@/contracts/grading-result";
import type { ProgramRun, ServingProgram, ToolRun } from "@/contracts/programs";
import type { Verdict } from "@/contracts/verdicts";
import { type GradingMode, gradingResult, type ProgressListener, performanceDue, runTests } from "@/graders/core/test-loop";
import type { HarnessReport, ServerGrader, ServerTestCase } from "@/graders/core/types";

export interface GradeServerOptions {
  grader: ServerGrader;
  mode: GradingMode;
  server: ServingProgram;
  /** Starts the reference server, for the performance check (Submit). */
  startReference?: () => Promise<ServingProgram>;
  seed?: number;
  onProgress?: ProgressListener;
  /** What the language's runtime holds by itself: a single-threaded server may have this many threads, and open this many descriptors after the first test. */
  runtime?: { threads: number; descriptors: number };
}

/** How long the server has to close a departed client's descriptors. */
const DESCRIPTOR_GRACE_MS = 1_000;

const SERVER_GONE = "Your server exited (or crashed) during this test: it must keep serving until it is stopped.";
const OUT_OF_MEMORY = "Your server ran out of memory during this test and was stopped at the memory limit.";

type Judged = { ok: true; report: HarnessReport } | { ok: false; verdict: Verdict; message: string };

/** The tool's report; a tool that says nothing readable is our failure, not the user's. */
function toolReport(test: ServerTestCase, run: ToolRun): HarnessReport | "timed out" {
  if (run.timedOut) return "timed out";
  const line = run.stdout.trim().split("\n").pop() ?? "";
  try {
    const report = JSON.parse(line) as unknown;
    if (typeof report === "object" && report !== null && !Array.isArray(report)) return report as HarnessReport;
  } catch {
    // fall through
  }
  throw new Error(`The grading tool failed on ${test.name} (exit ${run.exitCode}): ${excerpt(run.stderr || run.stdout, 500)}`);
}

/** How often the server's processes are looked at while a test loads it. */
const SAMPLE_EVERY_MS = 50;

/** Runs the tool; meanwhile the most processes and threads the server had at once. */
async function probeWatching(server: ServingProgram, test: ServerTestCase): Promise<{ run: ToolRun; peak: { processes: number; threads: number } }> {
  const peak = { processes: 0, threads: 0 };
  let probing = true;
  const sampling = (async () => {
    while (probing) {
      const processes = await server.processes();
      peak.processes = Math.max(peak.processes, processes.length);
      peak.threads = Math.max(
        peak.threads,
        processes.reduce((sum, process) => sum + process.threads, 0),
      );
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
  })();
  try {
    return { run: await server.probe(test.args, test.wallSeconds), peak };
  } finally {
    probing = false;
    await sampling;
  }
}

async function judgeTest(
  grader: ServerGrader,
  test: ServerTestCase,
  server: ServingProgram,
  baseline: { openFiles?: number },
  runtime: { threads: number; descriptors: number },
): Promise<Judged> {
  const cpuBefore = test.maxCpuShare === undefined ? 0 : await server.cpuMs();
  const startedAt = performance.now();
  const { run, peak } = await probeWatching(server, test);
  const wallMs = performance.now() - startedAt;
  const processes = await server.processes({ epoll: test.usesEpoll });
  if (processes.length === 0) return { ok: false, verdict: "RE", message: SERVER_GONE };
  const report = toolReport(test, run);
  if (report === "timed out") return { ok: false, verdict: "TLE", message: `Your server stopped answering: the test did not finish in ${test.wallSeconds} s.` };
  if (report.ok === false) return { ok: false, verdict: "WA", message: typeof report.error === "string" ? report.error : "The server's answers were wrong." };
  const checked = grader.check(test, report);
  if (!checked.ok) return { ok: false, verdict: "WA", message: checked.message };

  if (test.singleThreaded && (peak.processes > 1 || peak.threads > runtime.threads)) {
    const allowed = runtime.threads > 1 ? ` (your language's runtime may run up to ${runtime.threads} threads of its own, not one per connection)` : "";
    return {
      ok: false,
      verdict: "WA",
      message: `Under load your server ran ${peak.processes} process(es) with ${peak.threads} threads at once; this exercise asks for one thread serving every connection from an event loop${allowed}.`,
    };
  }
  if (test.usesEpoll && !usesEpoll(processes)) {
    return {
      ok: false,
      verdict: "WA",
      message:
        "Your server has no epoll instance watching its sockets: this exercise asks for an event loop on epoll (C: epoll_create1, epoll_ctl, epoll_wait; Go: syscall.EpollCreate1, EpollCtl, EpollWait; Python: select.epoll), not poll, select or a loop over non-blocking calls.",
    };
  }
  if (test.maxCpuShare !== undefined) {
    const cpuMs = (await server.cpuMs()) - cpuBefore;
    if (cpuMs > test.maxCpuShare * wallMs) {
      return {
        ok: false,
        verdict: "WA",
        message: `While its clients were connected but idle, your server used ${Math.round(cpuMs)} ms of CPU in ${(wallMs / 1000).toFixed(1)} s (${Math.round((100 * cpuMs) / wallMs)} %, at most ${Math.round(100 * test.maxCpuShare)} % allowed)${test.cpuHint ? `: ${test.cpuHint}` : "."}`,
      };
    }
  }
  if (test.releasesDescriptors && baseline.openFiles !== undefined) {
    const allowed = baseline.openFiles + runtime.descriptors;
    const settled = await descriptorsAfterClientsLeft(server, allowed);
    if (settled > allowed) {
      return {
        ok: false,
        verdict: "WA",
        message: `After every client disconnected your server still held ${settled} open descriptors, ${settled - baseline.openFiles} more than before: close a connection's socket (and remove it from epoll) when its client leaves.`,
      };
    }
  }
  baseline.openFiles ??= openFiles(processes);
  return { ok: true, report };
}

function usesEpoll(processes: { epollInstances?: number }[]): boolean {
  if (processes.some((process) => process.epollInstances === undefined)) throw new Error("The sandbox did not report the server's epoll instances.");
  return processes.some((process) => (process.epollInstances ?? 0) > 0);
}

const openFiles = (processes: { openFiles: number }[]) => processes.reduce((sum, process) => sum + process.openFiles, 0);

/** Open descriptors once the server has had a moment to see its clients go. */
async function descriptorsAfterClientsLeft(server: ServingProgram, baseline: number): Promise<number> {
  const deadline = Date.now() + DESCRIPTOR_GRACE_MS;
  let count = openFiles(await server.processes());
  while (count > baseline && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    count = openFiles(await server.processes());
  }
  return count;
}

export async function gradeServer(options: GradeServerOptions): Promise<GradingResult> {
  const { grader, mode, server } = options;
  const seed = options.seed ?? grader.seed;
  const baseline: { openFiles?: number } = {};

  let results: TestResult[];
  let performance: PerformanceResult | undefined;
  let ended: ProgramRun | undefined;
  // A Submit starts the reference server while the tests run (it waits in epoll_wait meanwhile), so
  // the performance check does not wait for it.
  const spec = grader.performance;
  const referenceStarting = mode === "submit" && spec && options.startReference ? options.startReference() : undefined;
  referenceStarting?.then(
    (reference) => reference.prepare?.(),
    () => undefined,
  );
  let referenceStopped = false;
  /** The reference's load test, run alongside a quiet test (see ServerTestCase.quiet). */
  let referenceLoad: Promise<LoadFigures> | undefined;
  server.prepare?.();
  try {
    const all = grader.tests(seed);
    const tests = mode === "submit" ? all : all.filter((test) => test.visibility === "public");
    results = await runTests(
      tests,
      async (test) => {
        if (ended) return { name: test.name, visibility: test.visibility, status: "skipped", message: "Not run: your server had exited." };
        if (test.quiet && spec && referenceStarting && !referenceLoad) {
          referenceLoad = referenceStarting.then((reference) => underLoad(spec, reference));
          referenceLoad.catch(() => undefined);
        }
        let judged = await judgeTest(grader, test, server, baseline, options.runtime ?? { threads: 1, descriptors: 0 });
        if (!judged.ok && judged.message === SERVER_GONE) {
          // Nothing is left to test; how it ended tells a crash from the memory limit.
          ended = await server.stop();
          if (ended.outcome === "MLE") judged = { ok: false, verdict: "MLE", message: OUT_OF_MEMORY };
        }
        return {
          name: test.name,
          visibility: test.visibility,
          status: judged.ok ? "pass" : "fail",
          verdict: judged.ok ? "AC" : judged.verdict,
          message: judged.ok ? undefined : judged.message,
          ...(test.visibility === "public"
            ? { input: test.description ?? test.args.join(" "), report: judged.ok ? excerpt(describeReport(judged.report), 2048) : undefined }
            : {}),
        };
      },
      options.onProgress,
    );
    if (spec && performanceDue(mode, results, true)) {
      if (!referenceStarting) throw new Error("The performance check needs the reference server.");
      await options.onProgress?.({ type: "performance", state: "started" });
      // Two load tests: the submission's, then the reference's (unless it ran alongside a quiet test).
      await options.onProgress?.({ type: "performance", state: "measuring", done: 0, planned: 2 });
      const submission = await underLoad(spec, server);
      await options.onProgress?.({ type: "performance", state: "measuring", done: 1, planned: 2 });
      const referenceServer = await referenceStarting;
      let reference: Awaited<ReturnType<typeof underLoad>>;
      try {
        reference = await (referenceLoad ?? underLoad(spec, referenceServer));
        await options.onProgress?.({ type: "performance", state: "measuring", done: 2, planned: 2 });
      } finally {
        referenceStopped = true;
        await referenceServer.stop();
      }
      if ("failed" in reference) throw new Error(`The reference server failed the load test: ${reference.failed}.`);
      const threshold = spec.minThroughputRatio * reference.throughput;
      if (reference.capacity !== undefined && !(reference.capacity >= 2 * threshold)) {
        throw new Error(
          `Inconclusive: the load generator could drive only ${Math.round(reference.capacity)} requests/s, less than twice the pass threshold of ${Math.round(threshold)} requests/s (${formatRatio(spec.minThroughputRatio)} the reference's ${Math.round(reference.throughput)}).`,
        );
      }
      performance =
        "failed" in submission
          ? {
              passed: false,
              verdict: submission.verdict,
              cpuMs: 0,
              referenceCpuMs: 0,
              ratio: 0,
              tolerance: 1 / spec.minThroughputRatio,
              message: submission.failed,
            }
          : serverPerformance(spec, reference, submission);
      await options.onProgress?.({ type: "performance", state: "finished" });
    }
  } finally {
    ended ??= await server.stop();
    if (referenceStarting && !referenceStopped)
      await referenceStarting.then(
        (reference) => reference.stop(),
        () => undefined,
      );
  }
  const result = gradingResult(results, { performanceDue: mode === "submit" && grader.performance !== undefined, performance });
  return { ...result, metrics: { maxCpuMs: ended.cpuMs, peakMemoryKiB: ended.memoryKiB } };
}

type LoadFigures = { throughput: number; p99Ms: number; capacity?: number } | { failed: string; verdict: Verdict };

/** One load test against `server`: its figures, or how it failed. */
async function underLoad(spec: NonNullable<ServerGrader["performance"]>, server: ServingProgram): Promise<LoadFigures> {
  const report = toolReport(spec.test, await server.probe(spec.test.args, spec.test.wallSeconds));
  if (report === "timed out") return { failed: "Your server stopped answering under the load test.", verdict: "TLE" };
  if (report.ok === false) return { failed: `Under load: ${String(report.error ?? "wrong answers")}`, verdict: "WA" };
  return { ...spec.measure(report), capacity: spec.generatorCapacity?.(report) };
}

/** The performance block of a server's result, from both servers' figures. */
export function serverPerformance(
  spec: NonNullable<ServerGrader["performance"]>,
  reference: { throughput: number; p99Ms: number },
  mine: { throughput: number; p99Ms: number },
): PerformanceResult {
  const throughputRatio = reference.throughput > 0 ? mine.throughput / reference.throughput : 0;
  const p99Ratio = reference.p99Ms > 0 ? mine.p99Ms / reference.p99Ms : mine.p99Ms > 0 ? Infinity : 1;
  const throughputKept = throughputRatio >= spec.minThroughputRatio;
  const p99Kept = p99Ratio <= spec.maxP99Ratio;
  const passed = throughputKept && p99Kept;
  const figures = `Your server: ${formatFigure(mine.throughput)} requests/s, p99 ${formatMs(mine.p99Ms)}; the reference: ${formatFigure(reference.throughput)} requests/s, p99 ${formatMs(reference.p99Ms)} (throughput ${formatRatio(throughputRatio)} of it, at least ${formatRatio(spec.minThroughputRatio)} needed; p99 ${formatRatio(p99Ratio)}, at most ${formatRatio(spec.maxP99Ratio)}).`;
  const broken = [
    ...(throughputKept
      ? []
      : [`it served ${formatRatio(throughputRatio)} of the reference's requests per second, at least ${formatRatio(spec.minThroughputRatio)} needed`]),
    ...(p99Kept ? [] : [`its p99 latency was ${formatRatio(p99Ratio)} the reference's, at most ${formatRatio(spec.maxP99Ratio)} allowed`]),
  ];
  return {
    passed,
    verdict: passed ? "AC" : "TLE",
    cpuMs: 0,
    referenceCpuMs: 0,
    ratio: throughputRatio > 0 ? 1 / throughputRatio : 0,
    tolerance: 1 / spec.minThroughputRatio,
    server: {
      throughput: mine.throughput,
      referenceThroughput: reference.throughput,
      minThroughputRatio: spec.minThroughputRatio,
      p99Ms: mine.p99Ms,
      referenceP99Ms: reference.p99Ms,
      maxP99Ratio: spec.maxP99Ratio,
    },
    message: passed ? figures : `Too slow under load: ${broken.join("; and ")}. ${figures}`,
    limits: [
      { limit: "throughput", kept: throughputKept },
      { limit: "p99", kept: p99Kept },
    ],
  };
}

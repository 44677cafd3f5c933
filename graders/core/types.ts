// What an exercise's grader declares, and the one seam through which grading runs programs.
import type { Language } from "@/contracts/languages";
import { callSite, type Generate, isMemoized, memoized } from "@/graders/core/memo";
import type { SourceRule } from "@/graders/core/source-rules";

/** One test of an `io` exercise. */
export interface IoTestCase {
  name: string;
  visibility: "public" | "hidden";
  input: string;
  /** The answer the checker compares with; for any-valid-answer exercises the checker may ignore it. */
  expected?: string;
  /** A non-revealing description for hidden tests' messages ("2,000 processes, 50 resources"). */
  description?: string;
  /** A Run's test on the user's own input. */
  ownInput?: boolean;
}

/** Interleaved pairs of runs per performance workload when a grader does not say. */
export const DEFAULT_REPEATS = 5;

export type CheckOutcome = { ok: true } | { ok: false; message: string };

/** Judges one output. `message` may name specifics for public tests; hidden ones get a category only. */
export type Checker = (test: IoTestCase, output: string) => CheckOutcome;

export type { Generate } from "@/graders/core/memo";

export interface PerformanceSpec {
  /** Inputs large enough that CPU time means something; run by the submission and the reference. */
  workloads: Generate<IoTestCase[]>;
  /**
   * Judges the submission's output on a workload whose `expected` is the reference's output in the
   * same job (workloads may come without one); default: the exercise's checker.
   */
  check?: Checker;
  /** Pass while submission CPU ≤ tolerance × reference CPU. */
  tolerance: number;
  /**
   * At most this many interleaved pairs of runs per workload (default DEFAULT_REPEATS); medians
   * count. One pair decides a ratio far from the limit (see DECISIVE_FACTOR in performance.ts); more
   * are taken only near it.
   */
  repeats?: number;
  /** Optional growth check: the same workload at n and at 4n. */
  growth?: {
    small: Generate<IoTestCase>;
    large: Generate<IoTestCase>;
    /** Pass while cost(4n) / cost(n) ≤ maxRatio. */
    maxRatio: number;
  };
}

/**
 * What every kind of grader may declare: source rules per language (modules, names), refused before
 * building as a compile error on the offending line. Link exercises add the platform's own
 * (graders/core/link-rules.ts).
 */
interface GraderBase {
  sourceRules?: Partial<Record<Language, SourceRule[]>>;
}

export interface IoGrader extends GraderBase {
  kind: "io";
  /**
   * Its tests judge what happens in real time (sleeps, timeouts, backoff), so a verdict could move
   * with the machine's load: its proof runs alone, as timed proofs do (graders/self-test.int.test.ts).
   */
  realTime?: boolean;
  /** Hidden tests from a fixed seed, so every grading of every submission sees the same tests. */
  hiddenTests: Generate<IoTestCase[]>;
  check: Checker;
  performance?: PerformanceSpec;
  /** The seed graders use unless a self-test asks for another. */
  seed: number;
}

/**
 * One test of a `link` exercise: a scenario the exercise's harness (which owns `main` and calls the
 * user's API) reads on standard input, after a line with a nonce that its report must echo.
 */
export interface LinkTestCase {
  name: string;
  visibility: "public" | "hidden";
  scenario: string;
  /** A non-revealing description for hidden tests' messages ("32 producers, capacity 1"). */
  description?: string;
  /** Run on the race-detector build where the language has one (ThreadSanitizer, Go's -race). */
  raceDetector?: boolean;
  /** A Run's test on the user's own scenario. */
  ownInput?: boolean;
  /**
   * A behaviour check on CPU time: the run may use at most this multiple of the reference's CPU
   * on the same scenario (e.g. threads that must block, not spin, while the buffer is empty).
   */
  maxCpuRatio?: number;
  /** What a failed CPU check means, in the user's terms ("consumers spin while the buffer is empty"). */
  cpuHint?: string;
}

/** What the harness wrote on its report descriptor, once its nonce was checked. */
export type HarnessReport = Record<string, unknown>;

export type LinkChecker = (test: LinkTestCase, report: HarnessReport) => CheckOutcome;

export interface LinkGrader extends GraderBase {
  kind: "link";
  /** Public tests (what Run shows) and hidden ones, from a fixed seed. */
  tests: Generate<LinkTestCase[]>;
  /** Recomputes what the report must say from the scenario (checksums, counts) and judges it. */
  check: LinkChecker;
  /**
   * Run only: the user's own scenario as the harness reads it, or why the harness cannot take it
   * (malformed, out of the statement's ranges), said before anything runs: it is the input's
   * problem, not the user's code's.
   */
  customScenario: (input: string) => { ok: true; scenario: string } | { ok: false; message: string };
  performance?: {
    /** Scenarios run by the submission and the reference, interleaved; CPU medians compared. */
    workloads: Generate<LinkTestCase[]>;
    tolerance: number;
    /** Default DEFAULT_REPEATS, as for io exercises. */
    repeats?: number;
  };
  seed: number;
}

/** One test of a `server` exercise: one run of the tool against the server. */
export interface ServerTestCase {
  name: string;
  visibility: "public" | "hidden";
  /** Arguments for the tool (which scenario, how many connections…). */
  args: string[];
  wallSeconds: number;
  description?: string;
  /** After this test the server must be one process with one thread (an event loop, not threads). */
  singleThreaded?: boolean;
  /** After this test's clients left, the server's open descriptors must be back where they were after the first test. */
  releasesDescriptors?: boolean;
  /** After this test, the server must hold an epoll instance watching its sockets (a language runtime's own does not count). */
  usesEpoll?: boolean;
  /**
   * The submission's server is idle through this test (its clients are silent): a Submit runs the
   * reference server's load test alongside it, on the reference's own containers, instead of after.
   */
  quiet?: boolean;
  /**
   * A behaviour check: while this test runs (clients connected but idle), the server may use at
   * most this share of the wall time in CPU. An event loop blocked in epoll_wait uses almost none.
   */
  maxCpuShare?: number;
  /** What a failed CPU check means, in the user's terms ("the loop spins instead of sleeping in epoll_wait"). */
  cpuHint?: string;
}

export interface ServerGrader extends GraderBase {
  kind: "server";
  /** The trusted tool, built from graders/<slug>/tool/ in this language; `limits` for its container. */
  tool: { language: Language; limits?: { openFiles?: number; memoryMiB?: number; pids?: number } };
  tests: (seed: number) => ServerTestCase[];
  /** Judges the tool's report (JSON on its stdout, `ok` false with an `error` for what it found wrong). */
  check: (test: ServerTestCase, report: HarnessReport) => CheckOutcome;
  performance?: {
    /** Run against the submission and the reference server; both reports measured. */
    test: ServerTestCase;
    measure: (report: HarnessReport) => { throughput: number; p99Ms: number };
    /** Pass while throughput ≥ this × the reference's… */
    minThroughputRatio: number;
    /** …and p99 latency ≤ this × the reference's. */
    maxP99Ratio: number;
    /**
     * What the tool could drive were the server infinitely fast (requests per second of its own
     * CPU). It must reach 2× the pass threshold against the reference, or the run is inconclusive:
     * our problem, retried, never the user's failure.
     */
    generatorCapacity?: (report: HarnessReport) => number;
  };
  seed: number;
}

export type Grader = IoGrader | LinkGrader | ServerGrader;

const DEFAULT_SEED = 20261123;

/**
 * Every generator of a grader (tests, workloads, growth) built once per seed (and language): those a
 * grader memoized itself are left as they are; the others are known across threads by where the
 * grader is defined and which generator they are.
 */
function once<T>(generate: Generate<T>, site: string, part: string): Generate<T> {
  return isMemoized(generate) ? generate : memoized(generate, `${site}#${part}`);
}

export function defineIoGrader(grader: Omit<IoGrader, "kind" | "seed"> & { seed?: number }): IoGrader {
  const site = callSite(1);
  const { performance } = grader;
  return {
    kind: "io",
    seed: DEFAULT_SEED,
    ...grader,
    hiddenTests: once(grader.hiddenTests, site, "hiddenTests"),
    performance: performance && {
      ...performance,
      workloads: once(performance.workloads, site, "workloads"),
      growth: performance.growth && {
        ...performance.growth,
        small: once(performance.growth.small, site, "growth.small"),
        large: once(performance.growth.large, site, "growth.large"),
      },
    },
  };
}

export function defineServerGrader(grader: Omit<ServerGrader, "kind" | "seed"> & { seed?: number }): ServerGrader {
  return { kind: "server", seed: DEFAULT_SEED, ...grader };
}

export function defineLinkGrader(grader: Omit<LinkGrader, "kind" | "seed"> & { seed?: number }): LinkGrader {
  const site = callSite(1);
  const { performance } = grader;
  return {
    kind: "link",
    seed: DEFAULT_SEED,
    ...grader,
    tests: once(grader.tests, site, "tests"),
    performance: performance && { ...performance, workloads: once(performance.workloads, site, "workloads") },
  };
}

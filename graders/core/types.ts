// What an exercise's grader declares, and the one seam through which grading runs programs.
import type { Verdict } from "@/lib/exercises/manifest";
import type { RunMetrics } from "@/graders/core/results";

/** How one run of a compiled program ended, as the sandbox saw it. */
export interface ProgramRun extends RunMetrics {
  /** The sandbox's reading: ok, or which limit ended the run, or a crash. */
  outcome: "ok" | "TLE" | "MLE" | "OLE" | "RE";
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** A compiled submission (or reference) ready to run many times: the grader's only view of a sandbox. */
export interface ExecutableProgram {
  run(input: { stdin: string }): Promise<ProgramRun>;
}

/** One test of an `io` exercise. */
export interface IoTestCase {
  name: string;
  visibility: "public" | "hidden";
  input: string;
  /** The answer the checker compares with; for any-valid-answer exercises the checker may ignore it. */
  expected?: string;
  /** A non-revealing description for hidden tests' messages ("2,000 processes, 50 resources"). */
  description?: string;
}

export type CheckOutcome = { ok: true } | { ok: false; message: string };

/** Judges one output. `message` may name specifics for public tests; hidden ones get a category only. */
export type Checker = (test: IoTestCase, output: string) => CheckOutcome;

export interface PerformanceSpec {
  /** Inputs large enough that CPU time means something; run by the submission and the reference. */
  workloads: (seed: number) => IoTestCase[];
  /** Pass while submission CPU ≤ tolerance × reference CPU. */
  tolerance: number;
  /** Runs per workload and program; the median counts. */
  repeats: number;
  /** Optional growth check: the same workload at n and at 4n. */
  growth?: {
    small: (seed: number) => IoTestCase;
    large: (seed: number) => IoTestCase;
    /** Pass while cost(4n) / cost(n) ≤ maxRatio. */
    maxRatio: number;
  };
}

export interface IoGrader {
  kind: "io";
  /** Hidden tests from a fixed seed, so every grading of every submission sees the same tests. */
  hiddenTests: (seed: number) => IoTestCase[];
  check: Checker;
  performance?: PerformanceSpec;
  /** The seed graders use unless a self-test asks for another. */
  seed: number;
}

export type Grader = IoGrader;

export function defineIoGrader(grader: Omit<IoGrader, "kind" | "seed"> & { seed?: number }): IoGrader {
  return { kind: "io", seed: 20261123, ...grader };
}

export type { Verdict };

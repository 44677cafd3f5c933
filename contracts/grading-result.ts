// The result of grading, in Exercism's results.json v3 shape (version, status, message, tests[])
// extended with each test's visibility, verdict and metrics, and a performance block. This is what
// the API and the browser receive, so hidden tests carry no input and no expected output.
import { z } from "zod";
import { verdictSchema } from "./verdicts";

/** What a performance check can hold a submission to: CPU time, cost growth, a server's throughput and p99 latency. */
export const PERFORMANCE_LIMITS = ["cpu", "growth", "throughput", "p99"] as const;
export type PerformanceLimit = (typeof PERFORMANCE_LIMITS)[number];

export const runMetricsSchema = z.object({
  cpuMs: z.number().nonnegative(),
  wallMs: z.number().nonnegative(),
  memoryKiB: z.number().nonnegative(),
});

export const testResultSchema = z.object({
  name: z.string(),
  /** results.json v3 statuses, plus `skipped` for tests not run after an earlier failure (or own input refused). */
  status: z.enum(["pass", "fail", "error", "skipped"]),
  visibility: z.enum(["public", "hidden"]),
  /** A Run's test on the user's own input or scenario; `skipped` when the input was refused. */
  ownInput: z.boolean().optional(),
  verdict: verdictSchema.optional(),
  message: z.string().optional(),
  /** What a concurrency check found: a data race (the race-detector build) or threads stuck waiting (a deadlock or a lost wakeup). */
  finding: z.enum(["race", "deadlock"]).optional(),
  /** The program's output, capped; public tests only. */
  output: z.string().optional(),
  /** `link` exercises, public tests: what the harness reported, one `field: value` per line (the run's nonce left out). */
  report: z.string().optional(),
  /** Public tests only: the input excerpt and the expected output excerpt. */
  input: z.string().optional(),
  expected: z.string().optional(),
  /** Public tests only: the program's standard error, capped, and how it ended (exit status, or the signal that ended it). */
  stderr: z.string().optional(),
  exit: z.object({ code: z.number().int().nullable(), signal: z.string().nullable() }).optional(),
  metrics: runMetricsSchema.optional(),
});

export const performanceResultSchema = z.object({
  passed: z.boolean(),
  /** TLE when too slow; WA, RE, MLE or OLE when a large workload's run itself failed. */
  verdict: verdictSchema,
  /** CPU time of the submission and of the reference on the same tests, same machine, same job. */
  cpuMs: z.number().nonnegative(),
  referenceCpuMs: z.number().nonnegative(),
  ratio: z.number().nonnegative(),
  tolerance: z.number().positive(),
  /** Cost at n and at 4n, when the exercise checks growth. */
  growth: z
    .object({
      smallCpuMs: z.number().nonnegative(),
      largeCpuMs: z.number().nonnegative(),
      ratio: z.number().nonnegative(),
      referenceRatio: z.number().nonnegative(),
      maxRatio: z.number().positive(),
      passed: z.boolean(),
    })
    .optional(),
  /** Servers: throughput and p99 latency under the same load, against the reference server's. */
  server: z
    .object({
      throughput: z.number().nonnegative(),
      referenceThroughput: z.number().nonnegative(),
      minThroughputRatio: z.number().positive(),
      p99Ms: z.number().nonnegative(),
      referenceP99Ms: z.number().nonnegative(),
      maxP99Ratio: z.number().positive(),
    })
    .optional(),
  message: z.string(),
  /**
   * Each limit applied, in order, and whether it was kept; the first one broken decided the
   * verdict. Absent when a large workload's run itself failed, and on results graded before it.
   */
  limits: z.array(z.object({ limit: z.enum(PERFORMANCE_LIMITS), kept: z.boolean() })).optional(),
});

export const gradingResultSchema = z.object({
  version: z.literal(3),
  status: z.enum(["pass", "fail", "error"]),
  verdict: verdictSchema,
  /** 0..1 */
  score: z.number().min(0).max(1),
  /** For the whole submission: a compile error, or why it failed. */
  message: z.string().optional(),
  tests: z.array(testResultSchema),
  performance: performanceResultSchema.optional(),
  metrics: z.object({ maxCpuMs: z.number(), peakMemoryKiB: z.number() }),
});

export type TestResult = z.infer<typeof testResultSchema>;
export type PerformanceResult = z.infer<typeof performanceResultSchema>;
export type GradingResult = z.infer<typeof gradingResultSchema>;
export type RunMetrics = z.infer<typeof runMetricsSchema>;

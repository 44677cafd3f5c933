// What the exercise page loads for its reader after the (prerendered) page itself: their drafts and
// their recent Runs and Submits of the exercise, with the code of each (theirs to see).
import "@/lib/validations/zod-setup";
import { z } from "zod";
import type { GradingResult } from "@/contracts/grading-result";
import { LANGUAGES } from "@/contracts/languages";

/** A past result in figures, for its row in the history (null while it is graded). */
export const resultSummarySchema = z.object({
  testsPassed: z.number().int().nonnegative().nullable(),
  testsTotal: z.number().int().nonnegative().nullable(),
  /** The most CPU time any one test took. */
  cpuMs: z.number().nonnegative().nullable(),
  /** CPU time against the reference's, when performance was measured. */
  performanceRatio: z.number().nonnegative().nullable(),
});

export type ResultSummary = z.infer<typeof resultSummarySchema>;

/** The summary of a result; the history query computes the same in SQL (list-submissions.ts). */
export function summarizeResult(result: GradingResult | null): ResultSummary {
  if (!result) return { testsPassed: null, testsTotal: null, cpuMs: null, performanceRatio: null };
  return {
    testsPassed: result.tests.filter((test) => test.status === "pass").length,
    testsTotal: result.tests.length,
    cpuMs: result.metrics.maxCpuMs,
    performanceRatio: result.performance?.ratio ?? null,
  };
}

export const historyEntrySchema = resultSummarySchema.extend({
  id: z.string(),
  kind: z.enum(["run", "submit"]),
  language: z.enum(LANGUAGES),
  status: z.enum(["queued", "running", "done", "internal_error"]),
  verdict: z.string().nullable(),
  queuedAt: z.iso.datetime(),
  code: z.string(),
});

export const workspaceSchema = z.strictObject({
  signedIn: z.boolean(),
  drafts: z.partialRecord(z.enum(LANGUAGES), z.string()),
  history: z.array(historyEntrySchema),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type Workspace = z.infer<typeof workspaceSchema>;

// mini-top's checker: compares the output with the oracle's line by line and explains the first
// difference column by column, in top's and docker's terms (which process, which column, and the
// rule the expected figure follows).
import { describeDivergence, excerpt, explainedDivergence, firstDivergence, normalisedLines } from "@/graders/core/checkers";
import type { Checker, IoTestCase } from "@/graders/core/types";

const COLUMNS = ["PID", "UID", "S", "THR", "%CPU", "%MEM", "VIRT", "RES", "SHR", "COMMAND"] as const;

const WHY: Record<(typeof COLUMNS)[number], string> = {
  PID: "rows are sorted by the exact CPU ticks of the interval, most first, then by pid",
  UID: "the effective uid: the second number of status's Uid line",
  S: "the state letter of the stat line, read after the command's LAST ')'",
  THR: "num_threads, field 20 of the stat line",
  "%CPU":
    "Δ(utime + stime) × 100 × cpus / Δ(the first eight numbers of the cpu line), one decimal, halves up; a new process (or a reused pid) counts all its ticks",
  "%MEM": "RES / memtotal × 100, one decimal, halves up",
  VIRT: "vsize (field 23) in KiB",
  RES: "rss (field 24, in pages) × page size, in KiB",
  SHR: "RssFile + RssShmem from status, 0 when status has neither",
  COMMAND: "the comm between the first '(' and the LAST ')' of the stat line",
};

const CONTAINER = ["CONTAINER", "CPU %", "memory", "limit", "MEM %"] as const;
const CONTAINER_WHY: Record<(typeof CONTAINER)[number], string> = {
  CONTAINER: "the container line comes last, only when the input has cgroup files",
  "CPU %":
    "Δ usage ns / Δ system ns × cpus × 100, system = the first SEVEN numbers of the cpu line × 10^9 / hertz, two decimals, halves up (0.00 unless both deltas are positive)",
  memory: "usage minus total_inactive_file (v1) or inactive_file (v2) of the second snapshot, when that is less than usage",
  limit: "the cgroup's limit, or memtotal × 1024 when that is less or the limit is unlimited",
  "MEM %": "memory / limit × 100, two decimals, halves up",
};

/** Splits a row into its ten columns; the command keeps its spaces. */
function columns(line: string): string[] {
  const parts = line.split(" ");
  return [...parts.slice(0, 9), parts.slice(9).join(" ")];
}

function explain(expected: string | undefined, actual: string | undefined): string {
  if (expected === undefined) return `your output goes on after the last line ("${excerpt(actual ?? "")}").`;
  if (actual === undefined) return `your output ends before "${excerpt(expected)}".`;
  if (expected.startsWith("CONTAINER ")) {
    const want = expected.split(" ");
    const got = actual.split(" ");
    const at = want.findIndex((value, i) => got[i] !== value);
    const column = CONTAINER[Math.max(0, at)]!;
    if (at <= 0) return `the container line should be "${expected}", not "${excerpt(actual)}": ${CONTAINER_WHY.CONTAINER}.`;
    return `the container's ${column} should be ${want[at]}, not ${got[at] ? excerpt(got[at]) : "nothing"}: ${CONTAINER_WHY[column]}.`;
  }
  const want = columns(expected);
  const got = columns(actual);
  if (want[0] !== got[0]) return `the row should be pid ${want[0]}'s ("${excerpt(expected)}"), not "${excerpt(actual)}": ${WHY.PID}.`;
  const at = want.findIndex((value, i) => got[i] !== value);
  const column = COLUMNS[at]!;
  const shown = got[at] ? excerpt(got[at]) : "nothing";
  return `pid ${want[0]}'s ${column} should be ${want[at]}, not ${shown}: ${WHY[column]}.`;
}

export const checkTop: Checker = (test: IoTestCase, output: string) => {
  if (test.expected === undefined) throw new Error(`Test ${test.name} has no expected output.`);
  if (output === test.expected) return { ok: true };
  const divergence = firstDivergence(normalisedLines(test.expected), normalisedLines(output));
  if (!divergence) return { ok: true };
  if (divergence.expected !== undefined && divergence.actual !== undefined && divergence.actual.trim() === "")
    return { ok: false, message: describeDivergence(test, divergence) };
  return explainedDivergence(test, divergence, explain(divergence.expected, divergence.actual));
};

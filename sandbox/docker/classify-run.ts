// How a sandboxed run ended, as a verdict: the one place its precedence is decided, for programs and
// servers alike. What ended the process decides first (the output cap, the wall clock, RLIMIT_CPU's
// SIGXCPU, the cgroup's OOM killer); CPU over the limit without any of those is still TLE; then a
// program's exit status, or whether a server was still serving when it was stopped.
import type { RunResult } from "@/sandbox/runner";

export interface RunEnding {
  /** The output passed its cap and the run was stopped. */
  flooded: boolean;
  /** The wall-clock limit ran out and the run was stopped. */
  timedOut: boolean;
  /** The process's exit status (128 + N: killed by signal N), null when unknown. */
  exitCode: number | null;
  /** The cgroup's OOM killer killed a process of the run. */
  oomKilled: boolean;
  cpuMs: number;
  cpuLimitMs: number;
  /** Servers only: whether it was still serving when stopped (a server is meant to run until then). */
  stillServing?: boolean;
}

const SIGXCPU = 24;

export function classifyRun(ending: RunEnding): RunResult["verdict"] {
  const signal = ending.exitCode !== null && ending.exitCode > 128 ? ending.exitCode - 128 : null;
  if (ending.flooded) return "OLE";
  if (ending.timedOut || signal === SIGXCPU) return "TLE";
  if (ending.oomKilled) return "MLE";
  if (ending.cpuMs > ending.cpuLimitMs) return "TLE";
  if (ending.stillServing !== undefined) return ending.stillServing ? "OK" : "RE";
  return ending.exitCode === 0 ? "OK" : "RE";
}

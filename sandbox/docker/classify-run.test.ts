import { describe, expect, it } from "vitest";
import { classifyRun, type RunEnding } from "@/sandbox/docker/classify-run";

const ran: RunEnding = { flooded: false, timedOut: false, exitCode: 0, oomKilled: false, cpuMs: 100, cpuLimitMs: 2000 };

describe("classifyRun", () => {
  it.each<[string, Partial<RunEnding>, string]>([
    ["a clean exit", {}, "OK"],
    ["a non-zero exit", { exitCode: 1 }, "RE"],
    ["a crash (SIGSEGV)", { exitCode: 139 }, "RE"],
    ["the wall clock ran out", { timedOut: true, exitCode: null }, "TLE"],
    ["RLIMIT_CPU's SIGXCPU", { exitCode: 128 + 24 }, "TLE"],
    ["CPU over the limit, exit 0", { cpuMs: 2500 }, "TLE"],
    ["the OOM killer (SIGKILL)", { exitCode: 137, oomKilled: true }, "MLE"],
    ["the OOM killer, CPU also over the limit", { exitCode: 137, oomKilled: true, cpuMs: 2500 }, "MLE"],
    ["SIGXCPU while a child was OOM-killed", { exitCode: 128 + 24, oomKilled: true }, "TLE"],
    ["timed out after an OOM kill", { timedOut: true, oomKilled: true, exitCode: null }, "TLE"],
    ["output over its cap, also timed out and OOM-killed", { flooded: true, timedOut: true, oomKilled: true }, "OLE"],
    ["a server still serving when stopped (killed by us)", { exitCode: 137, stillServing: true }, "OK"],
    ["a server that had exited by itself", { exitCode: 0, stillServing: false }, "RE"],
    ["a server OOM-killed", { exitCode: 137, oomKilled: true, stillServing: false }, "MLE"],
    ["a server over its CPU limit", { cpuMs: 2500, stillServing: true }, "TLE"],
  ])("%s → %s", (_case, ending, verdict) => {
    expect(classifyRun({ ...ran, ...ending })).toBe(verdict);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { IoTestCase } from "@/graders/core/types";
import { checkTop } from "@/graders/mini-top/checker";
import grader from "@/graders/mini-top/grader";
import { LIMITS, parseInput, type TopInput, table } from "@/graders/mini-top/top";

const manifest = parse(readFileSync(path.join(import.meta.dirname, "../../exercises/mini-top/exercise.yaml"), "utf8")) as {
  limits: { outputKiB: number };
};
const hidden = grader.hiddenTests(grader.seed, "c");
const performance = grader.performance!;
const named = (name: string): IoTestCase => {
  const test = hidden.find((t) => t.name === name);
  if (!test) throw new Error(`No hidden test named ${name}.`);
  return test;
};
const input = (name: string): TopInput => parseInput(named(name).input)!;

describe("mini-top's hidden tests", () => {
  it("are valid inputs within the stated limits, with answers that fit the output limit", () => {
    const everyTest = (["c", "python"] as const).flatMap((language) => [
      ...grader.hiddenTests(grader.seed, language).filter((test) => language === "c" || test.name.startsWith("large")),
      ...performance.workloads(grader.seed, language),
      performance.growth!.small(grader.seed, language),
    ]);
    for (const test of everyTest) {
      const parsed = parseInput(test.input);
      expect(parsed, test.name).not.toBeNull();
      expect(parsed!.after.processes.length, test.name).toBeLessThanOrEqual(LIMITS.processes);
      expect(parsed!.before.processes.length, test.name).toBeLessThanOrEqual(LIMITS.processes);
      if (test.expected !== undefined) expect(test.expected.length, test.name).toBeLessThanOrEqual(manifest.limits.outputKiB * 1024);
    }
  }, 120_000);

  it("growth is the same kind of snapshots at n and 4n processes", () => {
    for (const language of ["c", "python"] as const) {
      const small = parseInput(performance.growth!.small(grader.seed, language).input)!;
      const large = parseInput(performance.growth!.large(grader.seed, language).input)!;
      expect(large.before.processes.length).toBe(4 * small.before.processes.length);
    }
  });

  it("include the edge cases they are named for", () => {
    // Comms that a split at the first ')' or on spaces gets wrong.
    const comms = table(input("comms with spaces and parentheses")).rows.map((r) => r.comm);
    expect(comms).toEqual(expect.arrayContaining(["a) S 1 2 (b", "))", ") R 99 ("]));
    // Irix mode: a process over 100%.
    expect(table(input("several CPUs: Irix mode")).rows[0]!.cpuTenths).toBeGreaterThan(1000n);
    // Every field of the cpu line moves, guest included.
    const fields = input("iowait, irq, softirq, steal and guest time");
    expect(fields.after.cpu.slice(4, 9).every((v, i) => v > fields.before.cpu[4 + i]!)).toBe(true);
    // Halves: Δticks × 1000 × cpus / Δtotal ends in exactly .5 for every process.
    const halves = input("halves round up");
    const total = halves.after.cpu.slice(0, 8).reduce((a, b) => a + b, 0n) - halves.before.cpu.slice(0, 8).reduce((a, b) => a + b, 0n);
    for (const row of table(halves).rows) expect((row.ticks * 1000n * BigInt(halves.header.cpus) * 2n) % total, `pid ${row.pid}`).toBe(0n);
    // A reused pid: the same pid, another starttime.
    const reuse = input("new processes and a reused pid");
    const old = reuse.before.processes.find((p) => p.pid === 70)!;
    expect(reuse.after.processes.find((p) => p.pid === 70)!.starttime).not.toBe(old.starttime);
    // Shares that print alike: equal rounded %CPU, different ticks.
    const alike = table(input("equal rounded shares")).rows;
    expect(alike.filter((r) => r.cpuTenths === 1n).map((r) => r.ticks)).toEqual([4n, 3n, 2n]);
    // No ticks between the snapshots, yet a process with ticks of its own.
    const still = input("no ticks between the snapshots");
    expect(still.after.cpu).toEqual(still.before.cpu);
    // cgroup v1: total_inactive_file, inactive_file and cache all differ.
    const v1 = input("cgroup v1").after.cgroup!;
    expect(new Set([v1.stat.get("total_inactive_file"), v1.stat.get("inactive_file"), v1.stat.get("cache")]).size).toBe(3);
    // Inactive files at or above usage.
    const v2 = input("cgroup v2, limited").after.cgroup!;
    expect(v2.stat.get("inactive_file")! >= v2.memory).toBe(true);
    // The large test's snapshots list their processes in different orders.
    const large = parseInput(grader.hiddenTests(grader.seed, "c").at(-1)!.input)!;
    expect(large.after.processes.length).toBeGreaterThan(45_000);
    expect(large.after.processes.slice(0, 50).map((p) => p.pid)).not.toEqual(large.before.processes.slice(0, 50).map((p) => p.pid));
  });
});

describe("mini-top's checker", () => {
  const test = named("setuid programs");
  const lines = test.expected!.trimEnd().split("\n");

  it("accepts the answer, and names the column and its rule when a line differs", () => {
    expect(checkTop(test, test.expected!)).toEqual({ ok: true });
    const wrongUid = lines.map((line) => line.replace(/^40 0 /, "40 1000 ")).join("\n");
    const outcome = checkTop(test, wrongUid);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain("pid 40's UID should be 0, not 1000: the effective uid");
  });

  it("names the order's rule when a row is out of place, and the container's column", () => {
    const swapped = [lines[1], lines[0], ...lines.slice(2)].join("\n");
    const outcome = checkTop(test, swapped);
    expect(!outcome.ok && outcome.message).toContain("sorted by the exact CPU ticks");
    const v1 = named("cgroup v1");
    const wrongMemory = v1.expected!.replace(/^(CONTAINER \S+) \d+/m, "$1 1");
    const container = checkTop(v1, wrongMemory);
    expect(!container.ok && container.message).toContain("the container's memory should be");
  });
});

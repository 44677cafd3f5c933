import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { processIdentity, processIsGone, startTimeOf } from "@/sandbox/docker/process-identity";

describe("a process's identity", () => {
  it("names this process by host, pid and start time, which /proc gives as ticks since boot", () => {
    const identity = processIdentity();
    expect(identity).toMatch(new RegExp(`^${hostname()}:${process.pid}:\\d+$`));
    expect(Number(startTimeOf(process.pid))).toBeGreaterThan(0);
    expect(processIsGone(identity)).toBe(false);
  });

  it("calls a process gone when its pid is free, or now held by a process that started at another time", () => {
    const ended = spawnSync("true").pid!;
    expect(processIsGone(`${hostname()}:${ended}:12345`)).toBe(true);
    expect(processIsGone(`${hostname()}:${ended}`)).toBe(true);
    // This process's pid, but a start time that is not its own: the pid was handed out again.
    expect(processIsGone(`${hostname()}:${process.pid}:${Number(startTimeOf(process.pid)) - 1}`)).toBe(true);
    // An older label without the start time: only whether the pid runs.
    expect(processIsGone(`${hostname()}:${process.pid}`)).toBe(false);
  });

  it("never calls a process of another host, or a label it cannot read, gone", () => {
    const ended = spawnSync("true").pid!;
    expect(processIsGone(`elsewhere:${ended}:1`)).toBe(false);
    expect(processIsGone(undefined)).toBe(false);
    expect(processIsGone("not a label")).toBe(false);
  });

  it("reads the start time after a command holding spaces and parentheses", () => {
    // A program whose file name (its command in /proc) has ") " in it: split at the first ')', the
    // fields would shift and the start time would be another field.
    const dir = mkdtempSync(path.join(tmpdir(), "identity-"));
    const program = path.join(dir, "a) 1 2 (c");
    copyFileSync("/bin/sleep", program);
    const child = spawn(program, ["5"]);
    try {
      const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
      expect(stat).toContain("(a) 1 2 (c)");
      // Field 22 is the start in ticks since boot: just now, by the uptime (ticks of 1/CLK_TCK s).
      const ticksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"]).stdout.toString());
      const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
      expect(Math.abs(Number(startTimeOf(child.pid!)) / ticksPerSecond - uptime)).toBeLessThan(2);
      expect(processIsGone(processIdentity(child.pid!))).toBe(false);
    } finally {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

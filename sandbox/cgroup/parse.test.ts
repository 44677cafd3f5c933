import { describe, expect, it } from "vitest";
import { cpuNanosV2, oomKillsV1, oomKillsV2, parseKeyValues, parseNumber, parseProcCgroup } from "@/sandbox/cgroup/parse";

// Samples as the kernel writes them: this host (Debian 12, cgroup v1, Docker's cgroupfs driver) and a
// systemd host on cgroup v2.
const PROC_CGROUP_V1 = `12:hugetlb:/docker/4f1c0ffee
11:pids:/docker/4f1c0ffee
10:memory:/docker/4f1c0ffee
9:cpu,cpuacct:/docker/4f1c0ffee
8:freezer:/docker/4f1c0ffee
1:name=systemd:/docker/4f1c0ffee
0::/`;
const PROC_CGROUP_V2 = "0::/system.slice/docker-4f1c0ffee.scope\n";
const OOM_CONTROL_V1 = "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n";
const MEMORY_EVENTS_V2 = "low 0\nhigh 0\nmax 17\noom 1\noom_kill 1\noom_group_kill 0\n";
const CPU_STAT_V2 = "usage_usec 1523008\nuser_usec 1200000\nsystem_usec 323008\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n";

describe("cgroup parsers", () => {
  it("locates v1 controllers", () => {
    expect(parseProcCgroup(PROC_CGROUP_V1)).toEqual({
      version: 1,
      memory: "memory/docker/4f1c0ffee",
      cpuacct: "cpu,cpuacct/docker/4f1c0ffee",
      pids: "pids/docker/4f1c0ffee",
    });
  });

  it("locates the v2 unified hierarchy", () => {
    expect(parseProcCgroup(PROC_CGROUP_V2)).toEqual({ version: 2, path: "system.slice/docker-4f1c0ffee.scope" });
  });

  it("refuses what it does not recognise", () => {
    expect(() => parseProcCgroup("garbage")).toThrow(/Unrecognised/);
  });

  it("refuses the root cgroup, where a container's init shows once it has exited", () => {
    expect(() => parseProcCgroup("11:pids:/\n10:memory:/\n9:cpu,cpuacct:/\n0::/\n")).toThrow(/root cgroup/);
    expect(() => parseProcCgroup("11:pids:/docker/4f1c0ffee\n10:memory:/\n9:cpu,cpuacct:/docker/4f1c0ffee\n")).toThrow(/root cgroup/);
    expect(() => parseProcCgroup("0::/\n")).toThrow(/root cgroup/);
  });

  it("counts OOM kills on v1 and v2", () => {
    expect(oomKillsV1(OOM_CONTROL_V1)).toBe(2);
    expect(oomKillsV1("oom_kill_disable 0\nunder_oom 0\n")).toBe(0); // kernels before 4.13
    expect(oomKillsV2(MEMORY_EVENTS_V2)).toBe(1);
  });

  it("reads CPU time on v2 in nanoseconds", () => {
    expect(cpuNanosV2(CPU_STAT_V2)).toBe(1_523_008_000);
  });

  it("reads key-value files and single numbers", () => {
    expect(parseKeyValues("a 1\nb 22\nbad x\n")).toEqual({ a: 1, b: 22 });
    expect(parseNumber("268435456\n")).toBe(268435456);
    expect(() => parseNumber("max\n")).toThrow();
  });
});

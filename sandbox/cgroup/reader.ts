// Reads a running container's cgroup from the host: CPU time, peak memory, OOM kills, live processes.
// Host-side and read-only except for resetting the peak-memory gauge, a kernel file the sandbox cannot touch.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type CgroupLocation, cpuNanosV2, oomKillsV1, oomKillsV2, parseNumber, parseProcCgroup } from "@/sandbox/cgroup/parse";

const ROOT = "/sys/fs/cgroup";

export interface CgroupSnapshot {
  cpuNanos: number;
  memoryPeakBytes: number;
  oomKills: number;
  pids: number;
}

export class CgroupReader {
  private constructor(private readonly location: CgroupLocation) {}

  /** The cgroup of the process `hostPid` (a container's init, from docker inspect). */
  static async forPid(hostPid: number): Promise<CgroupReader> {
    return new CgroupReader(parseProcCgroup(await readFile(`/proc/${hostPid}/cgroup`, "utf8")));
  }

  get version(): 1 | 2 {
    return this.location.version;
  }

  async snapshot(): Promise<CgroupSnapshot> {
    const read = (...parts: string[]) => readFile(path.join(ROOT, ...parts), "utf8");
    if (this.location.version === 1) {
      const { memory, cpuacct, pids } = this.location;
      const [cpu, peak, oom, live] = await Promise.all([
        read(cpuacct, "cpuacct.usage"),
        read(memory, "memory.max_usage_in_bytes"),
        read(memory, "memory.oom_control"),
        read(pids, "pids.current"),
      ]);
      return { cpuNanos: parseNumber(cpu), memoryPeakBytes: parseNumber(peak), oomKills: oomKillsV1(oom), pids: parseNumber(live) };
    }
    const dir = this.location.path;
    const [cpu, peak, events, live] = await Promise.all([
      read(dir, "cpu.stat"),
      read(dir, "memory.peak").catch(() => read(dir, "memory.current")),
      read(dir, "memory.events"),
      read(dir, "pids.current"),
    ]);
    return { cpuNanos: cpuNanosV2(cpu), memoryPeakBytes: parseNumber(peak), oomKills: oomKillsV2(events), pids: parseNumber(live) };
  }

  /** The host pids of the processes in the cgroup. */
  async processIds(): Promise<number[]> {
    const dir = this.location.version === 1 ? this.location.pids : this.location.path;
    const text = await readFile(path.join(ROOT, dir, "cgroup.procs"), "utf8");
    return text.split("\n").filter(Boolean).map(Number);
  }

  /** Starts the peak-memory gauge afresh, so the next snapshot's peak belongs to the next run. */
  async resetPeak(): Promise<void> {
    const file =
      this.location.version === 1 ? path.join(ROOT, this.location.memory, "memory.max_usage_in_bytes") : path.join(ROOT, this.location.path, "memory.peak");
    // v2 kernels before 6.12 cannot reset memory.peak; the peak is then the container's so far.
    await writeFile(file, "0").catch(() => undefined);
  }
}

// Parsers for the kernel's cgroup files, v1 and v2 (this host runs v1; many run v2). Pure functions,
// unit-tested on real samples.

export type CgroupLocation = { version: 1; memory: string; cpuacct: string; pids: string } | { version: 2; path: string };

/**
 * /proc/<pid>/cgroup → where the process's controllers live, relative to /sys/fs/cgroup. The root
 * cgroup is refused: a container's process is never there, and one that has exited (a container
 * killed a moment ago) shows it; reading it would read the whole host's figures.
 */
export function parseProcCgroup(text: string): CgroupLocation {
  const location = locate(text);
  const paths = location.version === 1 ? [location.memory, location.cpuacct, location.pids] : [location.path];
  if (paths.some((dir) => dir === "" || dir.endsWith("/")))
    throw new Error("The process is in the host's root cgroup: it has exited, or it is not a container's.");
  return location;
}

function locate(text: string): CgroupLocation {
  const lines = text
    .trim()
    .split("\n")
    .map((line) => /^\d+:([^:]*):(\/.*)$/.exec(line.trim()))
    .filter((match) => match !== null)
    .map(([, controllers = "", path = ""]) => ({ controllers: controllers.split(","), path }));
  const find = (name: string) => lines.find((line) => line.controllers.includes(name));
  const memory = find("memory");
  const cpuacct = find("cpuacct");
  const pids = find("pids");
  if (memory && cpuacct && pids) {
    const dir = (line: { controllers: string[]; path: string }) => `${line.controllers.join(",")}${line.path}`;
    return { version: 1, memory: dir(memory), cpuacct: dir(cpuacct), pids: dir(pids) };
  }
  const unified = lines.find((line) => line.controllers.length === 1 && line.controllers[0] === "");
  if (unified) return { version: 2, path: unified.path.replace(/^\//, "") };
  throw new Error(`Unrecognised /proc/<pid>/cgroup:\n${text}`);
}

/** Flat "key value" files: memory.stat, cpu.stat, memory.events, memory.oom_control. */
export function parseKeyValues(text: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const line of text.trim().split("\n")) {
    const [key, value] = line.trim().split(/\s+/);
    if (key && value !== undefined && /^\d+$/.test(value)) values[key] = Number(value);
  }
  return values;
}

/** v1 memory.oom_control: how many processes the OOM killer has killed in this cgroup. */
export function oomKillsV1(oomControl: string): number {
  return parseKeyValues(oomControl).oom_kill ?? 0;
}

/** v2 memory.events: the same counter. */
export function oomKillsV2(memoryEvents: string): number {
  return parseKeyValues(memoryEvents).oom_kill ?? 0;
}

/** v2 cpu.stat: total CPU time in nanoseconds. */
export function cpuNanosV2(cpuStat: string): number {
  return (parseKeyValues(cpuStat).usage_usec ?? 0) * 1000;
}

/** A single number file (cpuacct.usage, memory.max_usage_in_bytes, pids.current, memory.peak). */
export function parseNumber(text: string): number {
  const value = Number(text.trim());
  if (!Number.isFinite(value)) throw new Error(`Not a number: ${text.slice(0, 40)}`);
  return value;
}

// mini-top's oracle: the input's /proc and cgroup files read as the statement pins them, and top's
// process table and docker stats' container line computed from the two snapshots. Written from
// exercises/mini-top/README.md, apart from the references; every figure is rounded from an exact
// fraction (BigInt), so no floating-point tie decides a digit.
//
// The formulas, and where they come from:
// - A process's %CPU, top's Irix mode (procps-ng top.c: Frame_etscale = 100 / (Hertz × elapsed ×
//   (Irix ? 1 : cpus)); pcpu = Δ(utime + stime) × Frame_etscale). top measures `elapsed` with the
//   wall clock; here it comes from /proc/stat's aggregate line, as htop does (LinuxProcessList.c:
//   period = Δ total / cpus; percent = Δ(utime + stime) / period × 100), so
//   %CPU = Δ(utime + stime) × 100 × cpus / Δ total, total = the first eight fields of the `cpu`
//   line (guest and guest_nice are already inside user and nice, so they are not added again).
// - A process new in the second snapshot (a pid not seen, or seen with another starttime: the pid
//   was reused) counts all its ticks (top.c: a task without history keeps tics = utime + stime).
// - RES = rss (stat field 24) pages × page size; VIRT = vsize (field 23) bytes; SHR = RssFile +
//   RssShmem (status); %MEM = RES / MemTotal × 100, as procps-ng 4's top.
// - The container, docker stats (cli/command/container/stats_helpers.go): CPU % = Δ usage ns /
//   Δ system ns × online cpus × 100, system = the first SEVEN fields of `cpu` × 10^9 / Hertz
//   (moby daemon/stats/collector_unix.go: parts[1:8], steal left out), 0 unless both deltas are
//   positive; memory = usage − total_inactive_file (v1) or − inactive_file (v2) when that is less
//   than usage (calculateMemUsageUnixNoCache); limit = min(the cgroup's, MemTotal) (moby daemon's
//   "if the container does not set memory limit, use the machineMemory").

export const LIMITS = {
  processes: 50_000,
  cpus: 256,
  pid: 4_194_304,
} as const;

export const HERTZ = [100, 250, 1000] as const;
export const PAGE_SIZES = [4096, 16384, 65536] as const;

export interface Header {
  hertz: number;
  pageSize: number;
  cpus: number;
  /** kB, as /proc/meminfo prints it. */
  memTotal: number;
}

/** One process as the table needs it, read from its stat line and status fields. */
export interface ProcessReading {
  pid: number;
  comm: string;
  state: string;
  ticks: bigint;
  threads: number;
  starttime: bigint;
  vsize: bigint;
  rssPages: bigint;
  /** The effective uid: the second number of status's Uid line. */
  uid: number;
  /** RssFile + RssShmem in kB; 0 when status has neither (zombies, kernel threads). */
  sharedKiB: bigint;
}

export interface CgroupReading {
  version: 1 | 2;
  /** Nanoseconds: cpuacct.usage (v1) or cpu.stat's usage_usec × 1000 (v2). */
  usageNs: bigint;
  /** Bytes: memory.usage_in_bytes (v1) or memory.current (v2). */
  memory: bigint;
  /** Bytes, or null for v2's "max". */
  limit: bigint | null;
  /** memory.stat, every key. */
  stat: Map<string, bigint>;
}

export interface Snapshot {
  /** The aggregate `cpu` line's numbers: user nice system idle iowait irq softirq steal guest guest_nice. */
  cpu: bigint[];
  processes: ProcessReading[];
  cgroup: CgroupReading | null;
}

export interface TopInput {
  header: Header;
  before: Snapshot;
  after: Snapshot;
}

export interface Row {
  pid: number;
  uid: number;
  state: string;
  threads: number;
  /** Δ ticks in the interval: what the rows are sorted by. */
  ticks: bigint;
  cpuTenths: bigint;
  memTenths: bigint;
  virtKiB: bigint;
  resKiB: bigint;
  shrKiB: bigint;
  comm: string;
}

export interface Container {
  cpuHundredths: bigint;
  memory: bigint;
  limit: bigint;
  memHundredths: bigint;
}

export interface Table {
  rows: Row[];
  container: Container | null;
}

/** Rounds num / den to the nearest integer, halves up (num ≥ 0, den > 0). */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/** `12.5` from 125 tenths, `3.07` from 307 hundredths. */
export function decimal(value: bigint, places: 1 | 2): string {
  const scale = places === 1 ? 10n : 100n;
  return `${value / scale}.${(value % scale).toString().padStart(places, "0")}`;
}

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

/** top's elapsed ticks: user nice system idle iowait irq softirq steal. */
export const topTotal = (cpu: bigint[]) => sum(cpu.slice(0, 8));
/** docker's system ticks: user nice system idle iowait irq softirq. */
export const dockerTotal = (cpu: bigint[]) => sum(cpu.slice(0, 7));

export function table({ header, before, after }: TopInput): Table {
  const elapsed = topTotal(after.cpu) - topTotal(before.cpu);
  const cpus = BigInt(header.cpus);
  const earlier = new Map<number, ProcessReading>();
  for (const p of before.processes) earlier.set(p.pid, p);
  const rows = after.processes.map((p): Row => {
    const previous = earlier.get(p.pid);
    const same = previous !== undefined && previous.starttime === p.starttime;
    const ticks = same ? p.ticks - previous.ticks : p.ticks;
    const resKiB = (p.rssPages * BigInt(header.pageSize)) / 1024n;
    return {
      pid: p.pid,
      uid: p.uid,
      state: p.state,
      threads: p.threads,
      ticks: elapsed > 0n ? ticks : 0n,
      cpuTenths: elapsed > 0n ? roundHalfUp(ticks * 1000n * cpus, elapsed) : 0n,
      memTenths: roundHalfUp(resKiB * 1000n, BigInt(header.memTotal)),
      virtKiB: p.vsize / 1024n,
      resKiB,
      shrKiB: p.sharedKiB,
      comm: p.comm,
    };
  });
  rows.sort((a, b) => (a.ticks === b.ticks ? a.pid - b.pid : a.ticks > b.ticks ? -1 : 1));
  return { rows, container: container(header, before, after) };
}

function container(header: Header, before: Snapshot, after: Snapshot): Container | null {
  if (!before.cgroup || !after.cgroup) return null;
  const nsPerTick = 1_000_000_000n / BigInt(header.hertz);
  const system = dockerTotal(after.cpu) * nsPerTick - dockerTotal(before.cpu) * nsPerTick;
  const usage = after.cgroup.usageNs - before.cgroup.usageNs;
  const cpuHundredths = system > 0n && usage > 0n ? roundHalfUp(usage * BigInt(header.cpus) * 10_000n, system) : 0n;
  const { memory: raw, stat, version, limit: cgroupLimit } = after.cgroup;
  const inactive = stat.get(version === 1 ? "total_inactive_file" : "inactive_file") ?? 0n;
  const memory = inactive < raw ? raw - inactive : raw;
  const machine = BigInt(header.memTotal) * 1024n;
  const limit = cgroupLimit === null || cgroupLimit > machine ? machine : cgroupLimit;
  return { cpuHundredths, memory, limit, memHundredths: limit > 0n ? roundHalfUp(memory * 10_000n, limit) : 0n };
}

export function formatTable({ rows, container }: Table): string {
  const lines = rows.map(
    (r) => `${r.pid} ${r.uid} ${r.state} ${r.threads} ${decimal(r.cpuTenths, 1)} ${decimal(r.memTenths, 1)} ${r.virtKiB} ${r.resKiB} ${r.shrKiB} ${r.comm}`,
  );
  if (container) lines.push(`CONTAINER ${decimal(container.cpuHundredths, 2)} ${container.memory} ${container.limit} ${decimal(container.memHundredths, 2)}`);
  return `${lines.join("\n")}\n`;
}

export const expectedOutput = (input: string): string => {
  const parsed = parseInput(input);
  if (!parsed) throw new Error("mini-top: the oracle cannot read its own input.");
  return formatTable(table(parsed));
};

// ---- Reading the input ------------------------------------------------------------------------

const HEADER_KEYS = ["hertz", "pagesize", "cpus", "memtotal"] as const;
const NUMBER = /^\d{1,20}$/;

/** The input as the statement defines it, or null when it is not one. */
export function parseInput(input: string): TopInput | null {
  const lines = input.split("\n");
  if (lines.at(-1) === "") lines.pop();
  let at = 0;
  const values: number[] = [];
  for (const key of HEADER_KEYS) {
    const match = new RegExp(`^${key} (\\d{1,12})$`).exec(lines[at++] ?? "");
    if (!match) return null;
    values.push(Number(match[1]));
  }
  const [hertz, pageSize, cpus, memTotal] = values as [number, number, number, number];
  if (!(HERTZ as readonly number[]).includes(hertz) || !(PAGE_SIZES as readonly number[]).includes(pageSize)) return null;
  if (cpus < 1 || cpus > LIMITS.cpus || memTotal < 1) return null;
  const snapshots: Snapshot[] = [];
  for (const n of [1, 2]) {
    while (lines[at] === "") at++;
    if (lines[at++] !== `snapshot ${n}`) return null;
    const files: { path: string; lines: string[] }[] = [];
    while (at < lines.length && !lines[at]!.startsWith("snapshot ")) {
      const line = lines[at++]!;
      const header = /^==> (\S+) <==$/.exec(line);
      if (header) files.push({ path: header[1]!, lines: [] });
      else if (line !== "") {
        if (files.length === 0) return null;
        files.at(-1)!.lines.push(line);
      }
    }
    const snapshot = readSnapshot(files);
    if (!snapshot) return null;
    snapshots.push(snapshot);
  }
  const [before, after] = snapshots as [Snapshot, Snapshot];
  if ((before.cgroup === null) !== (after.cgroup === null)) return null;
  return { header: { hertz, pageSize, cpus, memTotal }, before, after };
}

function readSnapshot(files: { path: string; lines: string[] }[]): Snapshot | null {
  let cpu: bigint[] | null = null;
  const stats = new Map<number, string>();
  const statuses = new Map<number, string[]>();
  const cgroupFiles = new Map<string, string[]>();
  for (const file of files) {
    const proc = /^\/proc\/(\d+)\/(stat|status)$/.exec(file.path);
    if (file.path === "/proc/stat") {
      const line = file.lines.find((l) => l.startsWith("cpu "));
      if (!line) return null;
      const fields = line.trim().split(/\s+/).slice(1);
      if (fields.length !== 10 || !fields.every((f) => NUMBER.test(f))) return null;
      cpu = fields.map(BigInt);
    } else if (proc) {
      if (proc[2] === "stat") stats.set(Number(proc[1]), file.lines.join("\n"));
      else statuses.set(Number(proc[1]), file.lines);
    } else if (file.path.startsWith("/sys/fs/cgroup/")) {
      cgroupFiles.set(file.path.slice(file.path.lastIndexOf("/") + 1), file.lines);
    } else return null;
  }
  if (!cpu || stats.size !== statuses.size) return null;
  const processes: ProcessReading[] = [];
  for (const [pid, stat] of stats) {
    const status = statuses.get(pid);
    const reading = status && readProcess(pid, stat, status);
    if (!reading) return null;
    processes.push(reading);
  }
  const cgroup = cgroupFiles.size === 0 ? null : readCgroup(cgroupFiles);
  if (cgroup === undefined) return null;
  return { cpu, processes, cgroup };
}

/** A process from its stat line (comm between the first "(" and the LAST ")") and status lines. */
function readProcess(pid: number, stat: string, status: string[]): ProcessReading | null {
  const open = stat.indexOf(" (");
  const close = stat.lastIndexOf(")");
  if (open < 0 || close < open || Number(stat.slice(0, open)) !== pid) return null;
  const comm = stat.slice(open + 2, close);
  // After the comm, field 3 (state) is rest[0]; field k is rest[k - 3].
  const rest = stat.slice(close + 2).split(" ");
  if (rest.length !== 50 || !rest.slice(1).every((f) => /^-?\d+$/.test(f))) return null;
  const field = (k: number) => BigInt(rest[k - 3]!);
  const fields = new Map<string, string>();
  for (const line of status) {
    const colon = line.indexOf(":");
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  const uid = fields.get("Uid")?.split(/\s+/);
  if (uid?.length !== 4) return null;
  const kib = (key: string) => {
    const value = fields.get(key);
    return value === undefined ? 0n : BigInt(value.replace(/ kB$/, ""));
  };
  return {
    pid,
    comm,
    state: rest[0]!,
    ticks: field(14) + field(15),
    threads: Number(field(20)),
    starttime: field(22),
    vsize: field(23),
    rssPages: field(24),
    uid: Number(uid[1]),
    sharedKiB: kib("RssFile") + kib("RssShmem"),
  };
}

/** The container's files, v1 or v2 by their names; undefined when they are neither set. */
function readCgroup(files: Map<string, string[]>): CgroupReading | undefined {
  const one = (name: string) => {
    const lines = files.get(name);
    return lines?.length === 1 ? lines[0]! : undefined;
  };
  const stat = new Map<string, bigint>();
  for (const line of files.get("memory.stat") ?? []) {
    const [key, value] = line.split(" ");
    if (key && value && NUMBER.test(value)) stat.set(key, BigInt(value));
  }
  if (files.has("cpuacct.usage")) {
    const usage = one("cpuacct.usage");
    const memory = one("memory.usage_in_bytes");
    const limit = one("memory.limit_in_bytes");
    if (!usage || !memory || !limit) return undefined;
    return { version: 1, usageNs: BigInt(usage), memory: BigInt(memory), limit: BigInt(limit), stat };
  }
  const usec = files
    .get("cpu.stat")
    ?.find((l) => l.startsWith("usage_usec "))
    ?.split(" ")[1];
  const memory = one("memory.current");
  const limit = one("memory.max");
  if (!usec || !memory || !limit) return undefined;
  return { version: 2, usageNs: BigInt(usec) * 1000n, memory: BigInt(memory), limit: limit === "max" ? null : BigInt(limit), stat };
}

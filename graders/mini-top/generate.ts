// Snapshots for mini-top's tests: processes as the kernel prints them (a 52-field stat line, the
// status fields the statement lists, in the kernel's order), the aggregate cpu line with the
// per-CPU ones, and a container's cgroup v1 or v2 files; a second snapshot made from the first by
// letting time pass (ticks spent, processes ending and starting, pids reused).
import type { SeededRandom } from "@/graders/core/random";

export interface Process {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  /** Real, effective, saved, filesystem. */
  uids: [number, number, number, number];
  utime: number;
  stime: number;
  /** Waited-for children's time: in the stat line, never in %CPU. */
  cutime: number;
  cstime: number;
  threads: number;
  starttime: number;
  /** Bytes. */
  vsize: number;
  /** kB each; resident = anon + file + shmem. */
  rssAnon: number;
  rssFile: number;
  rssShmem: number;
  /** No Vm and Rss lines in status, vsize and rss 0 in stat: a kernel thread or a zombie. */
  noMemory: boolean;
  /**
   * Pages the stat line's rss lags behind status's VmRSS: the kernel's per-thread RSS counters are
   * folded in lazily, so a real sample (a busy `sh` on this project's build machine) read rss 405
   * pages, 1,620 kB, against VmRSS 1,728 kB. RES is the stat line's.
   */
  rssLag?: number;
}

export interface Cgroup {
  version: 1 | 2;
  usageNs: number;
  memory: number;
  /** Bytes; null: unlimited (v1 prints 9223372036854771712, v2 "max"). */
  limit: number | null;
  cache: number;
  inactiveFile: number;
  /** v1 only: the hierarchy's inactive file pages (total_inactive_file), which docker subtracts. */
  totalInactiveFile: number;
}

export interface SnapshotModel {
  /** user nice system idle iowait irq softirq steal guest guest_nice, summed over the CPUs. */
  cpu: number[];
  processes: Process[];
  cgroup: Cgroup | null;
}

export interface Machine {
  hertz: number;
  pageSize: number;
  cpus: number;
  memTotal: number;
}

const STATE_NAMES: Record<string, string> = {
  R: "R (running)",
  S: "S (sleeping)",
  D: "D (disk sleep)",
  T: "T (stopped)",
  t: "t (tracing stop)",
  Z: "Z (zombie)",
  I: "I (idle)",
};

const kB = (value: number) => `${String(value).padStart(8)} kB`;
const V1_UNLIMITED = "9223372036854771712";

function statLine(p: Process, pageSize: number): string {
  const rssPages = p.noMemory ? 0 : Math.max(0, ((p.rssAnon + p.rssFile + p.rssShmem) * 1024) / pageSize - (p.rssLag ?? 0));
  const vsize = p.noMemory ? 0 : p.vsize;
  // Fields 1-52 of proc(5); those the table does not read are plausible constants.
  const fields = [
    p.pid,
    `(${p.comm})`,
    p.state,
    p.ppid,
    p.pid,
    p.pid,
    0,
    -1,
    p.noMemory ? 2_129_984 : 4_194_560,
    1203,
    0,
    12,
    0,
    p.utime,
    p.stime,
    p.cutime,
    p.cstime,
    20,
    0,
    p.threads,
    0,
    p.starttime,
    vsize,
    rssPages,
    "18446744073709551615",
    p.noMemory ? 0 : 94_520_173_920_256,
    p.noMemory ? 0 : 94_520_174_845_677,
    p.noMemory ? 0 : 140_731_892_424_224,
    0,
    0,
    0,
    0,
    4096,
    p.noMemory ? 0 : 81_920,
    0,
    0,
    0,
    17,
    p.pid % 8,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ];
  return fields.join(" ");
}

function statusLines(p: Process): string[] {
  const gid = p.uids[0];
  const lines = [
    `Name:\t${p.comm.replace(/\\/g, "\\\\")}`,
    `State:\t${STATE_NAMES[p.state]}`,
    `Tgid:\t${p.pid}`,
    `PPid:\t${p.ppid}`,
    `Uid:\t${p.uids.join("\t")}`,
    `Gid:\t${gid}\t${gid}\t${gid}\t${gid}`,
  ];
  if (!p.noMemory) {
    const rss = p.rssAnon + p.rssFile + p.rssShmem;
    lines.push(
      `VmSize:\t${kB(p.vsize / 1024)}`,
      `VmRSS:\t${kB(rss)}`,
      `RssAnon:\t${kB(p.rssAnon)}`,
      `RssFile:\t${kB(p.rssFile)}`,
      `RssShmem:\t${kB(p.rssShmem)}`,
    );
  }
  lines.push(`Threads:\t${p.threads}`);
  return lines;
}

function cgroupFiles(c: Cgroup): [string, string[]][] {
  if (c.version === 1) {
    const stat = [
      `cache ${c.cache}`,
      `rss ${c.memory - c.cache}`,
      "rss_huge 0",
      `shmem ${Math.floor(c.cache / 8)}`,
      `mapped_file ${Math.floor(c.cache / 4)}`,
      `inactive_anon ${Math.floor((c.memory - c.cache) / 3)}`,
      "active_anon 0",
      `inactive_file ${c.inactiveFile}`,
      `active_file ${c.cache - c.inactiveFile}`,
      "hierarchical_memory_limit 9223372036854771712",
      `total_cache ${c.cache}`,
      `total_rss ${c.memory - c.cache}`,
      `total_inactive_anon ${Math.floor((c.memory - c.cache) / 3)}`,
      `total_inactive_file ${c.totalInactiveFile}`,
      `total_active_file ${Math.max(0, c.cache - c.totalInactiveFile)}`,
    ];
    const id = "docker/4f1c0e2b9a7d";
    return [
      [`/sys/fs/cgroup/cpuacct/${id}/cpuacct.usage`, [String(c.usageNs)]],
      [`/sys/fs/cgroup/memory/${id}/memory.usage_in_bytes`, [String(c.memory)]],
      [`/sys/fs/cgroup/memory/${id}/memory.limit_in_bytes`, [c.limit === null ? V1_UNLIMITED : String(c.limit)]],
      [`/sys/fs/cgroup/memory/${id}/memory.stat`, stat],
    ];
  }
  const usec = Math.floor(c.usageNs / 1000);
  const dir = "/sys/fs/cgroup/system.slice/docker-4f1c0e2b9a7d.scope";
  const stat = [
    `anon ${c.memory - c.cache}`,
    `file ${c.cache}`,
    `kernel ${Math.floor(c.memory / 50)}`,
    `shmem ${Math.floor(c.cache / 8)}`,
    `file_mapped ${Math.floor(c.cache / 4)}`,
    `inactive_anon ${Math.floor((c.memory - c.cache) / 3)}`,
    "active_anon 0",
    `inactive_file ${c.inactiveFile}`,
    `active_file ${Math.max(0, c.cache - c.inactiveFile)}`,
    "unevictable 0",
  ];
  return [
    [
      `${dir}/cpu.stat`,
      [
        `usage_usec ${usec}`,
        `user_usec ${Math.floor(usec * 0.7)}`,
        `system_usec ${usec - Math.floor(usec * 0.7)}`,
        "nr_periods 0",
        "nr_throttled 0",
        "throttled_usec 0",
      ],
    ],
    [`${dir}/memory.current`, [String(c.memory)]],
    [`${dir}/memory.max`, [c.limit === null ? "max" : String(c.limit)]],
    [`${dir}/memory.stat`, stat],
  ];
}

/** One snapshot as `head` prints the files: a `==> path <==` line before each, blank lines between. */
export function formatSnapshot(n: 1 | 2, machine: Machine, s: SnapshotModel): string[] {
  const files: [string, string[]][] = [];
  const perCpu = Array.from({ length: machine.cpus }, (_, i) => {
    const share = s.cpu.map((v) => (i === 0 ? v - Math.floor(v / machine.cpus) * (machine.cpus - 1) : Math.floor(v / machine.cpus)));
    return `cpu${i} ${share.join(" ")}`;
  });
  files.push(["/proc/stat", [`cpu  ${s.cpu.join(" ")}`, ...perCpu, "ctxt 194811", `btime 1733390000`, `processes ${s.processes.length + 1000}`]]);
  for (const p of s.processes) {
    files.push([`/proc/${p.pid}/stat`, [statLine(p, machine.pageSize)]]);
    files.push([`/proc/${p.pid}/status`, statusLines(p)]);
  }
  if (s.cgroup) files.push(...cgroupFiles(s.cgroup));
  const lines = [`snapshot ${n}`];
  files.forEach(([path, content], i) => {
    if (i > 0) lines.push("");
    lines.push(`==> ${path} <==`, ...content);
  });
  return lines;
}

export function formatInput(machine: Machine, before: SnapshotModel, after: SnapshotModel): string {
  return `${[
    `hertz ${machine.hertz}`,
    `pagesize ${machine.pageSize}`,
    `cpus ${machine.cpus}`,
    `memtotal ${machine.memTotal}`,
    ...formatSnapshot(1, machine, before),
    ...formatSnapshot(2, machine, after),
  ].join("\n")}\n`;
}

// ---- Random machines ----------------------------------------------------------------------------

const COMMS = [
  "systemd",
  "kthreadd",
  "bash",
  "sshd",
  "postgres",
  "nginx",
  "node",
  "python3",
  "java",
  "containerd-shim",
  "Web Content",
  "(sd-pam)",
  "kworker/0:1H-kblockd",
  "tmux: server",
  "a) b",
  "))",
  "x) R 1 2 (y",
  "gnome-shell",
  "rcu_sched",
  "redis-server",
];

/** A process on `machine` with ticks accumulated before the first snapshot. */
export function randomProcess(random: SeededRandom, machine: Machine, pid: number, starttime: number): Process {
  const kernel = random.int(0, 9) === 0;
  const zombie = !kernel && random.int(0, 29) === 0;
  const state = zombie ? "Z" : kernel ? random.pick(["S", "I", "I", "R"]) : random.pick(["S", "S", "S", "R", "D", "T", "t"]);
  const pageKiB = machine.pageSize / 1024;
  const pages = (max: number) => random.int(0, max) * pageKiB;
  const uid = random.pick([0, 0, 1000, 1000, 33, 999, 65534]);
  const setuid = random.int(0, 19) === 0;
  return {
    pid,
    comm: random.pick(COMMS),
    state,
    ppid: random.int(1, 1000),
    uids: [uid, setuid ? 0 : uid, setuid ? 0 : uid, setuid ? 0 : uid],
    utime: random.int(0, 500_000),
    stime: random.int(0, 200_000),
    cutime: random.int(0, 5) === 0 ? random.int(1, 90_000) : 0,
    cstime: random.int(0, 5) === 0 ? random.int(1, 30_000) : 0,
    threads: kernel || zombie ? 1 : random.pick([1, 1, 1, 2, 4, 17, 64]),
    starttime,
    vsize: random.int(1_000, 4_000_000) * machine.pageSize,
    rssAnon: pages(200_000),
    rssFile: pages(30_000),
    rssShmem: random.int(0, 3) === 0 ? pages(10_000) : 0,
    noMemory: kernel || zombie,
    rssLag: random.int(0, 3) === 0 ? random.int(1, 30) : 0,
  };
}

export interface Shape {
  processes: number;
  /** Seconds between the snapshots. */
  seconds: number;
  /** Share of processes ending, and of the second snapshot's processes that are new (per thousand). */
  churn: number;
  /** Reused pids among the new processes (per thousand of them). */
  reuse: number;
  /** Processes in the order the kernel lists them (ascending pids), or shuffled. */
  shuffled: boolean;
  cgroup: 0 | 1 | 2;
}

function shuffle<T>(random: SeededRandom, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function randomMachine(random: SeededRandom): Machine {
  return {
    hertz: random.pick([100, 100, 250, 1000]),
    pageSize: random.pick([4096, 4096, 16384, 65536]),
    cpus: random.pick([1, 2, 4, 8, 12, 64]),
    memTotal: random.int(500_000, 300_000_000),
  };
}

function randomCgroup(random: SeededRandom, version: 1 | 2, machine: Machine): Cgroup {
  const memory = random.int(10, 4_000) * 1_048_576 + random.int(0, 1_048_575);
  const cache = Math.floor(memory * random.next() * 0.6);
  const inactiveFile = Math.floor(cache * random.next());
  const limited = random.int(0, 2) > 0;
  return {
    version,
    usageNs: random.int(0, 10 ** 13),
    memory,
    limit: limited ? Math.min(machine.memTotal * 1024 * 2, memory + random.int(0, 8_000) * 1_048_576) : null,
    cache,
    inactiveFile,
    totalInactiveFile: Math.min(cache, inactiveFile + Math.floor(cache * 0.3 * random.next())),
  };
}

/**
 * Two snapshots `shape.seconds` apart: each process keeps running (some of the interval's ticks),
 * some end, new ones start (some on an ended process's pid), and the cpu line counts the interval
 * on every CPU with iowait, irq, softirq, steal and guest time in it.
 */
export function randomPair(random: SeededRandom, machine: Machine, shape: Shape): { before: SnapshotModel; after: SnapshotModel } {
  const startFirst = 1_000_000;
  const pids = new Set<number>();
  const freshPid = () => {
    let pid = random.int(1, Math.min(4_194_304, Math.max(4 * shape.processes, 40_000)));
    while (pids.has(pid)) pid = (pid % 4_194_304) + 1;
    pids.add(pid);
    return pid;
  };
  const first = Array.from({ length: shape.processes }, () => randomProcess(random, machine, freshPid(), random.int(0, startFirst)));
  const interval = shape.seconds * machine.hertz;
  const survivors: Process[] = [];
  const ended: Process[] = [];
  for (const p of first) (random.int(0, 999) < shape.churn ? ended : survivors).push(p);
  const spent = (p: Process) => (p.state === "Z" ? 0 : random.int(0, 3) === 0 ? random.int(0, interval * Math.min(p.threads, machine.cpus)) : random.int(0, 3));
  const second = survivors.map((p): Process => {
    const u = spent(p);
    const s = Math.floor(u * random.next() * 0.5);
    const grow = p.noMemory ? 0 : (random.int(-50, 200) * machine.pageSize) / 1024;
    return { ...p, utime: p.utime + u, stime: p.stime + s, rssAnon: Math.max(0, p.rssAnon + grow) };
  });
  const newcomers = Math.floor((shape.processes * shape.churn) / 1000);
  for (let i = 0; i < newcomers; i++) {
    const reused = ended.length > 0 && random.int(0, 999) < shape.reuse;
    const pid = reused ? ended.splice(random.int(0, ended.length - 1), 1)[0]!.pid : freshPid();
    const p = randomProcess(random, machine, pid, startFirst + random.int(1, interval));
    p.utime = random.int(0, interval);
    p.stime = random.int(0, interval / 4);
    p.cutime = 0;
    p.cstime = 0;
    second.push(p);
  }
  const cpu = (total: number) => {
    const steal = Math.floor(total * 0.01);
    const guest = Math.floor(total * 0.02);
    const user = Math.floor(total * 0.3) + guest;
    const nice = Math.floor(total * 0.02);
    const system = Math.floor(total * 0.1);
    const iowait = Math.floor(total * 0.04);
    const irq = Math.floor(total * 0.01);
    const softirq = Math.floor(total * 0.02);
    const idle = total - (user + nice + system + iowait + irq + softirq + steal);
    return [user, nice, system, idle, iowait, irq, softirq, steal, guest, 0];
  };
  const base = startFirst * machine.cpus;
  const beforeCpu = cpu(base);
  const afterCpu = cpu(base + interval * machine.cpus).map((v, i) => Math.max(v, beforeCpu[i]!));
  let cgroup: [Cgroup, Cgroup] | null = null;
  if (shape.cgroup) {
    const c = randomCgroup(random, shape.cgroup, machine);
    const later = randomCgroup(random, shape.cgroup, machine);
    cgroup = [c, { ...later, limit: c.limit, usageNs: c.usageNs + random.int(0, interval * machine.cpus * (1e9 / machine.hertz)) }];
  }
  return {
    before: { cpu: beforeCpu, processes: shape.shuffled ? shuffle(random, first) : first.sort((a, b) => a.pid - b.pid), cgroup: cgroup?.[0] ?? null },
    after: { cpu: afterCpu, processes: shape.shuffled ? shuffle(random, second) : second.sort((a, b) => a.pid - b.pid), cgroup: cgroup?.[1] ?? null },
  };
}

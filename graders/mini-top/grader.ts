// mini-top: top's process table and docker stats' container line from two snapshots of /proc and a
// container's cgroup files. The checker (checker.ts) compares the output with the oracle's (top.ts)
// and explains the first difference column by column; hidden tests probe every convention the
// statement pins (the comm read to the last ")", Irix mode, the eight fields of the total and
// docker's seven, halves rounded up, the effective uid, RES from pages, SHR and zombies, new
// processes and reused pids, the order and its ties, an interval without ticks, v1's
// total_inactive_file and v2's inactive_file, the limit capped at MemTotal); performance is CPU
// time against the reference on tens of thousands of processes listed in different orders in the
// two snapshots, where matching them pid by pid with a scan is quadratic.
import type { Language } from "@/contracts/languages";
import { memoized, memoizedBySpeed } from "@/graders/core/memo";
import { SeededRandom } from "@/graders/core/random";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";
import { checkTop } from "@/graders/mini-top/checker";
import { type Cgroup, formatInput, type Machine, type Process, randomMachine, randomPair, type Shape, type SnapshotModel } from "@/graders/mini-top/generate";
import { expectedOutput } from "@/graders/mini-top/top";

const count = (value: number) => value.toLocaleString("en-US");

function test(name: string, machine: Machine, before: SnapshotModel, after: SnapshotModel, note?: string, withExpected = true): IoTestCase {
  const size = `${count(after.processes.length)} process${after.processes.length === 1 ? "" : "es"} on ${machine.cpus} CPU${machine.cpus === 1 ? "" : "s"}${after.cgroup ? `, cgroup v${after.cgroup.version}` : ""}`;
  const input = formatInput(machine, before, after);
  return { name, visibility: "hidden", description: note ? `${note}: ${size}` : size, input, expected: withExpected ? expectedOutput(input) : undefined };
}

const MACHINE: Machine = { hertz: 100, pageSize: 4096, cpus: 4, memTotal: 16_000_000 };

/** A plain sleeping process with round numbers, changed by `fields`. */
function proc(pid: number, fields: Partial<Process> = {}): Process {
  return {
    pid,
    comm: `proc${pid}`,
    state: "S",
    ppid: 1,
    uids: [1000, 1000, 1000, 1000],
    utime: 1000,
    stime: 500,
    cutime: 0,
    cstime: 0,
    threads: 1,
    starttime: 5000 + pid,
    vsize: 200 * 1_048_576,
    rssAnon: 8_000,
    rssFile: 2_000,
    rssShmem: 400,
    noMemory: false,
    ...fields,
  };
}

/** `p` after spending `utime` and `stime` more ticks. */
const ran = (p: Process, utime: number, stime = 0): Process => ({ ...p, utime: p.utime + utime, stime: p.stime + stime });

/** The cpu line before and after an interval of `ticks` on every CPU, split as a busy machine's. */
function cpuLines(machine: Machine, ticks: number, extra: Partial<Record<"iowait" | "irq" | "softirq" | "steal" | "guest", number>> = {}) {
  const before = [400_000, 2_000, 90_000, 3_000_000, 5_000, 300, 2_000, 100, 0, 0];
  const { iowait = 0, irq = 0, softirq = 0, steal = 0, guest = 0 } = extra;
  const total = ticks * machine.cpus;
  const user = Math.floor(total / 4) + guest;
  const idle = total - (Math.floor(total / 4) + iowait + irq + softirq + steal);
  const delta = [user, 0, 0, idle, iowait, irq, softirq, steal, guest, 0];
  return { before, after: before.map((v, i) => v + delta[i]!) };
}

function pair(machine: Machine, first: Process[], second: Process[], ticks: number, extra?: Parameters<typeof cpuLines>[2], cgroups?: [Cgroup, Cgroup]) {
  const cpu = cpuLines(machine, ticks, extra);
  return {
    before: { cpu: cpu.before, processes: first, cgroup: cgroups?.[0] ?? null },
    after: { cpu: cpu.after, processes: second, cgroup: cgroups?.[1] ?? null },
  };
}

function scripted(
  name: string,
  note: string,
  machine: Machine,
  first: Process[],
  second: Process[],
  ticks: number,
  extra?: Parameters<typeof cpuLines>[2],
  cgroups?: [Cgroup, Cgroup],
) {
  const { before, after } = pair(machine, first, second, ticks, extra, cgroups);
  return test(name, machine, before, after, note);
}

function commsWithParentheses(): IoTestCase {
  const comms = ["(sd-pam)", "a) S 1 2 (b", "))", "x)", "tmux: server", "Web Content", ") R 99 (", "kworker/u8:2-events_unbound"];
  const first = comms.map((comm, i) => proc(100 + i, { comm, utime: 100 * i }));
  const second = first.map((p, i) => ran(p, 7 * (i + 1), i));
  return scripted("comms with spaces and parentheses", "a command read to the last parenthesis", MACHINE, first, second, 100);
}

function irixMode(): IoTestCase {
  const machine: Machine = { ...MACHINE, cpus: 8 };
  const first = [proc(10, { threads: 16, comm: "java" }), proc(11, { comm: "gzip" }), proc(12, { threads: 8, comm: "make" })];
  const second = [ran(first[0]!, 500, 200), ran(first[1]!, 100), ran(first[2]!, 250, 50)];
  return scripted("several CPUs: Irix mode", "a process using more than one CPU shows more than 100%", machine, first, second, 100);
}

function everyFieldOfTheTotal(): IoTestCase {
  const first = [proc(20, { comm: "busy" }), proc(21, { comm: "light" })];
  const second = [ran(first[0]!, 90, 10), ran(first[1]!, 3)];
  return scripted(
    "iowait, irq, softirq, steal and guest time",
    "the total counts the first eight fields of the cpu line, not guest",
    MACHINE,
    first,
    second,
    100,
    { iowait: 37, irq: 11, softirq: 23, steal: 41, guest: 53 },
  );
}

function halves(): IoTestCase {
  // 4 CPUs, 400 ticks each: 1,600 in all, so a process's tick is 0.25% in Irix mode and odd ticks
  // end in .25 or .75, exactly halfway between two tenths: .3 and .8, halves up.
  const first = Array.from({ length: 8 }, (_, i) => proc(30 + i, { comm: `half${i}`, rssAnon: 0, rssFile: 0, rssShmem: 0 }));
  const second = first.map((p, i) => ran(p, 2 * i + 1));
  // %MEM: memtotal 1,024,000 kB; RES 512 kB is 0.05% (0.1), 1,536 kB 0.15% (0.2).
  const mem = [512, 1_536, 2_560, 5_120, 512, 0, 1_024, 3_584];
  const machine: Machine = { ...MACHINE, memTotal: 1_024_000 };
  const withMemory = second.map((p, i) => ({ ...p, rssAnon: mem[i]! }));
  return scripted("halves round up", "shares exactly halfway between two tenths", machine, first, withMemory, 400);
}

function effectiveUid(): IoTestCase {
  const first = [proc(40, { comm: "passwd", uids: [1000, 0, 0, 0] }), proc(41, { comm: "ping", uids: [1001, 1001, 0, 1001] }), proc(42, { comm: "bash" })];
  const second = first.map((p) => ran(p, 1));
  return scripted("setuid programs", "the effective uid, where real and effective differ", MACHINE, first, second, 100);
}

function memoryColumns(): IoTestCase {
  const machine: Machine = { ...MACHINE, pageSize: 65536 };
  const first = [
    proc(50, { comm: "postgres", rssAnon: 64 * 300, rssFile: 64 * 20, rssShmem: 64 * 4000 }),
    proc(51, { comm: "defunct", state: "Z", noMemory: true, threads: 1 }),
    proc(52, { comm: "kworker/1:0", state: "I", noMemory: true, uids: [0, 0, 0, 0] }),
    proc(53, { comm: "java", vsize: 30 * 1_073_741_824, rssAnon: 64 * 100_000, rssFile: 0, rssShmem: 0 }),
    proc(54, { comm: "sh", rssAnon: 64 * 2, rssFile: 64 * 25, rssShmem: 0, rssLag: 2 }),
  ];
  const second = first.map((p, i) => ran(p, i));
  return scripted("memory columns and zombies", "64 KiB pages; zombies and kernel threads with no memory lines; rss behind VmRSS", machine, first, second, 100);
}

function childrenTime(): IoTestCase {
  const first = [proc(60, { comm: "make", cutime: 5_000, cstime: 2_000 }), proc(61, { comm: "cc1" })];
  const second = [{ ...ran(first[0]!, 2), cutime: 9_000, cstime: 2_500 }, ran(first[1]!, 60, 5)];
  return scripted("children's time", "a parent whose waited-for children's time grows", MACHINE, first, second, 100);
}

function newAndReused(): IoTestCase {
  const first = [proc(70, { comm: "old", starttime: 1000 }), proc(71, { comm: "gone" }), proc(72, { comm: "stays", utime: 80_000 })];
  const second = [
    { ...proc(70, { comm: "new-on-70", starttime: 99_000, utime: 30, stime: 5 }) },
    proc(73, { comm: "brand-new", starttime: 99_100, utime: 12, stime: 0 }),
    ran(first[2]!, 20),
    proc(74, { comm: "quick", starttime: 99_200, utime: 0, stime: 1 }),
  ];
  return scripted("new processes and a reused pid", "a pid that reappears with another starttime is a new process", MACHINE, first, second, 100);
}

function ties(): IoTestCase {
  // 12 CPUs, 1,000 ticks of interval: 12,000 in all; 1 tick is 0.1%, 0.4 ticks 0.04%.
  const machine: Machine = { ...MACHINE, cpus: 12 };
  const pids = [907, 12, 4_000_000, 55, 3, 1_200, 88];
  const first = pids.map((pid) => proc(pid, { comm: `tie${pid}` }));
  // Equal deltas (5) for four of them; 41 and 39 ticks round to 4.1 and 3.9; 40 exactly 4.0.
  const deltas = [5, 5, 41, 5, 40, 39, 5];
  const second = first.map((p, i) => ran(p, deltas[i]!));
  return scripted("equal shares", "ties in %CPU, listed in no particular order", machine, [...first].reverse(), second, 1_000);
}

function sameRoundedShare(): IoTestCase {
  // 1 CPU, 3,000 ticks: 1 tick is 0.0333…%: 1 and 2 ticks both show 0.0 and 0.1; 4 and 5 ticks 0.1 and 0.2.
  const machine: Machine = { ...MACHINE, cpus: 1 };
  const first = [proc(9, { comm: "a" }), proc(5, { comm: "b" }), proc(7, { comm: "c" }), proc(3, { comm: "d" })];
  const second = [ran(first[0]!, 1), ran(first[1]!, 2), ran(first[2]!, 4), ran(first[3]!, 3)];
  return scripted("equal rounded shares", "the order of exact shares that print alike", machine, first, second, 3_000);
}

function noElapsedTicks(): IoTestCase {
  const first = [proc(80, { comm: "a" }), proc(81, { comm: "b" })];
  const second = [first[1]!, first[0]!, proc(82, { comm: "newborn", starttime: 99_000, utime: 3 })];
  const cgroup: Cgroup = { version: 2, usageNs: 5_000_000_000, memory: 50_000_000, limit: null, cache: 0, inactiveFile: 0, totalInactiveFile: 0 };
  return scripted("no ticks between the snapshots", "two snapshots of the same moment", MACHINE, first, second, 0, {}, [
    cgroup,
    { ...cgroup, usageNs: 5_000_100_000 },
  ]);
}

const GiB = 1_073_741_824;

function cgroupV1(): IoTestCase[] {
  const machine: Machine = { ...MACHINE, hertz: 1000, memTotal: 8_000_000 };
  const base = (fields: Partial<Cgroup>): Cgroup => ({
    version: 1,
    usageNs: 50_000_000_000,
    memory: 900_000_000,
    limit: GiB,
    cache: 400_000_000,
    inactiveFile: 10_000_000,
    totalInactiveFile: 150_000_000,
    ...fields,
  });
  const first = [proc(90, { comm: "nginx" })];
  const second = [ran(first[0]!, 400)];
  return [
    scripted("cgroup v1", "a container limited to 1 GiB, cache and inactive files apart", machine, first, second, 1000, { steal: 500 }, [
      base({}),
      base({ usageNs: 50_000_000_000 + 1_234_567_890 }),
    ]),
    scripted("cgroup v1, unlimited", "no memory limit: the machine's memory", machine, first, second, 1000, {}, [
      base({ limit: null }),
      base({ limit: null, usageNs: 50_000_000_000 + 3_999_999_999, memory: 5 * GiB, totalInactiveFile: 2 * GiB, cache: 3 * GiB }),
    ]),
    scripted(
      "cgroup v1, no CPU used",
      "a container idle through the interval, its inactive files at usage, its limit above the machine's memory",
      machine,
      first,
      second,
      1000,
      {},
      [
        base({ memory: 100_000, cache: 100_000, inactiveFile: 100_000, totalInactiveFile: 100_000, limit: 16 * GiB }),
        base({ memory: 100_000, cache: 100_000, inactiveFile: 100_000, totalInactiveFile: 100_000, limit: 16 * GiB }),
      ],
    ),
  ];
}

function cgroupV2(): IoTestCase[] {
  const machine: Machine = { ...MACHINE, hertz: 250, cpus: 6, memTotal: 32_000_000 };
  const base = (fields: Partial<Cgroup>): Cgroup => ({
    version: 2,
    usageNs: 7_000_000_000_000,
    memory: 3 * GiB + 12_345,
    limit: null,
    cache: GiB,
    inactiveFile: 700_000_000,
    totalInactiveFile: 0,
    ...fields,
  });
  const first = [proc(95, { comm: "python3" })];
  const second = [ran(first[0]!, 100)];
  return [
    scripted("cgroup v2", "memory.max at max", machine, first, second, 500, { steal: 300 }, [base({}), base({ usageNs: 7_000_000_000_000 + 2_500_001_000 })]),
    scripted("cgroup v2, limited", "memory.max set, inactive files above usage", machine, first, second, 500, {}, [
      base({ limit: 512 * 1_048_576 }),
      base({ limit: 512 * 1_048_576, usageNs: 7_000_000_000_000 + 6_000_000_000, memory: 400_000_000, inactiveFile: 400_000_000 }),
    ]),
    scripted("cgroup v2, counters reset", "the container restarted between the snapshots: its usage went down", machine, first, second, 500, {}, [
      base({}),
      base({ usageNs: 900_000_000, memory: 200_000_000, inactiveFile: 1_000_000 }),
    ]),
  ];
}

function randomTest(name: string, random: SeededRandom, shape: Shape, note?: string, withExpected = true): IoTestCase {
  const machine = randomMachine(random);
  const { before, after } = randomPair(random, machine, shape);
  return test(name, machine, before, after, note, withExpected);
}

const shape = (processes: number, fields: Partial<Shape> = {}): Shape => ({
  processes,
  seconds: 3,
  churn: 50,
  reuse: 300,
  shuffled: true,
  cgroup: 0,
  ...fields,
});

const sharedTests = memoized((seed: number): IoTestCase[] => {
  const random = new SeededRandom(seed);
  return [
    commsWithParentheses(),
    irixMode(),
    everyFieldOfTheTotal(),
    halves(),
    effectiveUid(),
    memoryColumns(),
    childrenTime(),
    newAndReused(),
    ties(),
    sameRoundedShare(),
    noElapsedTicks(),
    ...cgroupV1(),
    ...cgroupV2(),
    randomTest("random, 1 process", random.fork("1"), shape(1, { churn: 0 })),
    randomTest("random, 10 processes", random.fork("10"), shape(10, { churn: 300, cgroup: 1 })),
    randomTest("random, 100 processes", random.fork("100"), shape(100, { churn: 200, cgroup: 2 })),
    randomTest("random, 1,000 processes, as the kernel lists them", random.fork("1000"), shape(1_000, { shuffled: false, cgroup: 1 })),
    randomTest("random, 1,000 processes, heavy churn", random.fork("churn"), shape(1_000, { churn: 600, reuse: 800, cgroup: 2 })),
    randomTest("random, 5,000 processes", random.fork("5000"), shape(5_000, { seconds: 1 })),
  ];
});

/** Tens of thousands of processes, listed in different orders in the two snapshots. */
const largeTests = memoizedBySpeed((seed: number, language: Language): IoTestCase[] => {
  const n = language === "python" ? 20_000 : 50_000;
  const random = new SeededRandom(seed);
  return [randomTest(`large: ${count(n)} processes`, random.fork(`large ${n}`), shape(n, { cgroup: 2 }), "shuffled snapshots")];
});

function hiddenTests(seed: number, language: Language): IoTestCase[] {
  return [...sharedTests(seed, language), ...largeTests(seed, language)];
}

/**
 * Sizes per language: the large workload (4n processes, within the statement's 50,000) costs the
 * reference at least ~150 ms of CPU (measured with `npm run graders:sizes`).
 */
const workloadProcesses = (language: Language) => (language === "python" ? 5_000 : 12_500);

const growthTest = (seed: number, n: number) =>
  randomTest(`growth: ${count(n)} processes`, new SeededRandom(seed).fork(`growth ${n}`), shape(n, { churn: 20 }), "shuffled snapshots", false);
const growthSmall = memoizedBySpeed((seed: number, language: Language) => growthTest(seed, workloadProcesses(language)));
const growthLarge = memoizedBySpeed((seed: number, language: Language) => growthTest(seed, 4 * workloadProcesses(language)));

const performanceWorkloads = memoizedBySpeed((seed: number, language: Language): IoTestCase[] => [growthLarge(seed, language)]);

export default defineIoGrader({
  check: checkTop,
  hiddenTests,
  performance: {
    workloads: performanceWorkloads,
    tolerance: 4,
    growth: { small: growthSmall, large: growthLarge, maxRatio: 7 },
  },
});

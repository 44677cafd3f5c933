import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/graders/core/random";
import { formatInput, randomMachine, randomPair } from "@/graders/mini-top/generate";
import { decimal, expectedOutput, parseInput, roundHalfUp, table } from "@/graders/mini-top/top";

const examples = path.join(import.meta.dirname, "../../exercises/mini-top/examples");

// A real sample: a busy `sh -c 'while :; do :; done'` on this project's build machine (2 CPUs,
// USER_HZ 100, 4 KiB pages, MemTotal 24,683,792 kB), read one second apart. Its stat line's rss
// (405 pages, 1,620 kB) lags status's VmRSS (1,728 kB): RES is the stat line's.
const SAMPLE_STAT_1 =
  "29941 (sh) R 29940 29936 8570 0 -1 4194304 126 0 0 0 48 0 0 0 20 0 1 0 7058776 2654208 405 18446744073709551615 94259758022656 94259758099385 140729558557984 0 0 0 0 6 65536 0 0 0 17 0 0 0 0 0 0 94259758128688 94259758133824 94260407001088 140729558563547 140729558563573 140729558563573 140729558564844 0";
const SAMPLE_STATUS = ["Uid:\t0\t0\t0\t0", "VmSize:\t    2592 kB", "VmRSS:\t    1728 kB", "RssFile:\t    1620 kB", "RssShmem:\t       0 kB", "Threads:\t1"];
const sample = (cpu: string, stat: string) => [
  "==> /proc/stat <==",
  cpu,
  "",
  "==> /proc/29941/stat <==",
  stat,
  "",
  "==> /proc/29941/status <==",
  ...SAMPLE_STATUS,
];
const SAMPLE = [
  "hertz 100",
  "pagesize 4096",
  "cpus 2",
  "memtotal 24683792",
  "snapshot 1",
  ...sample("cpu  4363075 35303 1290515 8200126 32435 0 41975 2663 0 0", SAMPLE_STAT_1),
  "snapshot 2",
  ...sample("cpu  4363239 35303 1290536 8200140 32436 0 41975 2663 0 0", SAMPLE_STAT_1.replace(" 48 0 0 0 20", " 141 1 0 0 20")),
].join("\n");

describe("mini-top's oracle", () => {
  it("reads a real sample by hand: 94 ticks of 200 on 2 CPUs is 94.0% in Irix mode", () => {
    // Δtotal = 164 + 0 + 21 + 14 + 1 + 0 + 0 + 0 = 200 ticks (2 CPUs × 1 s × 100 Hz);
    // Δ(utime + stime) = (141 + 1) − (48 + 0) = 94; 94 × 100 × 2 / 200 = 94.0.
    // VIRT 2,654,208 / 1024 = 2,592; RES 405 × 4 = 1,620; SHR 1,620 + 0; %MEM 1,620 / 24,683,792 = 0.0066%.
    expect(expectedOutput(SAMPLE)).toBe("29941 0 R 1 94.0 0.0 2592 1620 1620 sh\n");
  });

  it("rounds halves up from the exact fraction", () => {
    expect(roundHalfUp(25n, 10n)).toBe(3n); // 2.5
    expect(roundHalfUp(24n, 10n)).toBe(2n);
    expect(roundHalfUp(75n, 10n)).toBe(8n); // 7.5
    expect(roundHalfUp(1n, 3n)).toBe(0n);
    expect(roundHalfUp(2n, 3n)).toBe(1n);
    expect(decimal(1297n, 1)).toBe("129.7");
    expect(decimal(5462n, 2)).toBe("54.62");
    expect(decimal(7n, 2)).toBe("0.07");
  });

  it("reads the comm to the last parenthesis, whatever it holds", () => {
    for (const comm of ["a) S 1 2 (b", "))", "(", ") R 9 (", "tmux: server"]) {
      const input = SAMPLE.replaceAll("(sh)", `(${comm})`);
      const [row] = table(parseInput(input)!).rows;
      expect(row!.comm).toBe(comm);
      expect(row!.state).toBe("R");
      expect(row!.cpuTenths).toBe(940n);
    }
  });

  it("leaves guest out of top's total and steal out of docker's", () => {
    // 100 ticks of interval on 1 CPU, of which 10 guest (inside user) and 20 steal.
    const cpu = (user: number, steal: number, guest: number) => `cpu  ${user} 0 0 1000 0 0 0 ${steal} ${guest} 0`;
    const cgroup = (usec: number) => [
      "",
      "==> /sys/fs/cgroup/cpu.stat <==",
      `usage_usec ${usec}`,
      "",
      "==> /sys/fs/cgroup/memory.current <==",
      "1000",
      "",
      "==> /sys/fs/cgroup/memory.max <==",
      "max",
      "",
      "==> /sys/fs/cgroup/memory.stat <==",
      "inactive_file 0",
    ];
    const input = [
      "hertz 100",
      "pagesize 4096",
      "cpus 1",
      "memtotal 1000",
      "snapshot 1",
      "==> /proc/stat <==",
      cpu(500, 0, 0),
      "==> /proc/1/stat <==",
      SAMPLE_STAT_1.replace("29941", "1"),
      "==> /proc/1/status <==",
      ...SAMPLE_STATUS,
      ...cgroup(0),
      "snapshot 2",
      "==> /proc/stat <==",
      `cpu  580 0 0 1000 0 0 0 20 10 0`,
      "==> /proc/1/stat <==",
      SAMPLE_STAT_1.replace("29941", "1").replace(" 48 0 0 0 20", " 73 0 0 0 20"),
      "==> /proc/1/status <==",
      ...SAMPLE_STATUS,
      ...cgroup(400_000),
    ].join("\n");
    const { rows, container } = table(parseInput(input)!);
    // top: 25 ticks of 100 (80 user + 20 steal; the 10 guest are inside user): 25.0%.
    expect(rows[0]!.cpuTenths).toBe(250n);
    // docker: 0.4 s of 80 ticks × 10 ms = 0.8 s (steal left out) × 1 CPU: 50.00%.
    expect(container!.cpuHundredths).toBe(5000n);
    // Unlimited: memtotal 1,000 kB is the limit; 1,000 bytes of 1,024,000 is 0.10%.
    expect(container!.limit).toBe(1_024_000n);
    expect(container!.memHundredths).toBe(10n);
  });

  it("agrees with the published examples and with htop's floating-point formula on random machines", () => {
    for (const n of [1, 2, 3, 4]) {
      const input = readFileSync(path.join(examples, `${n}.in`), "utf8");
      expect(expectedOutput(input), `example ${n}`).toBe(readFileSync(path.join(examples, `${n}.out`), "utf8"));
    }
    // htop (LinuxProcessList.c): period = Δtotal / cpus; percent = Δticks / period × 100.
    for (let seed = 1; seed <= 30; seed++) {
      const random = new SeededRandom(seed);
      const machine = randomMachine(random);
      const { before, after } = randomPair(random, machine, { processes: 40, seconds: 2, churn: 200, reuse: 500, shuffled: true, cgroup: 0 });
      const parsed = parseInput(formatInput(machine, before, after))!;
      const period = (after.cpu.slice(0, 8).reduce((a, b) => a + b, 0) - before.cpu.slice(0, 8).reduce((a, b) => a + b, 0)) / machine.cpus;
      const earlier = new Map(before.processes.map((p) => [p.pid, p]));
      for (const row of table(parsed).rows) {
        const p = after.processes.find((q) => q.pid === row.pid)!;
        const old = earlier.get(p.pid);
        const ticks = p.utime + p.stime - (old && old.starttime === p.starttime ? old.utime + old.stime : 0);
        expect(Math.abs(Number(row.cpuTenths) / 10 - (ticks / period) * 100), `seed ${seed} pid ${row.pid}`).toBeLessThanOrEqual(0.05 + 1e-9);
      }
    }
  });

  it("refuses what is not an input", () => {
    expect(parseInput("")).toBeNull();
    expect(parseInput(SAMPLE.replace("hertz 100", "hertz 60"))).toBeNull();
    expect(parseInput(SAMPLE.replace("snapshot 2", "snapshot 3"))).toBeNull();
  });
});

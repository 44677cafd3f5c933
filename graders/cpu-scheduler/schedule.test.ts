import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/graders/core/random";
import {
  ALGORITHMS,
  type Algorithm,
  average,
  expectedOutput,
  formatInput,
  parseInput,
  type Process,
  type Scenario,
  schedule,
} from "@/graders/cpu-scheduler/schedule";
import { tickSchedule } from "@/graders/cpu-scheduler/test/tick-scheduler";

const examples = path.join(import.meta.dirname, "../../exercises/cpu-scheduler/examples");
const scenario = (algorithm: Algorithm, parameter: number, processes: [number, number, number?][]): Scenario => ({
  algorithm,
  parameter,
  report: "full",
  processes: processes.map(([arrival, burst, priority]) => ({ arrival, burst, priority: priority ?? 0 })),
});
const averageOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const turnarounds = (s: Scenario) => schedule(s).figures.map((f) => f.turnaround);
const waits = (s: Scenario) => schedule(s).figures.map((f) => f.waiting);
const responses = (s: Scenario) => schedule(s).figures.map((f) => f.response);

describe("the scheduler's oracle", () => {
  it("answers the statement's examples", () => {
    for (const k of [1, 2, 3]) {
      const input = readFileSync(path.join(examples, `${k}.in`), "utf8");
      expect(expectedOutput(parseInput(input)!), `example ${k}`).toBe(readFileSync(path.join(examples, `${k}.out`), "utf8"));
    }
  });

  it("agrees with the published worked examples", () => {
    // Silberschatz et al., Operating System Concepts: FCFS 24/3/3 waits 17 on average; SJF 7; SRTF
    // 6.5; RR with quantum 4 waits 17/3; non-preemptive priority 8.2 (all arrive at 0, so the
    // preemptive policy with aging schedules them the same).
    expect(
      averageOf(
        waits(
          scenario("FCFS", 0, [
            [0, 24],
            [0, 3],
            [0, 3],
          ]),
        ),
      ),
    ).toBe(17);
    expect(
      averageOf(
        waits(
          scenario("FCFS", 0, [
            [0, 3],
            [0, 3],
            [0, 24],
          ]),
        ),
      ),
    ).toBe(3);
    expect(
      averageOf(
        waits(
          scenario("SJF", 0, [
            [0, 6],
            [0, 8],
            [0, 7],
            [0, 3],
          ]),
        ),
      ),
    ).toBe(7);
    expect(
      averageOf(
        waits(
          scenario("SRTF", 0, [
            [0, 8],
            [1, 4],
            [2, 9],
            [3, 5],
          ]),
        ),
      ),
    ).toBe(6.5);
    expect(
      averageOf(
        waits(
          scenario("RR", 4, [
            [0, 24],
            [0, 3],
            [0, 3],
          ]),
        ),
      ),
    ).toBeCloseTo(17 / 3);
    const priority = scenario("PRIORITY", 5, [
      [0, 10, 3],
      [0, 1, 1],
      [0, 2, 4],
      [0, 1, 5],
      [0, 5, 2],
    ]);
    expect(averageOf(waits(priority))).toBe(8.2);
    expect(schedule(priority).timeline.map((s) => s.pid)).toEqual([2, 5, 1, 3, 4]);
    // Arpaci-Dusseau, OSTEP ch. 7: FCFS 100/10/10 turnaround 110, SJF 50; STCF with B and C at 10: 50;
    // three jobs of 5 at 0: RR (quantum 1) response 1, SJF response 5.
    expect(
      averageOf(
        turnarounds(
          scenario("FCFS", 0, [
            [0, 100],
            [0, 10],
            [0, 10],
          ]),
        ),
      ),
    ).toBe(110);
    expect(
      averageOf(
        turnarounds(
          scenario("SJF", 0, [
            [0, 100],
            [0, 10],
            [0, 10],
          ]),
        ),
      ),
    ).toBe(50);
    expect(
      averageOf(
        turnarounds(
          scenario("SRTF", 0, [
            [0, 100],
            [10, 10],
            [10, 10],
          ]),
        ),
      ),
    ).toBe(50);
    expect(
      averageOf(
        responses(
          scenario("RR", 1, [
            [0, 5],
            [0, 5],
            [0, 5],
          ]),
        ),
      ),
    ).toBe(1);
    expect(
      averageOf(
        responses(
          scenario("SJF", 0, [
            [0, 5],
            [0, 5],
            [0, 5],
          ]),
        ),
      ),
    ).toBe(5);
    // Tanenbaum, Modern Operating Systems: jobs of 8, 4, 4, 4 turn around in 14 on average in order, 11 shortest first.
    expect(
      averageOf(
        turnarounds(
          scenario("FCFS", 0, [
            [0, 8],
            [0, 4],
            [0, 4],
            [0, 4],
          ]),
        ),
      ),
    ).toBe(14);
    expect(
      averageOf(
        turnarounds(
          scenario("SJF", 0, [
            [0, 8],
            [0, 4],
            [0, 4],
            [0, 4],
          ]),
        ),
      ),
    ).toBe(11);
  });

  it("agrees with a tick-by-tick simulation of the rules on thousands of small workloads full of ties", () => {
    const random = new SeededRandom(7);
    for (let round = 0; round < 4000; round++) {
      const algorithm = random.pick(ALGORITHMS);
      const processes: Process[] = Array.from({ length: random.int(1, 9) }, () => ({
        arrival: random.int(0, random.pick([0, 3, 12, 40])),
        burst: random.int(1, random.pick([1, 4, 9])),
        priority: random.int(0, random.pick([0, 2, 6])),
      }));
      const s: Scenario = { algorithm, parameter: algorithm === "RR" || algorithm === "PRIORITY" ? random.int(1, 6) : 0, report: "full", processes };
      expect(schedule(s), formatInput([s])).toEqual(tickSchedule(s));
    }
  });

  it("reads back every input it writes, and refuses one outside the statement's limits", () => {
    const s = scenario("RR", 3, [
      [5, 2, 1],
      [0, 7, 0],
    ]);
    expect(parseInput(formatInput([s]))).toEqual([s]);
    expect(parseInput("1\nRR\n1 full\n0 1 0\n")).toBeNull();
    expect(parseInput("1\nFCFS\n1 full\n0 0 0\n")).toBeNull();
    expect(parseInput("1\nFCFS\n1 brief\n0 1 0\n")).toBeNull();
    expect(parseInput("1\nFCFS\n1 full\n0 1 1001\n")).toBeNull();
    expect(parseInput("1\nFCFS\n2 full\n0 1 0\n")).toBeNull();
    expect(parseInput("1\nRR 1\n2 full\n0 1000000 0\n0 1 0\n")).toBeNull(); // 1,000,001 quanta
  });

  it("rounds averages to two decimals, halves up, exactly at any size", () => {
    expect(average(1n, 8)).toBe("0.13");
    expect(average(5n, 8)).toBe("0.63");
    expect(average(17n, 3)).toBe("5.67");
    expect(average(2n, 3)).toBe("0.67");
    expect(average(0n, 5)).toBe("0.00");
    // 10^16 + 5 over 1,000: a double cannot hold the total (2^53 ≈ 9 × 10^15).
    expect(average(10_000_000_000_000_005n, 1000)).toBe("10000000000000.01");
    expect(average(10_000_000_000_000_004n, 1000)).toBe("10000000000000.00");
  });

  it("idles from time 0 until the first arrival, and between arrivals", () => {
    const { timeline } = schedule(
      scenario("FCFS", 0, [
        [5, 2],
        [10, 1],
      ]),
    );
    expect(timeline).toEqual([
      { start: 0, end: 5, pid: 0 },
      { start: 5, end: 7, pid: 1 },
      { start: 7, end: 10, pid: 0 },
      { start: 10, end: 11, pid: 2 },
    ]);
  });
});

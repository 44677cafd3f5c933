import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/graders/core/random";
import { randomStream, scripted } from "@/graders/deadlock-detection/generate";
import { detect, expectedOutput, formatInput, parseInput, ResourceSystem, WorkloadError } from "@/graders/deadlock-detection/system";

/** The processes that can finish in some order, found by searching every set of finished processes. */
function finishableBySearch(available: number[], allocation: number[][], request: number[][]): Set<number> {
  const n = allocation.length;
  const seen = new Set<number>([0]);
  const frontier = [0];
  let union = 0;
  while (frontier.length > 0) {
    const finished = frontier.pop()!;
    union |= finished;
    const work = available.map((free, r) => allocation.reduce((sum, row, p) => sum + (finished & (1 << p) ? row[r]! : 0), free));
    for (let p = 0; p < n; p++) {
      const next = finished | (1 << p);
      if (finished & (1 << p) || seen.has(next) || !request[p]!.every((wanted, r) => wanted <= work[r]!)) continue;
      seen.add(next);
      frontier.push(next);
    }
  }
  return new Set(Array.from({ length: n }, (_, p) => p).filter((p) => union & (1 << p)));
}

describe("deadlock detection over vectors: published worked examples", () => {
  // Silberschatz, Galvin and Gagne, Operating System Concepts, §7.6.2 (9th ed.): A has 7 instances, B 2, C 6.
  const allocation = [
    [0, 1, 0],
    [2, 0, 0],
    [3, 0, 3],
    [2, 1, 1],
    [0, 0, 2],
  ];
  const request = [
    [0, 0, 0],
    [2, 0, 2],
    [0, 0, 0],
    [1, 0, 0],
    [0, 0, 2],
  ];

  it("Silberschatz: not deadlocked (P0, P2, P3, P1, P4 can finish)", () => {
    expect(detect([0, 0, 0], allocation, request)).toEqual({ deadlocked: [], work: [7, 2, 6] });
  });

  it("Silberschatz: once P2 asks for one more C, P1 to P4 are deadlocked; P0 finishes but frees too little", () => {
    const more = request.map((row, p) => (p === 2 ? [0, 0, 1] : row));
    expect(detect([0, 0, 0], allocation, more)).toEqual({ deadlocked: [1, 2, 3, 4], work: [0, 1, 0] });
  });

  // Tanenbaum and Bos, Modern Operating Systems, §6.4.2, Fig. 6-7: tape drives, plotters, scanners, Blu-ray drives; E = (4 2 3 1).
  const current = [
    [0, 0, 1, 0],
    [2, 0, 0, 1],
    [0, 1, 2, 0],
  ];

  it("Tanenbaum: process 3 runs, then 2, then 1: no deadlock", () => {
    const wants = [
      [2, 0, 0, 1],
      [1, 0, 1, 0],
      [2, 1, 0, 0],
    ];
    expect(detect([2, 1, 0, 0], current, wants)).toEqual({ deadlocked: [], work: [4, 2, 3, 1] });
  });

  it("Tanenbaum: once process 3 also needs the Blu-ray drive, the whole system is deadlocked", () => {
    const wants = [
      [2, 0, 0, 1],
      [1, 0, 1, 0],
      [2, 1, 0, 1],
    ];
    expect(detect([2, 1, 0, 0], current, wants).deadlocked).toEqual([0, 1, 2]);
  });

  it("reports a waiting process that holds nothing (Tanenbaum), where Silberschatz would mark it finished", () => {
    // P0 and P1 each hold the single instance the other wants; P2 holds nothing and wants what P0 holds.
    const held = [
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    const wants = [
      [0, 1],
      [1, 0],
      [1, 0],
    ];
    expect(detect([0, 0], held, wants).deadlocked).toEqual([0, 1, 2]);
  });

  it("agrees with a search over every set of finished processes, on 3,000 random states", () => {
    const random = new SeededRandom(7);
    for (let trial = 0; trial < 3_000; trial++) {
      const n = random.int(1, 7);
      const m = random.int(1, 3);
      const allocation = Array.from({ length: n }, () => Array.from({ length: m }, () => random.int(0, 2)));
      const request = Array.from({ length: n }, () => Array.from({ length: m }, () => (random.next() < 0.5 ? 0 : random.int(1, 3))));
      const available = Array.from({ length: m }, () => random.int(0, 2));
      const finishable = finishableBySearch(available, allocation, request);
      const expected = Array.from({ length: n }, (_, p) => p).filter((p) => !finishable.has(p));
      expect(detect(available, allocation, request).deadlocked, JSON.stringify({ available, allocation, request })).toEqual(expected);
    }
  });
});

/** With one instance of each type: the processes on a cycle of the wait-for graph or waiting, through it, for one that is. */
function deadlockedByWaitForGraph(system: ResourceSystem): number[] {
  const holder = system.total.map((_, r) => system.held.findIndex((row) => row[r] === 1));
  const waitsFor = (p: number) => {
    const waiting = system.waiting[p];
    return waiting ? holder[waiting.type]! : -1;
  };
  // Each process waits for at most one other: follow the chain; it is stuck if it never reaches a process that is not waiting.
  return Array.from({ length: system.n }, (_, p) => p).filter((p) => {
    const visited = new Set<number>();
    let at = p;
    while (at !== -1 && system.waiting[at] && !visited.has(at)) {
      visited.add(at);
      at = waitsFor(at);
    }
    return at !== -1 && system.waiting[at] !== null;
  });
}

describe("the system of the statement", () => {
  it("reproduces the statement's examples", () => {
    for (const k of [1, 2, 3]) {
      const input = readFileSync(`exercises/deadlock-detection/examples/${k}.in`, "utf8");
      expect(expectedOutput(parseInput(input))).toBe(readFileSync(`exercises/deadlock-detection/examples/${k}.out`, "utf8"));
    }
  });

  it("with single-instance types, reports exactly what the wait-for graph shows, on random streams", () => {
    const random = new SeededRandom(11);
    let deadlocks = 0;
    for (let trial = 0; trial < 300; trial++) {
      const n = random.int(2, 12);
      const workload = randomStream(random.fork(String(trial)), { n, m: random.int(2, 10), total: [1, 1], events: 150, detect: 0.2 });
      const system = new ResourceSystem(workload.n, workload.total);
      for (const event of workload.events) {
        const line = system.apply(event);
        if (event.kind !== "DETECT") continue;
        const stuck = deadlockedByWaitForGraph(system);
        expect(line).toBe(stuck.length === 0 ? "NONE" : `DEADLOCK ${stuck.join(" ")}`);
        if (stuck.length > 0) deadlocks++;
      }
    }
    expect(deadlocks).toBeGreaterThan(100);
  });

  it("wakes, oldest first, every waiting request that fits, skipping those that do not", () => {
    const system = new ResourceSystem(5, [10]);
    const run = (text: string) => system.apply(scripted(5, [10], text).events[0]!);
    expect(["REQUEST 0 0 10", "REQUEST 1 0 6", "REQUEST 2 0 3", "REQUEST 3 0 5", "REQUEST 4 0 2"].map(run)).toEqual(["GRANT", "WAIT", "WAIT", "WAIT", "WAIT"]);
    expect(system.queue(0)).toEqual([1, 2, 3, 4]);
    // Five free: 1 (6) does not fit, 2 (3) does, 3 (5) no longer does, 4 (2) does.
    expect(run("RELEASE 0 0 5")).toBe("OK 2 4");
    expect(system.queue(0)).toEqual([1, 3]);
    expect(run("EXIT 0")).toBe("OK 3");
  });

  it("refuses input that breaks the rules, saying which event and why", () => {
    const cases: [string, RegExp][] = [
      ["2 1\n3\n2\nREQUEST 0 0 4\nDETECT\n", /Event 1: process 0 would hold 4 of type 0, more than its 3/],
      ["2 1\n3\n3\nREQUEST 0 0 3\nREQUEST 1 0 1\nREQUEST 1 0 1\n", /Event 3: process 1 is waiting and can only exit/],
      ["2 1\n3\n2\nREQUEST 0 0 2\nRELEASE 0 0 3\n", /Event 2: process 0 gives back 3 of type 0 but holds 2/],
      ["2 1\n3\n1\nWAIT 0\n", /Token 5 of the input: expected REQUEST, RELEASE, EXIT or DETECT, found "WAIT"/],
      ["2 1\n3\n1\nEXIT 2\n", /expected a process \(0 to 1\), found "2"/],
      ["2 1\n3\n0\nDETECT\n", /expected the end of the input/],
      ["2 101\n", /the number of resource types \(1 to 100\)/],
    ];
    for (const [input, message] of cases) expect(() => parseInput(input)).toThrow(message);
    expect(() => parseInput("2 1\n3\n0\n")).not.toThrow(WorkloadError);
  });

  it("formats what it parses", () => {
    const workload = randomStream(new SeededRandom(3), { n: 20, m: 4, total: [1, 5], events: 300, detect: 0.1 });
    expect(parseInput(formatInput(workload))).toEqual(workload);
  });
});

import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/graders/core/random";
import {
  ALGORITHMS,
  type Algorithm,
  type Direction,
  expectedOutput,
  follow,
  formatInput,
  parseInput,
  run,
  type Scenario,
  stopsOf,
} from "@/graders/disk-scheduling/schedule";
import { sweepStops } from "@/graders/disk-scheduling/test/sweep-scheduler";

const scenario = (algorithm: Algorithm, cylinders: number, head: number, direction: Direction, requests: number[]): Scenario => ({
  algorithm,
  cylinders,
  head,
  direction,
  report: "full",
  requests,
});

/** The cylinders served, in order. */
const order = (s: Scenario) => stopsOf(s).flatMap((stop) => (stop.request > 0 ? [stop.cylinder] : []));

describe("the disk scheduler's oracle", () => {
  // Silberschatz, Galvin and Gagne, Operating System Concepts (10th ed.), §11.2: the queue
  // 98, 183, 37, 122, 14, 124, 65, 67 with the head at 53 on cylinders 0–199.
  const queue = [98, 183, 37, 122, 14, 124, 65, 67];
  it("matches Silberschatz et al.'s worked examples", () => {
    expect(run(scenario("FCFS", 200, 53, "up", queue)).total).toBe(640);
    const sstf = scenario("SSTF", 200, 53, "up", queue);
    expect(order(sstf)).toEqual([65, 67, 37, 14, 98, 122, 124, 183]);
    expect(run(sstf).total).toBe(236);
    // SCAN with the head moving toward 0: to the edge, then back up to 183.
    const scan = scenario("SCAN", 200, 53, "down", queue);
    expect(order(scan)).toEqual([37, 14, 65, 67, 98, 122, 124, 183]);
    expect(run(scan).total).toBe(53 + 183);
    expect(run(scan).lines).toContain("0 turn");
    // C-SCAN moving up: to 199, back to 0 (counted here: the statement's convention), then 14 and 37.
    const cscan = scenario("C-SCAN", 200, 53, "up", queue);
    expect(order(cscan)).toEqual([65, 67, 98, 122, 124, 183, 14, 37]);
    expect(run(cscan).total).toBe(146 + 199 + 37);
    expect(run(cscan).lines).toEqual(["65 R7", "67 R8", "98 R1", "122 R4", "124 R6", "183 R2", "199 turn", "0 turn", "14 R5", "37 R3"]);
    // C-LOOK moving up: 183, then straight to 14.
    const clook = scenario("C-LOOK", 200, 53, "up", queue);
    expect(order(clook)).toEqual([65, 67, 98, 122, 124, 183, 14, 37]);
    expect(run(clook).total).toBe(130 + 169 + 23);
    expect(run(scenario("LOOK", 200, 53, "up", queue)).total).toBe(130 + 169);
  });

  // Tanenbaum and Bos, Modern Operating Systems (4th ed.), §5.4.3: the arm at 11, requests for
  // 1, 36, 16, 34, 9 and 12; FCFS travels 111 cylinders, SSF 61, the elevator (going up, turning
  // at the last request: LOOK here) 60.
  it("matches Tanenbaum's worked examples", () => {
    const requests = [1, 36, 16, 34, 9, 12];
    expect(run(scenario("FCFS", 40, 11, "up", requests)).total).toBe(111);
    const sstf = scenario("SSTF", 40, 11, "up", requests);
    expect(order(sstf)).toEqual([12, 9, 16, 1, 34, 36]);
    expect(run(sstf).total).toBe(61);
    const elevator = scenario("LOOK", 40, 11, "up", requests);
    expect(order(elevator)).toEqual([12, 16, 34, 36, 9, 1]);
    expect(run(elevator).total).toBe(60);
  });

  it("pins the conventions the statement pins", () => {
    // SSTF: 40 and 60 are both 10 away from 50; the head goes the way it last moved (first: as given).
    expect(order(scenario("SSTF", 100, 50, "up", [40, 60]))).toEqual([60, 40]);
    expect(order(scenario("SSTF", 100, 50, "down", [40, 60]))).toEqual([40, 60]);
    // 50 at once; down to 49 (1 away, against 53's 3); then 45 and 53 are both 4 away: down again, as it last moved.
    expect(order(scenario("SSTF", 100, 50, "up", [49, 45, 53, 90, 50]))).toEqual([50, 49, 45, 53, 90]);
    // Requests at one cylinder: in input order, whichever way the head moves, and at the head's cylinder at once.
    expect(stopsOf(scenario("SCAN", 100, 50, "down", [10, 30, 10, 50])).map((stop) => stop.request)).toEqual([4, 2, 1, 3]);
    // SCAN with nothing behind the head stops at its last request; with something, it goes to the edge.
    expect(run(scenario("SCAN", 100, 50, "up", [60, 70])).total).toBe(20);
    expect(run(scenario("SCAN", 100, 50, "up", [60, 40])).total).toBe(49 + 59);
    // Nothing ahead: SCAN still goes to the edge first, LOOK turns at once.
    expect(run(scenario("SCAN", 100, 50, "up", [40])).total).toBe(49 + 59);
    expect(run(scenario("LOOK", 100, 50, "up", [40])).total).toBe(10);
    // A request on the edge: no turn line, and C-SCAN's return still counts.
    expect(run(scenario("SCAN", 100, 50, "up", [99, 40])).lines).toEqual(["99 R1", "40 R2"]);
    expect(run(scenario("C-SCAN", 100, 50, "down", [0, 60])).lines).toEqual(["0 R1", "99 turn", "60 R2"]);
    expect(run(scenario("C-SCAN", 100, 50, "down", [0, 60])).total).toBe(50 + 99 + 39);
    // Waits: the distance travelled before each request is served.
    expect(run(scenario("FCFS", 100, 50, "up", [60, 40, 40])).waits).toEqual([10, 30, 30]);
  });

  it("agrees with the cylinder-by-cylinder simulator on random workloads", () => {
    const random = new SeededRandom(23);
    for (let trial = 0; trial < 3_000; trial++) {
      const cylinders = random.int(1, trial % 3 === 0 ? 8 : 60);
      const n = random.int(1, 12);
      const s = scenario(
        ALGORITHMS[trial % ALGORITHMS.length]!,
        cylinders,
        random.int(0, cylinders - 1),
        random.int(0, 1) === 0 ? "up" : "down",
        Array.from({ length: n }, () => random.int(0, cylinders - 1)),
      );
      expect(follow(s, stopsOf(s)), JSON.stringify(s)).toEqual(follow(s, sweepStops(s)));
    }
  });

  it("reads back what it writes, and refuses what the statement does not allow", () => {
    const scenarios = [scenario("C-LOOK", 200, 53, "up", queue), { ...scenario("SSTF", 1, 0, "down", [0]), report: "summary" as const }];
    expect(parseInput(formatInput(scenarios))).toEqual(scenarios);
    // Waits 12, 14, 45, 69, 71, 130, 299 and 322: 962 / 8 = 120.25.
    expect(expectedOutput(scenarios)).toBe("65 R7\n67 R8\n98 R1\n122 R4\n124 R6\n183 R2\n14 R5\n37 R3\nTOTAL 322\nWAIT 120.25 322\nTOTAL 0\nWAIT 0.00 0\n");
    for (const bad of [
      "",
      "1\nSCAN 200 200 up 1 full\n5",
      "1\nSCAN 200 5 left 1 full\n5",
      "1\nSCAN 200 5 up 1 full\n200",
      "1\nCSCAN 9 0 up 1 full\n1",
      "1\nFCFS 9 0 up 2 full\n1",
    ])
      expect(parseInput(bad), bad).toBeNull();
  });
});

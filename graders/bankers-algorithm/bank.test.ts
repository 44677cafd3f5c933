import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/graders/core/random";
import {
  type Bank,
  cloneBank,
  formatWorkload,
  newBank,
  parseWorkload,
  release,
  replay,
  request,
  safety,
  WorkloadFormatError,
} from "@/graders/bankers-algorithm/bank";

/** The textbook state: Silberschatz et al., Operating System Concepts. */
const textbook = () =>
  newBank(
    [3, 3, 2],
    [
      [7, 5, 3],
      [3, 2, 2],
      [9, 0, 2],
      [2, 2, 2],
      [4, 3, 3],
    ],
    [
      [0, 1, 0],
      [2, 0, 0],
      [3, 0, 2],
      [2, 1, 1],
      [0, 0, 2],
    ],
  );

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Safety by brute force: some order of all processes replays to the end. */
const safeByBruteForce = (bank: Bank) => permutations([...Array(bank.n).keys()]).some((order) => replay(bank, order).finished === bank.n);

function randomBank(random: SeededRandom): Bank {
  const n = random.int(1, 5);
  const m = random.int(1, 3);
  const allocation = Array.from({ length: n }, () => Array.from({ length: m }, () => random.int(0, 3)));
  const max = allocation.map((row) => row.map((held) => held + random.int(0, 4)));
  return newBank(
    Array.from({ length: m }, () => random.int(0, 4)),
    max,
    allocation,
  );
}

describe("bankers-algorithm oracle", () => {
  it("finds the textbook's safe sequence and proves it by replay", () => {
    const answer = safety(textbook());
    expect(answer.safe).toBe(true);
    if (answer.safe) expect(replay(textbook(), answer.order).finished).toBe(5);
  });

  it("agrees with a brute force over every order on hundreds of small states", () => {
    const random = new SeededRandom(7);
    let unsafe = 0;
    for (let k = 0; k < 400; k++) {
      const bank = randomBank(random);
      const answer = safety(bank);
      expect(answer.safe).toBe(safeByBruteForce(bank));
      if (!answer.safe) unsafe++;
    }
    // Both verdicts were exercised, not just one.
    expect(unsafe).toBeGreaterThan(40);
    expect(unsafe).toBeLessThan(360);
  });

  it("decides requests in the statement's order and grants only safe ones", () => {
    const bank = textbook();
    expect(request(bank, 3, [1, 0, 0])).toBe("DENY NEED");
    expect(request(bank, 4, [4, 3, 1])).toBe("DENY AVAILABLE");
    // More than the need and more than is available: the need is checked first.
    expect(request(bank, 1, [4, 0, 0])).toBe("DENY NEED");
    expect(request(bank, 1, [1, 0, 2])).toBe("GRANT");
    expect(bank.available).toEqual([2, 3, 0]);
    expect(bank.allocation[1]).toEqual([3, 0, 2]);
    expect(bank.need[1]).toEqual([0, 2, 0]);
    expect(request(bank, 4, [3, 3, 0])).toBe("DENY AVAILABLE");
    const before = cloneBank(bank);
    expect(request(bank, 0, [0, 2, 0])).toBe("DENY UNSAFE");
    expect(bank).toEqual(before);
  });

  it("denies even a request for nothing while the state is unsafe", () => {
    const bank = newBank(
      [1, 0],
      [
        [3, 2],
        [2, 2],
      ],
      [
        [1, 1],
        [1, 1],
      ],
    );
    expect(safety(bank).safe).toBe(false);
    expect(request(bank, 1, [0, 0])).toBe("DENY UNSAFE");
    expect(request(bank, 1, [1, 0])).toBe("DENY UNSAFE");
    expect(release(bank, 0, [1, 1])).toBe("OK");
    expect(request(bank, 1, [0, 0])).toBe("GRANT");
  });

  it("refuses a release of more than is held and changes nothing", () => {
    const bank = textbook();
    const before = cloneBank(bank);
    expect(release(bank, 2, [4, 0, 0])).toBe("INVALID");
    expect(release(bank, 2, [3, 0, 3])).toBe("INVALID");
    expect(bank).toEqual(before);
    expect(release(bank, 2, [3, 0, 2])).toBe("OK");
    expect(bank.available).toEqual([6, 3, 4]);
    expect(bank.need[2]).toEqual([9, 0, 2]);
  });

  it("reads back what it writes and rejects what the drivers reject", () => {
    const workload = { bank: textbook(), operations: [{ kind: "SAFE?" as const }, { kind: "REQUEST" as const, process: 1, amounts: [1, 0, 2] }] };
    expect(parseWorkload(formatWorkload(workload))).toEqual(workload);
    const reject = (input: string) => expect(() => parseWorkload(input)).toThrow(WorkloadFormatError);
    reject("1 1\n0\n1\n2\n0\n"); // allocation above the maximum
    reject("1 1\n999999999\n5\n5\n0\n"); // more than 10^9 of a type in all
    reject("1 1\n0\n1\n0\n1\nREQUEST 1 0\n"); // no process 1
    reject("1 1\n0\n1\n0\n1\nGRANT\n"); // not an operation
    reject("1 1\n0\n1\n0\n0\nSAFE?\n"); // more than q operations
    reject("1 1\n-1\n1\n0\n0\n"); // a negative amount
    reject("0 1\n\n0\n"); // no processes
  });
});

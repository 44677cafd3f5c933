import { describe, expect, it } from "vitest";
import grader, { customScenario } from "@/graders/cow-snapshot/grader";
import { keyLength, mix32, runStore, type Scenario, valueLength } from "@/graders/cow-snapshot/model";

const scenario = (line: string): Scenario => {
  const [keys, maxValue, rounds, after, overlap, seed] = line.split(" ").map(Number) as number[];
  return { keys: keys!, maxValue: maxValue!, rounds: rounds!, after: after!, overlap: overlap!, seed: seed! };
};

describe("cow-snapshot's model", () => {
  it("gives the figures the C harness reported with the reference store", () => {
    // From `printf 'n\n<scenario>\n' | ./prog`, the harness and reference built as a submission is.
    expect(runStore(scenario("100 64 1 50 0 1"))).toEqual({ snapshots: 1, pairs: 100, bytes: 6020, gets: 11, checksum: 1564056061 });
    expect(runStore(scenario("2000 256 3 1000 1 7"))).toEqual({ snapshots: 6, pairs: 14338, bytes: 2257388, gets: 1168, checksum: 2409074781 });
    expect(runStore(scenario("0 10 2 100 0 3"))).toEqual({ snapshots: 2, pairs: 15, bytes: 510, gets: 45, checksum: 2728515329 });
    expect(runStore(scenario("5000 0 2 2000 1 11"))).toEqual({ snapshots: 4, pairs: 21989, bytes: 615205, gets: 1414, checksum: 1923175465 });
    expect(runStore(scenario("64 1048576 2 100 1 13"))).toEqual({ snapshots: 4, pairs: 308, bytes: 159924434, gets: 81, checksum: 3024688662 });
    expect(runStore(scenario("100000 2048 1 2000 0 5"))).toEqual({ snapshots: 1, pairs: 100000, bytes: 105062647, gets: 299, checksum: 539648736 });
  });

  it("mixes as the harness's mix32 does, in unsigned 32-bit arithmetic", () => {
    // Worked from the C: z = 0 + 0x9E3779B9; z = (z ^ z >> 16) * 0x85EBCA6B; z = (z ^ z >> 13) * 0xC2B2AE35; z ^ z >> 16.
    let z = 0x9e3779b9;
    z = Number((BigInt((z ^ (z >>> 16)) >>> 0) * 0x85ebca6bn) & 0xffffffffn);
    z = Number((BigInt((z ^ (z >>> 13)) >>> 0) * 0xc2b2ae35n) & 0xffffffffn);
    expect(mix32(0)).toBe((z ^ (z >>> 16)) >>> 0);
    for (const x of [1, 0x7fffffff, 0xffffffff]) expect(mix32(x)).toBeGreaterThanOrEqual(0);
  });

  it("counts a snapshot at its fork: the store just filled, before the changes that follow", () => {
    // No values, no changes: each pair is its two lengths and its key, 8 to 32 bytes.
    const run = runStore(scenario("3 0 1 0 0 9"));
    const bytes = [0, 1, 2].reduce((sum, id) => sum + 8 + keyLength(id, 9), 0);
    expect(run).toMatchObject({ snapshots: 1, pairs: 3, bytes, gets: 0 });
    for (const id of [0, 1, 2]) expect(keyLength(id, 9)).toBeGreaterThanOrEqual(8), expect(keyLength(id, 9)).toBeLessThanOrEqual(32);
    // One round with changes after the fork: the snapshot still holds exactly the KEYS first set.
    expect(runStore(scenario("1000 64 1 5000 0 2")).pairs).toBe(1000);
    // Overlapping: the first snapshot holds the 1000, the second what the first round's changes left.
    const overlapping = runStore(scenario("1000 64 1 5000 1 2"));
    expect(overlapping.snapshots).toBe(2);
    expect(overlapping.pairs).not.toBe(2000);
  });

  it("draws every value within MAX_VALUE, and none when MAX_VALUE is 0", () => {
    const s = scenario("10 100 1 0 0 4");
    for (let id = 0; id < 10; id++) for (let version = 1; version < 50; version++) expect(valueLength(id, version, s)).toBeLessThanOrEqual(100);
    expect(valueLength(3, 7, scenario("10 0 1 0 0 4"))).toBe(0);
  });
});

describe("cow-snapshot's grader", () => {
  const tests = grader.tests(grader.seed, "c");
  const passing = { snapshots: 1, pairs: 100, bytes: 6020, gets: 11, checksum: 1564056061 };

  it("accepts the model's figures only", () => {
    const first = tests[0]!;
    expect(grader.check(first, { nonce: "n", ok: true, ...passing })).toEqual({ ok: true });
    expect(grader.check(first, { nonce: "n", ok: true, ...passing, pairs: 99 })).toEqual({
      ok: false,
      message: "100 pairs should have been written, over all the snapshots; the harness counted 99.",
    });
    expect(grader.check(first, { nonce: "n", ok: true, ...passing, checksum: 1 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The counts are right/),
    });
  });

  it("has the statement's examples public, and the hidden edges", () => {
    expect(tests.filter((test) => test.visibility === "public").map((test) => test.scenario)).toEqual(["100 64 1 50 0 1", "2000 256 3 1000 1 7"]);
    const hidden = tests.filter((test) => test.visibility === "hidden").map((test) => scenario(test.scenario));
    expect(hidden.some((s) => s.keys === 0)).toBe(true);
    expect(hidden.some((s) => s.maxValue === 0)).toBe(true);
    expect(hidden.some((s) => s.maxValue === 1_048_576)).toBe(true);
    // Stores past the memory rule's 32 MiB (values average MAX_VALUE / 2), with and without overlap.
    const large = hidden.filter((s) => (s.keys * s.maxValue) / 2 >= 64 * 2 ** 20);
    expect(large.map((s) => s.overlap).sort()).toEqual([0, 1]);
  });

  it("takes the user's scenario as the statement writes it, and every test's", () => {
    expect(customScenario("run-1\n100 64 1 50 0 1\n")).toEqual({ ok: true, scenario: "100 64 1 50 0 1" });
    for (const test of [...tests, ...grader.performance!.workloads(grader.seed, "c")])
      expect(customScenario(test.scenario)).toEqual({ ok: true, scenario: test.scenario });
  });

  it("refuses, with the reason, a scenario the harness would reject", () => {
    const refused = (input: string) => {
      const outcome = customScenario(input);
      return outcome.ok ? "taken" : outcome.message;
    };
    expect(refused("100 64 1 50 0")).toMatch(/six numbers .* it has 5\.$/);
    expect(refused("300001 64 1 50 0 1")).toMatch(/^KEYS is 300,001/);
    expect(refused("100 1048577 1 50 0 1")).toMatch(/^MAX_VALUE is 1,048,577/);
    expect(refused("100 64 0 50 0 1")).toMatch(/^ROUNDS is 0/);
    expect(refused("100 64 51 50 0 1")).toMatch(/^ROUNDS is 51/);
    expect(refused("100 64 1 2000001 0 1")).toMatch(/^AFTER is 2,000,001/);
    expect(refused("100 64 1 50 2 1")).toMatch(/^OVERLAP is 2/);
    expect(refused("300000 1024 1 50 0 1")).toMatch(/at most 536,870,912/);
    expect(refused("256 1048576 1 50 0 1")).toBe("taken");
    expect(refused("257 1048576 1 50 0 1")).toMatch(/at most 536,870,912/);
  });
});

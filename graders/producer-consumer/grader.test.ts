import { describe, expect, it } from "vitest";
import grader, { checksum, customScenario, mix } from "@/graders/producer-consumer/grader";

describe("producer-consumer grader", () => {
  it("hashes items exactly as the harnesses do (uint32 arithmetic)", () => {
    // Values computed by the C harness's mix().
    expect(mix(0, 0)).toBe(0);
    expect(mix(1, 0)).toBe(mix(1, 0) >>> 0);
    expect(mix(3, 7)).not.toBe(mix(7, 3));
    expect(checksum(2, 3)).toBe((mix(0, 0) + mix(0, 1) + mix(0, 2) + mix(1, 0) + mix(1, 1) + mix(1, 2)) % 2 ** 32);
  });

  it("accepts the right count and checksum only", () => {
    const [first] = grader.tests(grader.seed, "c");
    const right = { delivered: 1000, accepted: 1000, checksum: checksum(1, 1000) };
    expect(grader.check(first!, right)).toEqual({ ok: true });
    expect(grader.check(first!, { ...right, delivered: 999 })).toMatchObject({ ok: false });
    expect(grader.check(first!, { ...right, checksum: right.checksum ^ 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/checksum/) });
  });

  it("wants at least a full buffer accepted, and all of it delivered, when closing on waiting producers", () => {
    const close = grader.tests(grader.seed, "c").find((test) => test.name === "close wakes waiting producers")!;
    expect(grader.check(close, { delivered: 4, accepted: 4 })).toEqual({ ok: true });
    expect(grader.check(close, { delivered: 3, accepted: 4 })).toMatchObject({ ok: false });
    expect(grader.check(close, { delivered: 2, accepted: 2 })).toMatchObject({ ok: false });
  });

  it("takes the user's scenario as the statement writes it: eight numbers, after an optional word line (the examples')", () => {
    expect(customScenario("run-1\n1 1 4 1000 0 0 0 0\n")).toEqual({ ok: true, scenario: "1 1 4 1000 0 0 0 0" });
    expect(customScenario("  3 0 4 50 0 0 0 1  ")).toEqual({ ok: true, scenario: "3 0 4 50 0 0 0 1" });
    expect(customScenario("1 4 8\n25 40000 0 0 0")).toEqual({ ok: true, scenario: "1 4 8 25 40000 0 0 0" });
    // Every scenario the statement's examples and the public tests use is taken as it is.
    for (const test of grader.tests(grader.seed, "c").filter((t) => t.visibility === "public"))
      expect(customScenario(test.scenario)).toEqual({ ok: true, scenario: test.scenario });
  });

  it("refuses, with the reason, a scenario the harness would reject or that nothing could complete", () => {
    const refused = (input: string) => {
      const outcome = customScenario(input);
      return outcome.ok ? "taken" : outcome.message;
    };
    expect(refused("")).toMatch(/eight numbers .* it has none/);
    expect(refused("run-1\n1 1 4 1000")).toMatch(/eight numbers .* it has 4\.$/);
    expect(refused("run-1\nrun-2\n1 1 4 1000 0 0 0 0")).toMatch(/it has 9/);
    expect(refused("1 1 4 -5 0 0 0 0")).toMatch(/"-5" is not a whole number/);
    expect(refused("1 1 4 1e3 0 0 0 0")).toMatch(/"1e3" is not a whole number/);
    expect(refused("1 1 4 99999999999 0 0 0 0")).toMatch(/is not a whole number from 0 to 2,147,483,647/);
    expect(refused("0 1 4 10 0 0 0 0")).toMatch(/^P \(producers\) is 0; it must be 1 to 32\.$/);
    expect(refused("33 1 4 10 0 0 0 0")).toMatch(/P \(producers\) is 33/);
    expect(refused("1 33 4 10 0 0 0 0")).toMatch(/C \(consumers\) is 33/);
    expect(refused("1 1 0 10 0 0 0 0")).toMatch(/CAPACITY is 0/);
    expect(refused("1 1 257 10 0 0 0 0")).toMatch(/CAPACITY is 257/);
    expect(refused("1 1 4 0 0 0 0 0")).toMatch(/N is 0/);
    expect(refused("32 1 4 100000 0 0 0 0")).toMatch(/P × N = 3,200,000\) at most 3,000,000/);
    expect(refused("1 1 4 10 0 0 1001 0")).toMatch(/SPURIOUS_PERMILLE is 1001/);
    expect(refused("1 1 4 10 0 0 0 2")).toMatch(/MODE is 2/);
    expect(refused("2 0 4 10 0 0 0 0")).toMatch(/nothing would ever take them/);
    expect(refused("32 32 256 93750 0 0 1000 1")).toBe("taken");
  });
});

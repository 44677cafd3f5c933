import { describe, expect, it } from "vitest";
import grader, { checksum, mix } from "@/graders/producer-consumer/grader";

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
});

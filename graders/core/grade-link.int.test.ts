// The `link` kind in the real sandbox, on a small fixture exercise (a shared counter) in C, Go and
// Python: the reference is accepted; a missing lock is caught by the race detector (C, Go), a
// self-deadlock reads as one, a forged report and lost updates are refused.
import { afterAll, describe, expect, it } from "vitest";
import { loadFixture } from "@/graders/core/test/fixture";
import { failureOf, reasonMismatch } from "@/graders/core/golden-reasons";

const fixture = await loadFixture("link-counter");
afterAll(() => fixture.close());
const { bad, judge } = fixture;

describe("link exercises in the sandbox", () => {
  it.each(fixture.languages)("accepts the %s reference", async (language) => {
    const result = await judge(language, await fixture.reference(language));
    expect(result.verdict, JSON.stringify(result.tests)).toBe("AC");
  });

  it.each(bad.map((solution) => [`${solution.language} ${solution.name}`, solution] as const))("gives %s its verdict", async (_name, solution) => {
    const result = await judge(solution.language, solution.code);
    expect(result.verdict, JSON.stringify(result.tests)).toBe(solution.expected);
    // …for the reason its expected.json states (the test, words of the message).
    if (solution.reason) expect(reasonMismatch(failureOf(result), solution.reason)).toBeNull();
  });

  it("shows the race detector's report, cut to the user's file", async () => {
    const noLock = bad.find((solution) => solution.name === "WA-no-lock" && solution.language === "c")!;
    const result = await judge("c", noLock.code);
    const failed = result.tests.find((test) => test.verdict === "WA")!;
    expect(failed.message).toMatch(/^Data race/);
    expect(failed.finding).toBe("race");
    expect(failed.message).toMatch(/counter_add counter\.c:3/);
    expect(failed.message).not.toMatch(/harness\.c/);
  });

  it("calls the self-deadlock a deadlock", async () => {
    const locksTwice = bad.find((solution) => solution.name === "TLE-locks-twice")!;
    const result = await judge("c", locksTwice.code);
    expect(result.tests.find((test) => test.verdict === "TLE")?.message).toMatch(/deadlock/);
  });
});

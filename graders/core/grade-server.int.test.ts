// The `server` kind in the real sandbox, on a small fixture exercise (a line echo server) in C and
// Python, probed by its trusted tool over the server's loopback only: the references are accepted;
// a thread per connection, leaked descriptors, a server that exits and wrong echoes are not.
import { afterAll, describe, expect, it } from "vitest";
import { loadFixture } from "@/graders/core/test/fixture";
import { failureOf, reasonMismatch } from "@/graders/core/golden-reasons";

const fixture = await loadFixture("server-echo");
afterAll(() => fixture.close());
const { bad, judge } = fixture;

describe("server exercises in the sandbox", () => {
  it.each(fixture.languages)("accepts the %s reference, with its figures against itself", async (language) => {
    const result = await judge(language, await fixture.reference(language));
    expect(result.verdict, JSON.stringify(result)).toBe("AC");
    expect(result.performance?.server?.throughput).toBeGreaterThan(0);
  });

  it.each(bad.map((solution) => [`${solution.language} ${solution.name}`, solution] as const))("gives %s its verdict", async (_name, solution) => {
    const result = await judge(solution.language, solution.code);
    expect(result.verdict, JSON.stringify(result.tests)).toBe(solution.expected);
    // …for the reason its expected.json states (the test, words of the message).
    if (solution.reason) expect(reasonMismatch(failureOf(result), solution.reason)).toBeNull();
  });

  it.each([
    ["WA-thread-per-connection", /threads at once; this exercise asks for one thread/],
    ["WA-leaks-descriptors", /still held \d+ open descriptors/],
  ])("says what %s does wrong", async (name, message) => {
    const solution = bad.find((candidate) => candidate.name === name)!;
    const result = await judge(solution.language, solution.code);
    expect(result.tests.find((test) => test.verdict === "WA")?.message).toMatch(message);
  });
});

import { describe, expect, it } from "vitest";
import { selfTestCases } from "@/graders/core/self-test";

describe("selfTestCases", () => {
  it("keeps the solutions whose name starts with one of those asked for, in the languages asked for", async () => {
    const cases = await selfTestCases({ exercises: ["bankers-algorithm"], solutions: ["reference", "TLE"] });
    expect(cases.map((c) => `${c.solution} ${c.language}`).sort()).toEqual([
      "TLE-rebuilds-work-every-step c",
      "TLE-rebuilds-work-every-step go",
      "TLE-rebuilds-work-every-step python",
      "TLE-restarts-scan-after-each-finish c",
      "TLE-restarts-scan-after-each-finish go",
      "TLE-restarts-scan-after-each-finish python",
      "reference c",
      "reference go",
      "reference python",
    ]);
    expect(cases.filter((c) => c.solution.startsWith("TLE")).every((c) => c.expected === "TLE")).toBe(true);
    const goOnly = await selfTestCases({ exercises: ["bankers-algorithm", "lru-pager"], languages: ["go"], solutions: ["WA-fifo"] });
    expect(goOnly.map((c) => `${c.exercise} ${c.solution} ${c.language}`)).toEqual(["lru-pager WA-fifo go"]);
  });
});

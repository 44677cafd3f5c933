import { describe, expect, it } from "vitest";
import { interviewOutcome } from "@/lib/scorecards/outcome";

describe("interviewOutcome", () => {
  it("is nothing without a scorecard", () => {
    expect(interviewOutcome([])).toBeNull();
  });

  it("is the mean recommendation, a tie rounded towards caution", () => {
    expect(interviewOutcome(["strong_yes"])).toEqual({ recommendation: "strong_yes", split: false, count: 1 });
    expect(interviewOutcome(["yes", "strong_yes"])?.recommendation).toBe("yes");
    expect(interviewOutcome(["no", "yes"])).toEqual({ recommendation: "no", split: true, count: 2 });
    expect(interviewOutcome(["strong_no", "strong_yes", "strong_yes"])).toEqual({ recommendation: "yes", split: true, count: 3 });
    expect(interviewOutcome(["strong_no", "no"])?.recommendation).toBe("strong_no");
  });
});

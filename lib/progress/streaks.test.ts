import { describe, expect, it } from "vitest";
import { addDays, dayIn, streaks } from "@/lib/progress/streaks";

describe("streaks", () => {
  it("counts the run that ends today, or yesterday while today is still open", () => {
    const days = ["2026-11-28", "2026-11-29", "2026-11-30"];
    expect(streaks(days, "2026-11-30")).toEqual({ current: 3, longest: 3 });
    expect(streaks(days, "2026-12-01")).toEqual({ current: 3, longest: 3 });
    expect(streaks(days, "2026-12-02")).toEqual({ current: 0, longest: 3 });
  });

  it("keeps the longest run apart from the current one, across months and years", () => {
    const days = ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02", "2026-02-10", "2026-02-11"];
    expect(streaks(days, "2026-02-11")).toEqual({ current: 2, longest: 4 });
    expect(streaks([], "2026-02-11")).toEqual({ current: 0, longest: 0 });
    expect(streaks(["2026-02-11", "2026-02-11"], "2026-02-11")).toEqual({ current: 1, longest: 1 });
  });

  it("walks over leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(streaks(["2028-02-28", "2028-02-29", "2028-03-01"], "2028-03-01").current).toBe(3);
  });

  it("puts an instant on the day of the user's own time zone", () => {
    const lateEvening = new Date("2026-12-01T23:30:00Z");
    expect(dayIn("UTC", lateEvening)).toBe("2026-12-01");
    expect(dayIn("Asia/Tokyo", lateEvening)).toBe("2026-12-02");
    expect(dayIn("America/Los_Angeles", new Date("2026-12-02T03:00:00Z"))).toBe("2026-12-01");
  });
});

describe("endOfDay", () => {
  it("is the next local midnight of the user's time zone", async () => {
    const { endOfDay } = await import("@/lib/progress/time-zone");
    expect(endOfDay("UTC", new Date("2026-12-01T10:00:00Z")).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(endOfDay("Asia/Tokyo", new Date("2026-12-01T10:00:00Z")).toISOString()).toBe("2026-12-01T15:00:00.000Z");
    expect(endOfDay("America/New_York", new Date("2026-12-01T10:00:00Z")).toISOString()).toBe("2026-12-02T05:00:00.000Z");
  });
});

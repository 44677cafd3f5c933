import { describe, expect, it } from "vitest";
import { formatRemaining, remainingMs } from "@/components/interviews/room-timer";

describe("the room's countdown", () => {
  const timer = { startedAt: "2026-12-02T10:00:00.000Z", endsAt: "2026-12-02T10:45:00.000Z", endedAt: null };

  it("counts to the server's end on the server's clock, whatever this browser's clock says", () => {
    const serverNow = Date.parse("2026-12-02T10:40:00.000Z");
    const browserNow = serverNow - 3 * 60_000; // a browser three minutes slow
    expect(remainingMs(timer, serverNow - browserNow, browserNow)).toBe(5 * 60_000);
  });

  it("is over once the server ended it, and not started without an end", () => {
    expect(remainingMs({ ...timer, endedAt: "2026-12-02T10:30:00.000Z" }, 0, Date.parse("2026-12-02T10:31:00.000Z"))).toBe(0);
    expect(remainingMs({ startedAt: null, endsAt: null, endedAt: null }, 0)).toBeNull();
    expect(remainingMs(timer, 0, Date.parse("2026-12-02T11:00:00.000Z"))).toBe(0);
  });

  it("reads as minutes and seconds, hours when there are", () => {
    expect(formatRemaining(5 * 60_000)).toBe("05:00");
    expect(formatRemaining(61_500)).toBe("01:02");
    expect(formatRemaining(2 * 3600_000 + 5_000)).toBe("2:00:05");
  });
});

import { describe, expect, it } from "vitest";
import { type LiveProgress, nextProgress, progressLabel, progressShare } from "@/components/exercises/live-progress";
import type { SubmissionEvent } from "@/lib/validations/submissions";

/** The labels a stream of events shows, in order. */
function labels(events: SubmissionEvent[]): string[] {
  let progress: LiveProgress | null = null;
  return events.map((event) => progressLabel((progress = nextProgress(progress, event)), null));
}

describe("live progress", () => {
  it("names each phase for what it is: Python's syntax check, a build, a server started, each test by number", () => {
    expect(
      labels([
        { type: "started", attempt: 1 },
        { type: "compiling", step: "checking" },
        { type: "test-started", index: 1, total: 3 },
      ]),
    ).toEqual(["Preparing a sandbox…", "Checking your code's syntax…", "Running test 1 of 3…"]);
    expect(labels([{ type: "compiling", step: "building" }])).toEqual(["Building your code…"]);
    expect(labels([{ type: "compiling", step: "starting" }])).toEqual(["Building and starting your server…"]);
    expect(labels([{ type: "compiling" }])).toEqual(["Building your code…"]); // an older worker's event
    expect(labels([{ type: "test", index: 2, total: 3, name: "b", verdict: "AC" }])).toEqual(["2 of 3 tests run…"]);
  });

  it("counts the performance runs, which may end early, with a determinate share", () => {
    let progress = nextProgress(null, { type: "performance", state: "started" });
    expect(progressLabel(progress, null)).toBe("Measuring performance against the reference…");
    expect(progressShare(progress)).toBeUndefined();
    progress = nextProgress(progress, { type: "performance", state: "measuring", done: 2, planned: 5 });
    expect(progressLabel(progress, null)).toBe("Measuring performance against the reference: run 3 of at most 5…");
    expect(progressShare(progress)).toBe(0.4);
    progress = nextProgress(progress, { type: "performance", state: "finished" });
    expect(progress).toMatchObject({ measured: 2, planned: 5 }); // finished keeps the figures until the result arrives
    const last = nextProgress(null, { type: "performance", state: "measuring", done: 5, planned: 5 });
    expect(progressLabel(last, null)).toBe("Measuring performance against the reference: run 5 of at most 5…");
  });

  it("shares tests done of the total while testing, and nothing where no count is known", () => {
    const testing = nextProgress(null, { type: "test-started", index: 3, total: 4 });
    expect(progressShare(testing)).toBe(0.5);
    expect(progressShare(nextProgress(null, { type: "compiling", step: "building" }))).toBeUndefined();
    expect(progressLabel({ phase: "queued", testsDone: 0, testsTotal: 0 }, 4)).toBe("Waiting in the queue (position 4)…");
  });
});

// Following a submission's progress through failing connections, with a fake EventSource and fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { followSubmission, PROGRESS_LOST_MESSAGE } from "@/components/exercises/follow-submission";

class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
  close() {
    this.closed = true;
  }
  /** An event the server sent. */
  send(type: string, id: number, data: unknown) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data), lastEventId: String(id) }));
  }
  /** The browser's error: the connection was lost or refused. */
  fail() {
    this.dispatchEvent(new Event("error"));
  }
}

const latest = () => FakeEventSource.opened.at(-1)!;
/** A public submission as the server sends it in JSON. */
const submission = (status: string) => ({
  id: "s1",
  exerciseSlug: "syscall-echo",
  language: "c",
  kind: "submit",
  status,
  verdict: status === "done" ? "AC" : null,
  score: status === "done" ? 1 : null,
  result: null,
  notice: null,
  queuePosition: null,
  queuedAt: "2026-01-01T00:00:00.000Z",
  startedAt: null,
  finishedAt: status === "done" ? "2026-01-01T00:00:02.000Z" : null,
});

function follow(fetchAnswer: unknown = null) {
  const calls = { progress: [] as string[], done: [] as { status: string; queuedAt: Date }[], lost: [] as string[] };
  const fetch = vi.fn(async () => (fetchAnswer === null ? new Response("{}", { status: 500 }) : Response.json(fetchAnswer)));
  const handle = followSubmission({
    submissionId: "s1",
    onProgress: (event) => calls.progress.push(event.type),
    onDone: (finished) => calls.done.push(finished),
    onLost: (message) => calls.lost.push(message),
    EventSource: FakeEventSource,
    fetch,
  });
  return { calls, fetch, handle };
}

/** Makes every new connection fail at once, `times` times. */
async function failRepeatedly(times: number) {
  for (let i = 0; i < times; i++) {
    const before = FakeEventSource.opened.length;
    latest().fail();
    await vi.runOnlyPendingTimersAsync();
    if (FakeEventSource.opened.length === before) return;
  }
}

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("followSubmission", () => {
  it("reconnects after 1 s, 2 s, 4 s, resuming after the last event it saw", async () => {
    const { calls } = follow();
    expect(latest().url).toBe("/api/submissions/s1/events");
    latest().send("queued", 1, { type: "queued" });
    latest().send("started", 2, { type: "started", attempt: 1 });

    for (const [wait, tries] of [
      [1_000, 2],
      [2_000, 3],
      [4_000, 4],
    ] as const) {
      const failing = latest();
      failing.fail();
      expect(failing.closed).toBe(true);
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(FakeEventSource.opened).toHaveLength(tries - 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(FakeEventSource.opened).toHaveLength(tries);
      expect(latest().url).toBe("/api/submissions/s1/events?after=2");
    }
    latest().send("compiling", 3, { type: "compiling" });
    expect(calls.progress).toEqual(["queued", "started", "compiling"]);
  });

  it("reads every event through its schema: one it cannot read is a failed connection, resumed after the last good one", async () => {
    const { calls } = follow();
    latest().send("queued", 1, { type: "queued" });
    const broken = latest();
    broken.send("test", 2, { type: "test", index: "one" }); // no total, an index that is no number
    expect(calls.progress).toEqual(["queued"]);
    expect(broken.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(latest().url).toBe("/api/submissions/s1/events?after=1");
    latest().send("done", 2, { type: "done", status: "done", verdict: "AC", score: 1, submission: { id: "s1" } }); // not a submission
    expect(calls.done).toEqual([]);
  });

  it("starts the delays over once an event arrives again", async () => {
    follow();
    latest().fail();
    await vi.advanceTimersByTimeAsync(1_000);
    latest().fail();
    await vi.advanceTimersByTimeAsync(2_000);
    latest().send("queued", 1, { type: "queued" });
    latest().fail();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeEventSource.opened).toHaveLength(4);
    expect(latest().url).toBe("/api/submissions/s1/events?after=1");
  });

  it("stops on `done`, handing over the result with its dates, and opens nothing more", async () => {
    const { calls, fetch } = follow();
    latest().send("done", 5, { type: "done", status: "done", verdict: "AC", score: 1, submission: submission("done") });
    expect(latest().closed).toBe(true);
    expect(calls.done).toHaveLength(1);
    expect(calls.done[0]!.queuedAt).toEqual(new Date("2026-01-01T00:00:00.000Z"));
    await vi.runAllTimersAsync();
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("gives up after five reconnects that fail, saying live progress was lost, when the submission is not done", async () => {
    const { calls, fetch } = follow(submission("running"));
    await failRepeatedly(10);
    expect(FakeEventSource.opened).toHaveLength(6);
    expect(FakeEventSource.opened.every((source) => source.closed)).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith("/api/submissions/s1", { cache: "no-store" });
    expect(calls.lost).toEqual([PROGRESS_LOST_MESSAGE]);
    expect(calls.lost[0]).toMatch(/history/);
    expect(calls.done).toEqual([]);
  });

  it("shows the result when it gives up on a submission that finished meanwhile", async () => {
    const { calls } = follow(submission("done"));
    await failRepeatedly(10);
    expect(calls.lost).toEqual([]);
    expect(calls.done).toMatchObject([{ id: "s1", status: "done", verdict: "AC" }]);
  });

  it("says live progress was lost when the submission cannot be fetched either", async () => {
    const { calls } = follow(null);
    await failRepeatedly(10);
    expect(calls.lost).toEqual([PROGRESS_LOST_MESSAGE]);
  });

  it("treats the server's `error` event as a failure, and passes on its message when the tries run out", async () => {
    const { calls } = follow(submission("running"));
    const serverError = () => latest().dispatchEvent(new MessageEvent("error", { data: JSON.stringify({ message: "Reload the page." }) }));
    serverError();
    expect(latest().closed).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeEventSource.opened).toHaveLength(2);
    for (let i = 0; i < 5; i++) {
      serverError();
      await vi.runOnlyPendingTimersAsync();
    }
    expect(calls.lost).toEqual(["Reload the page."]);
  });

  it("does nothing more once the page closes it", async () => {
    const { calls, fetch, handle } = follow();
    latest().fail();
    handle.close();
    await vi.runAllTimersAsync();
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(fetch).not.toHaveBeenCalled();
    expect(calls.lost).toEqual([]);
  });
});

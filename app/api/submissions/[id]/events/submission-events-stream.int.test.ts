// The progress stream's edges against a real database: resume points it must refuse, streams that
// must end with the result instead of waiting forever, and a failure inside an open stream.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { jsonRequest, signUp, TEST_BASE_URL, useFreshAppDatabase } from "@/test/support/app-routes";

let events: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let submit: (request: Request) => Promise<Response>;
beforeAll(async () => {
  await useFreshAppDatabase("submission_events_stream");
  const { POST } = await import("@/app/api/submissions/route");
  submit = (request) => POST(request, {});
  events = (await import("@/app/api/submissions/[id]/events/route")).GET;
});

const valid = { exerciseSlug: "syscall-echo", language: "c", code: "int echo_lines(int a, int b) { return 0; }", kind: "submit" };
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const RESULT = { version: 3, status: "pass", verdict: "AC", score: 1, tests: [], metrics: { maxCpuMs: 1, peakMemoryKiB: 1 } };

let users = 0;

/** A queued submission of a new user (one user would soon meet the limit on waiting submissions), and its owner's cookie. */
async function newSubmission(): Promise<{ id: string; cookie: string }> {
  const cookie = await signUp(`user${++users}@example.com`);
  const response = await submit(jsonRequest("/api/submissions", valid, { cookie }));
  expect(response.status).toBe(202);
  return { id: (await response.json()).id, cookie };
}

/** Ends a submission as the worker does: its status and its `done` event in one transaction. */
async function finish(id: string, status: "done" | "internal_error"): Promise<void> {
  const { db } = await import("@/lib/db");
  const { publishSubmissionEvent } = await import("@/lib/grading/submission-events");
  await db.$transaction(async (tx) => {
    if (status === "done") {
      await tx.submission.update({ where: { id }, data: { status, verdict: "AC", score: 1, results: RESULT, finishedAt: new Date() } });
      await publishSubmissionEvent(tx, id, { type: "done", status, verdict: "AC", score: 1 });
    } else {
      await tx.submission.update({ where: { id }, data: { status, verdict: "IE", errorReason: "test", finishedAt: new Date() } });
      await publishSubmissionEvent(tx, id, { type: "done", status, verdict: "IE", score: null });
    }
  });
}

const open = ({ id, cookie }: { id: string; cookie: string }, headers: Record<string, string> = {}, query = "") =>
  events(new Request(`${TEST_BASE_URL}/api/submissions/${id}/events${query}`, { headers: { cookie, ...headers } }), params(id));

/** What a stream sends until it ends, or "(still open)" appended when it has not ended within `ms`. */
async function readUntilEnd(body: ReadableStream<Uint8Array>, ms = 4_000): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + ms;
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), Math.max(0, deadline - Date.now()))));
    const next = await Promise.race([reader.read(), timeout]);
    clearTimeout(timer);
    if (next === "timeout") {
      await reader.cancel();
      return `${text}(still open)`;
    }
    if (next.done) return text;
    text += decoder.decode(next.value, { stream: true });
  }
}

const parseEvents = (text: string) =>
  [...text.matchAll(/(?:id: (\d+)\n)?event: ([\w-]+)\ndata: (.*)\n\n/g)].map((m) => ({ id: m[1] ? Number(m[1]) : null, type: m[2], data: JSON.parse(m[3]!) }));

describe("GET /api/submissions/:id/events: resume points", () => {
  it.each([
    ["Last-Event-ID past the int4 range", { "last-event-id": "2147483648" }, "", "Last-Event-ID"],
    ["a negative Last-Event-ID", { "last-event-id": "-1" }, "", "Last-Event-ID"],
    ["a Last-Event-ID that is not a number", { "last-event-id": "abc" }, "", "Last-Event-ID"],
    ["a fractional Last-Event-ID", { "last-event-id": "1.5" }, "", "Last-Event-ID"],
    ["an `after` past the int4 range", {}, "?after=2147483648", "after"],
    ["an `after` that is not a number", {}, "?after=1e3", "after"],
  ])("refuses %s with a 400 that says what a resume point is", async (_case, headers, query, named) => {
    const response = await open(await newSubmission(), headers, query);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain(named);
    expect(error.message).toContain("0 to 2147483647");
  });

  it("resumes from `after` when no Last-Event-ID is sent (a new EventSource cannot send one)", async () => {
    const submission = await newSubmission();
    await finish(submission.id, "done");
    const text = await readUntilEnd((await open(submission, {}, "?after=1")).body!);
    expect(parseEvents(text).map((e) => e.type)).toEqual(["done"]);
  });
});

describe("GET /api/submissions/:id/events: finished submissions", () => {
  it.each([
    ["done", "at the done event", { "last-event-id": "2" }, ""],
    ["done", "past the end", { "last-event-id": "9" }, ""],
    ["done", "past the end, as `after`", {}, "?after=9"],
    ["internal_error", "past the end", { "last-event-id": "2147483647" }, ""],
  ] as const)("ends a %s submission's stream resumed %s with its result", async (status, _case, headers, query) => {
    const submission = await newSubmission();
    const { id } = submission;
    await finish(id, status);
    const response = await open(submission, headers, query);
    expect(response.status).toBe(200);
    const received = parseEvents(await readUntilEnd(response.body!));
    expect(received.map((e) => e.type)).toEqual(["done"]);
    expect(received[0]).toMatchObject({ id: 2, data: { type: "done", status, submission: { id, status } } });
  });

  it("ends a stream resumed past the end once the submission finishes", async () => {
    const submission = await newSubmission();
    const { id } = submission;
    const response = await open(submission, { "last-event-id": "50" });
    const ended = readUntilEnd(response.body!, 8_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await finish(id, "done");
    const received = parseEvents(await ended);
    expect(received.map((e) => e.type)).toEqual(["done"]);
    expect(received[0]?.data.submission).toMatchObject({ id, status: "done", verdict: "AC" });
  });
});

describe("GET /api/submissions/:id/events: failures inside an open stream", () => {
  it("logs a database error with the submission and ends the stream with an error event saying what to do", async () => {
    const { id } = await newSubmission();
    const { logger } = await import("@/lib/logger");
    const logged = vi.spyOn(logger, "error");
    const { streamSubmissionEvents } = await import("@/lib/server/submissions/stream-submission-events");
    const { db } = await import("@/lib/db");
    const userId = (await db.submission.findUniqueOrThrow({ where: { id } })).userId!;
    const { getSubmission } = await import("@/lib/server/submissions/get-submission");
    const readSubmission = () => getSubmission({ userId, submissionId: id });
    // Past the int4 range of "seq": Postgres refuses the query (the route refuses such a resume point first).
    const stream = await streamSubmissionEvents({ submissionId: id, readSubmission, afterSeq: 2_147_483_648, signal: new AbortController().signal });
    const received = parseEvents(await readUntilEnd(stream));
    expect(received.map((e) => e.type)).toEqual(["error"]);
    expect(received[0]?.data.message).toMatch(/reload/i);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ submissionId: id, err: expect.anything() }), expect.any(String));
    logged.mockRestore();
  });
});

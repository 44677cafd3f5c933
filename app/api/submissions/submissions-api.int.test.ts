// The submissions HTTP API against a real database: validation, ownership, the enqueue transaction,
// and the progress stream. Grading itself is covered with the worker and Docker elsewhere.
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, signUp, streamedRequest, TEST_BASE_URL, useFreshAppDatabase } from "@/test/support/app-routes";
import { queryRows } from "@/test/support/database";

let databaseUrl: string;
let submit: (request: Request) => Promise<Response>;
let getOne: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let events: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let alice: string;
let bob: string;

beforeAll(async () => {
  databaseUrl = await useFreshAppDatabase("submissions_api");
  const { POST } = await import("@/app/api/submissions/route");
  submit = (request) => POST(request, {});
  getOne = (await import("@/app/api/submissions/[id]/route")).GET;
  events = (await import("@/app/api/submissions/[id]/events/route")).GET;
  alice = await signUp("alice@example.com");
  bob = await signUp("bob@example.com");
});

const sql = <Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) => queryRows<Row>(databaseUrl, text, values);

const valid = { exerciseSlug: "syscall-echo", language: "c", code: "int echo_lines(int a, int b) { return 0; }", kind: "submit" };
const params = (id: string) => ({ params: Promise.resolve({ id }) });

/** What a progress stream sends until it ends. */
async function readToEnd(reader: ReadableStreamDefaultReader<string>): Promise<string> {
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text;
    text += value;
  }
}

describe("POST /api/submissions", () => {
  it("records the submission and its grading job together", async () => {
    const response = await submit(jsonRequest("/api/submissions", valid, { cookie: alice }));
    expect(response.status).toBe(202);
    const { id } = await response.json();
    const [row] = await sql<{ status: string; kind: string }>(`SELECT status, kind FROM "Submission" WHERE id = $1`, [id]);
    expect(row).toEqual({ status: "queued", kind: "submit" });
    const jobs = await sql<{ task_identifier: string; payload: { submissionId: string }; max_attempts: number }>(
      `SELECT j.task_identifier, p.payload, j.max_attempts
       FROM graphile_worker.jobs j JOIN graphile_worker._private_jobs p ON p.id = j.id WHERE j.key = $1`,
      [`grade:${id}`],
    );
    expect(jobs).toEqual([{ task_identifier: "grade-submission", payload: { version: 1, submissionId: id }, max_attempts: 4 }]);
  });

  it("records no submission when its job cannot be enqueued: one transaction, both or neither", async () => {
    // The job insert fails inside the database (a trigger raising on graphile-worker's job table).
    const dora = await signUp("dora@example.com");
    await sql(`CREATE FUNCTION refuse_job() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no job today'; END $$`);
    await sql(`CREATE TRIGGER refuse_job BEFORE INSERT ON graphile_worker._private_jobs FOR EACH ROW EXECUTE FUNCTION refuse_job()`);
    try {
      const before = await sql<{ n: string }>(`SELECT count(*) AS n FROM "Submission"`);
      const response = await submit(jsonRequest("/api/submissions", valid, { cookie: dora }));
      expect(response.status).toBe(500);
      expect((await response.json()).error.message).not.toMatch(/no job today/); // the database's words stay in the log
      expect(await sql(`SELECT count(*) AS n FROM "Submission"`)).toEqual(before);
    } finally {
      await sql(`DROP TRIGGER refuse_job ON graphile_worker._private_jobs`);
      await sql(`DROP FUNCTION refuse_job()`);
    }
    // And with the job table taking inserts again, the same request is recorded with its job.
    const response = await submit(jsonRequest("/api/submissions", valid, { cookie: dora }));
    expect(response.status).toBe(202);
  });

  it.each([
    ["no session", valid, {}, 401, "Sign in first"],
    ["unknown language", { ...valid, language: "cobol" }, { cookie: "alice" }, 422, "Choose one of the languages"],
    ["unknown exercise", { ...valid, exerciseSlug: "no-such-thing" }, { cookie: "alice" }, 404, 'There is no exercise "no-such-thing"'],
    ["language not offered", { ...valid, language: "cpp" }, { cookie: "alice" }, 422, "offered in C, Go, Python, not C++"],
    ["code over 64 KiB", { ...valid, code: "x".repeat(64 * 1024 + 1) }, { cookie: "alice" }, 422, "Code is limited to 64 KiB"],
    ["custom input on a Submit", { ...valid, stdin: "hi" }, { cookie: "alice" }, 422, "Custom input goes with a Run"],
    ["an unknown field", { ...valid, userId: "someone-else" }, { cookie: "alice" }, 422, "not valid"],
    ["malformed JSON", "{not json", { cookie: "alice" }, 422, "must be JSON"],
    [
      "a NUL in the code",
      { ...valid, code: "int x;\n\u0000" },
      { cookie: "alice" },
      422,
      "code: Code cannot contain a NUL character (\\0); there is one on line 2",
    ],
    [
      "an empty file",
      { ...valid, code: " \n\t\n" },
      { cookie: "alice" },
      422,
      "code: Your file is empty: write your solution (or use Reset to starter) before you run it.",
    ],
  ])("refuses %s with a clear message and stores nothing", async (_case, body, headers, status, message) => {
    const before = await sql<{ n: string }>(`SELECT count(*) AS n FROM "Submission"`);
    const cookieHeader: Record<string, string> = (headers as { cookie?: string }).cookie ? { cookie: alice } : {};
    const response = await submit(jsonRequest("/api/submissions", body, cookieHeader));
    expect(response.status).toBe(status);
    const { error } = await response.json();
    expect(`${error.message} ${JSON.stringify(error.details ?? [])}`).toContain(message);
    expect(await sql(`SELECT count(*) AS n FROM "Submission"`)).toEqual(before);
  });

  it.each([
    ["a text/plain body (a form another site can send)", { "content-type": "text/plain" }, 415, "Content-Type: application/json, not text/plain"],
    ["a form body", { "content-type": "application/x-www-form-urlencoded" }, 415, "Content-Type: application/json"],
    ["another site's Origin", { origin: "https://evil.example" }, 403, "came from https://evil.example"],
    ["a browser saying it is cross-site", { "sec-fetch-site": "cross-site" }, 403, "osprep's own pages"],
  ])("refuses a cookie-authenticated submission with %s, storing nothing", async (_case, headers, status, message) => {
    const before = await sql<{ n: string }>(`SELECT count(*) AS n FROM "Submission"`);
    const request = jsonRequest("/api/submissions", valid, { cookie: alice });
    for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
    const response = await submit(request);
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toContain(message);
    expect(await sql(`SELECT count(*) AS n FROM "Submission"`)).toEqual(before);
  });

  it("takes a submission without an Origin (a script, not a browser) when it is JSON", async () => {
    const request = jsonRequest("/api/submissions", valid, { cookie: alice });
    request.headers.delete("origin");
    expect((await submit(request)).status).toBe(202);
  });

  it("keeps custom input byte for byte, NUL included", async () => {
    const stdin = "a\u0000b\n\u00e9";
    const response = await submit(jsonRequest("/api/submissions", { ...valid, kind: "run", stdin }, { cookie: alice }));
    expect(response.status).toBe(202);
    const { id } = await response.json();
    const [row] = await sql<{ stdin: Buffer }>(`SELECT stdin FROM "Submission" WHERE id = $1`, [id]);
    expect(row?.stdin).toEqual(Buffer.from(stdin, "utf8"));
  });

  it("refuses a request body far over the limit before reading it as JSON", async () => {
    const response = await submit(jsonRequest("/api/submissions", { ...valid, code: "x".repeat(1024 * 1024) }, { cookie: alice }));
    expect(response.status).toBe(413);
  });

  it("stops reading a chunked body without a length at the limit: 100 MB sent, at most the limit read", async () => {
    const { request, pulledBytes } = streamedRequest("/api/submissions", 100 * 1024 * 1024, { cookie: alice });
    const response = await submit(request);
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toContain("code is limited to 64 KiB");
    expect(pulledBytes()).toBeLessThan(1024 * 1024);
  });

  it("limits how many submissions one user has waiting, saying when to retry", async () => {
    const carol = await signUp("carol@example.com");
    // A worker is alive (its heartbeat is fresh): the submissions are being graded.
    await sql(`INSERT INTO "GradingWorker" (id, hostname, pid, concurrency, "jobWorkerIds") VALUES ('alive', 'test', 1, 1, '{}')`);
    for (let i = 0; i < 5; i++) expect((await submit(jsonRequest("/api/submissions", valid, { cookie: carol }))).status).toBe(202);
    const limited = await submit(jsonRequest("/api/submissions", valid, { cookie: carol }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("5");
    expect((await limited.json()).error.message).toContain("still being graded");
  });

  it("says grading is paused when the user's waiting submissions have no worker to go to", async () => {
    const frank = await signUp("frank@example.com");
    await sql(`DELETE FROM "GradingWorker"`);
    for (let i = 0; i < 5; i++) expect((await submit(jsonRequest("/api/submissions", valid, { cookie: frank }))).status).toBe(202);
    const limited = await submit(jsonRequest("/api/submissions", valid, { cookie: frank }));
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.message).toContain("grading is paused: no worker is running");
  });
});

describe("the limits under a burst", () => {
  /** Sends 50 submissions at once and sorts the answers by status. */
  async function burst(cookie: string): Promise<{ accepted: number; limited: Response[]; other: number[] }> {
    const responses = await Promise.all(Array.from({ length: 50 }, () => submit(jsonRequest("/api/submissions", valid, { cookie }))));
    return {
      accepted: responses.filter((r) => r.status === 202).length,
      limited: responses.filter((r) => r.status === 429),
      other: responses.map((r) => r.status).filter((status) => status !== 202 && status !== 429),
    };
  }

  it("accepts exactly as many as may wait at once; the rest are told when to retry", async () => {
    const dave = await signUp("dave@example.com");
    const { accepted, limited, other } = await burst(dave);
    expect(other).toEqual([]);
    expect(accepted).toBe(5);
    expect(limited).toHaveLength(45);
    for (const response of limited) expect(response.headers.get("retry-after")).toBe("5");
    const [row] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "Submission" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`, [
      "dave@example.com",
    ]);
    expect(row?.n).toBe("5");
  });

  it("accepts exactly what is left of the minute's allowance", async () => {
    const erin = await signUp("erin@example.com");
    // 27 graded in the last minute: nothing pending, 3 left of 30.
    await sql(
      `INSERT INTO "Submission" (id, "userId", "exerciseSlug", language, code, kind, status, "queuedAt")
       SELECT 'erin-' || i, u.id, 'syscall-echo', 'c', 'x', 'submit', 'done', now() - interval '10 seconds'
       FROM "User" u, generate_series(1, 27) i WHERE u.email = 'erin@example.com'`,
    );
    const { accepted, limited, other } = await burst(erin);
    expect(other).toEqual([]);
    expect(accepted).toBe(3);
    expect(limited).toHaveLength(47);
    for (const response of limited) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("GET /api/submissions/:id and its events", () => {
  it("answers an id no submission can have (a NUL, a slash, too long) with 404", async () => {
    for (const id of ["\u0000", "a\u0000b", "../x", "x".repeat(65)]) {
      const response = await getOne(new Request(`${TEST_BASE_URL}/api/submissions/x`, { headers: { cookie: alice } }), params(id));
      expect(response.status, JSON.stringify(id)).toBe(404);
      const stream = await events(new Request(`${TEST_BASE_URL}/api/submissions/x/events`, { headers: { cookie: alice } }), params(id));
      expect(stream.status, JSON.stringify(id)).toBe(404);
    }
  });

  it("shows a submission to its owner only", async () => {
    const { id } = await (await submit(jsonRequest("/api/submissions", valid, { cookie: alice }))).json();
    const mine = await getOne(new Request(`${TEST_BASE_URL}/api/submissions/${id}`, { headers: { cookie: alice } }), params(id));
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({ id, status: "queued", verdict: null, result: null, language: "c" });
    const theirs = await getOne(new Request(`${TEST_BASE_URL}/api/submissions/${id}`, { headers: { cookie: bob } }), params(id));
    expect(theirs.status).toBe(404);
    const stream = await events(new Request(`${TEST_BASE_URL}/api/submissions/${id}/events`, { headers: { cookie: bob } }), params(id));
    expect(stream.status).toBe(404);
  });

  it("streams progress in order, resumes after Last-Event-ID, and ends with the result", async () => {
    const { id } = await (await submit(jsonRequest("/api/submissions", valid, { cookie: alice }))).json();
    const { db } = await import("@/lib/db");
    const { publishSubmissionEvent } = await import("@/lib/grading/submission-events");

    const response = await events(new Request(`${TEST_BASE_URL}/api/submissions/${id}/events`, { headers: { cookie: alice } }), params(id));
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();

    // What a worker would publish while grading, written after the stream opened.
    await publishSubmissionEvent(db, id, { type: "started", attempt: 1 });
    await publishSubmissionEvent(db, id, { type: "compiling" });
    await publishSubmissionEvent(db, id, { type: "test", index: 1, total: 2, name: "example 1", verdict: "AC" });
    const result = { version: 3, status: "pass", verdict: "AC", score: 1, tests: [], metrics: { maxCpuMs: 1, peakMemoryKiB: 1 } };
    await db.submission.update({ where: { id }, data: { status: "done", verdict: "AC", score: 1, results: result } });
    await publishSubmissionEvent(db, id, { type: "done", status: "done", verdict: "AC", score: 1 });

    const text = await readToEnd(reader);
    const received = [...text.matchAll(/id: (\d+)\nevent: ([\w-]+)\ndata: (.*)\n\n/g)].map((m) => ({ id: Number(m[1]), type: m[2], data: JSON.parse(m[3]!) }));
    expect(received.map((e) => e.type)).toEqual(["queued", "started", "compiling", "test", "done"]);
    expect(received.map((e) => e.id)).toEqual([1, 2, 3, 4, 5]);
    expect(received.at(-1)?.data.submission).toMatchObject({ id, status: "done", verdict: "AC", result: { verdict: "AC" } });

    const resumed = await events(
      new Request(`${TEST_BASE_URL}/api/submissions/${id}/events`, { headers: { cookie: alice, "last-event-id": "3" } }),
      params(id),
    );
    const resumedText = await resumed.text();
    expect([...resumedText.matchAll(/event: ([\w-]+)/g)].map((m) => m[1])).toEqual(["test", "done"]);
  });

  it("keeps a stream going when the notification connection is lost: the listener connects again", async () => {
    const { id } = await (await submit(jsonRequest("/api/submissions", valid, { cookie: alice }))).json();
    const { db } = await import("@/lib/db");
    const { publishSubmissionEvent } = await import("@/lib/grading/submission-events");
    const response = await events(new Request(`${TEST_BASE_URL}/api/submissions/${id}/events`, { headers: { cookie: alice } }), params(id));
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const listeners = () =>
      sql<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`);
    const before = (await listeners()).map((row) => row.pid);
    expect(before).toHaveLength(1);

    await sql("SELECT pg_terminate_backend($1)", [before[0]]);
    let again: number[] = [];
    for (let i = 0; i < 100 && again.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      again = (await listeners()).map((row) => row.pid).filter((pid) => pid !== before[0]);
    }
    expect(again, "a new LISTEN connection").toHaveLength(1);

    await publishSubmissionEvent(db, id, { type: "started", attempt: 1 });
    await db.submission.update({
      where: { id },
      data: {
        status: "done",
        verdict: "WA",
        score: 0,
        results: { version: 3, status: "fail", verdict: "WA", score: 0, tests: [], metrics: { maxCpuMs: 1, peakMemoryKiB: 1 } },
      },
    });
    await publishSubmissionEvent(db, id, { type: "done", status: "done", verdict: "WA", score: 0 });
    const text = await readToEnd(reader);
    expect([...text.matchAll(/event: ([\w-]+)/g)].map((m) => m[1])).toEqual(["queued", "started", "done"]);
  });
});

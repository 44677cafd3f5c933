// The whole grading pipeline on the real Postgres and Docker engine: the HTTP API enqueues, real
// worker processes grade in the sandbox, progress streams back over SSE.
import { readFile } from "node:fs/promises";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, signUp, TEST_BASE_URL, useFreshAppDatabase } from "@/test/support/app-routes";
import { queryRows } from "@/test/support/database";
import { startWorker, type WorkerProcess } from "@/test/support/workers";

let databaseUrl: string;
let cookie: string;
let submitRoute: (request: Request, context: unknown) => Promise<Response>;
let eventsRoute: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
const workers: WorkerProcess[] = [];

const reference = (language: string, file: string) => readFile(`graders/syscall-echo/reference/${language}/${file}`, "utf8");

beforeAll(async () => {
  databaseUrl = await useFreshAppDatabase("pipeline");
  submitRoute = (await import("@/app/api/submissions/route")).POST;
  eventsRoute = (await import("@/app/api/submissions/[id]/events/route")).GET;
  cookie = await signUp("pipeline@example.com");
  workers.push(startWorker(databaseUrl), startWorker(databaseUrl));
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill("SIGTERM")));
});

const sql = <Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) => queryRows<Row>(databaseUrl, text, values);

async function submit(body: Record<string, unknown>, as = cookie): Promise<string> {
  const response = await submitRoute(
    jsonRequest("/api/submissions", { exerciseSlug: "syscall-echo", language: "c", kind: "submit", ...body }, { cookie: as }),
    {},
  );
  expect(response.status, await response.clone().text()).toBe(202);
  return (await response.json()).id;
}

interface StreamedEvent {
  id: number;
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: events of every type, read field by field in the assertions
  data: Record<string, any>;
}

/** Follows the SSE stream to its end (the `done` event). */
async function follow(id: string, as = cookie): Promise<StreamedEvent[]> {
  const response = await eventsRoute(new Request(`${TEST_BASE_URL}/api/submissions/${id}/events`, { headers: { cookie: as } }), {
    params: Promise.resolve({ id }),
  });
  const text = await response.text();
  return [...text.matchAll(/id: (\d+)\nevent: ([\w-]+)\ndata: (.*)\n\n/g)].map((m) => ({ id: Number(m[1]), type: m[2]!, data: JSON.parse(m[3]!) }));
}

/** For a failure's message: where each submission stands, its events, and why it was retried. */
async function whereItStands(ids: string[]): Promise<string> {
  const rows = await sql<{ id: string; status: string; verdict: string | null; errorReason: string | null; events: string }>(
    `SELECT s.id, s.status, s.verdict, s."errorReason",
            (SELECT string_agg(e.type, ' ' ORDER BY e.seq) FROM "SubmissionEvent" e WHERE e."submissionId" = s.id) AS events
     FROM "Submission" s WHERE s.id = ANY($1)`,
    [ids],
  );
  const alive = workers.map((worker) => (worker.process.exitCode === null && worker.process.signalCode === null ? "alive" : "gone"));
  return JSON.stringify({
    workers: alive,
    submissions: rows.filter((row) => row.verdict !== "AC").slice(0, 5),
    notAc: rows.filter((row) => row.verdict !== "AC").length,
  });
}

describe("submit → verdict", () => {
  it("accepts the reference, streaming every step in order", async () => {
    const events = await follow(await submit({ code: await reference("c", "echo.c") }));
    const types = events.map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(["queued", "started", "compiling"]);
    expect(events[2]!.data).toMatchObject({ step: "building" });
    expect(types.at(-1)).toBe("done");
    // Each test is announced before it runs and reported after.
    const tests = events.filter((e) => e.type === "test");
    expect(tests.map((e) => e.data.index)).toEqual(tests.map((_, i) => i + 1));
    const testing = events.filter((e) => e.type === "test" || e.type === "test-started").map((e) => `${e.type}:${e.data.index}`);
    expect(testing).toEqual(tests.flatMap((_, i) => [`test-started:${i + 1}`, `test:${i + 1}`]));
    // The performance check counts its measurements up to at most what it planned.
    const performance = events.filter((e) => e.type === "performance").map((e) => e.data);
    expect(performance[0]).toMatchObject({ state: "started" });
    expect(performance.at(-1)).toMatchObject({ state: "finished" });
    const measured = performance.filter((e) => e.state === "measuring");
    expect(measured.length).toBeGreaterThan(0);
    expect(measured.map((e) => e.done)).toEqual(measured.map((_, i) => i + 1));
    for (const e of measured) expect(e.done).toBeLessThanOrEqual(e.planned);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    const done = events.at(-1)!.data;
    expect(done.submission).toMatchObject({ status: "done", verdict: "AC", score: 1 });
    expect(done.submission.result.performance).toMatchObject({ passed: true });
    // Hidden tests carry no time or memory a program could spell their input in; public ones do.
    const results = done.submission.result.tests as { visibility: string; metrics?: unknown }[];
    expect(results.filter((test) => test.visibility === "hidden").length).toBeGreaterThan(0);
    expect(results.filter((test) => test.visibility === "hidden" && test.metrics !== undefined)).toEqual([]);
    expect(results.filter((test) => test.visibility === "public").every((test) => test.metrics !== undefined)).toBe(true);
    const { cpuMs, referenceCpuMs } = done.submission.result.performance as { cpuMs: number; referenceCpuMs: number };
    for (const figure of [cpuMs, referenceCpuMs]) expect(Number(figure.toPrecision(2)), "two significant digits").toBe(figure);
  });

  it("answers a wrong solution with WA and the first divergence on a public test", async () => {
    const code = await readFile("graders/syscall-echo/bad/WA-counts-newline/c/echo.c", "utf8");
    const done = (await follow(await submit({ code }))).at(-1)!.data;
    expect(done.verdict).toBe("WA");
    const failing = done.submission.result.tests.find((t: { status: string }) => t.status === "fail");
    expect(failing).toMatchObject({ visibility: "public", message: 'At line 1: expected "5 hello", got "6 hello".' });
  });

  it("answers code that does not compile with CE and the compiler's message", async () => {
    const done = (await follow(await submit({ code: "int echo_lines(int a, int b) { return a + }" }))).at(-1)!.data;
    expect(done.verdict).toBe("CE");
    expect(done.submission.result.message).toMatch(/echo\.c:1:\d+: error/);
  });

  it("answers a program that never finishes with TLE", async () => {
    const done = (await follow(await submit({ kind: "run", code: "int echo_lines(int a, int b) { for (;;) {} }" }))).at(-1)!.data;
    expect(done.verdict).toBe("TLE");
  });

  it("runs custom input against the reference on a Run", async () => {
    const done = (await follow(await submit({ kind: "run", code: await reference("python", "echo.py"), language: "python", stdin: "naïve\n" }))).at(-1)!.data;
    const custom = done.submission.result.tests.find((t: { name: string }) => t.name === "your input");
    expect(custom).toMatchObject({ status: "pass", output: "6 naïve\n", expected: "6 naïve\n" });
  });

  it("feeds custom input byte for byte, NUL included", async () => {
    const done = (await follow(await submit({ kind: "run", code: await reference("python", "echo.py"), language: "python", stdin: "a\u0000b\n" }))).at(
      -1,
    )!.data;
    const custom = done.submission.result.tests.find((t: { name: string }) => t.name === "your input");
    expect(custom).toMatchObject({ status: "pass", output: "3 a\uFFFDb\n", expected: "3 a\uFFFDb\n" });
  });

  it("updates the user's progress on a Submit, not on a Run", async () => {
    // A user of its own: the other tests' submissions do not count here.
    const mine = await signUp("progress@example.com");
    const progress = () =>
      sql<{ exerciseSlug: string; bestVerdict: string; attempts: number; firstSolvedAt: Date | null }>(
        `SELECT p."exerciseSlug", p."bestVerdict", p.attempts, p."firstSolvedAt" FROM "ExerciseProgress" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1`,
        ["progress@example.com"],
      );
    await follow(await submit({ kind: "run", code: await reference("c", "echo.c") }, mine), mine);
    expect(await progress()).toEqual([]);
    await follow(await submit({ code: "int echo_lines(int in, int out) { return }" }, mine), mine);
    expect(await progress()).toEqual([{ exerciseSlug: "syscall-echo", bestVerdict: "CE", attempts: 1, firstSolvedAt: null }]);
    await follow(await submit({ code: await reference("c", "echo.c") }, mine), mine);
    const [solved] = await progress();
    expect(solved).toMatchObject({ exerciseSlug: "syscall-echo", bestVerdict: "AC", attempts: 2 });
    expect(solved!.firstSolvedAt).toBeInstanceOf(Date);
  });
});

describe("nothing lost", () => {
  it("takes over a submission whose worker was killed mid-grading, and still gets its verdict", async () => {
    // A correct solution that sleeps in every call keeps its worker busy for ten seconds or so
    // (twelve tests of three calls), long after the kill, which comes within a second of the start.
    const sleepy = (await reference("c", "echo.c")).replace(
      "int echo_lines(int in_fd, int out_fd) {",
      "#include <unistd.h>\nint echo_lines(int in_fd, int out_fd) {\n    usleep(300 * 1000);",
    );
    const id = await submit({ code: sleepy });
    let victimPid: number | undefined;
    for (let i = 0; i < 200 && !victimPid; i++) {
      // Running, and its first start announced: killed mid-grading, not between the two.
      const [row] = await sql<{ pid: number }>(
        `SELECT w.pid FROM "Submission" s JOIN "GradingWorker" w ON w.id = s."workerId"
         WHERE s.id = $1 AND s.status = 'running' AND EXISTS (SELECT 1 FROM "SubmissionEvent" e WHERE e."submissionId" = s.id AND e.type = 'started')`,
        [id],
      );
      victimPid = row?.pid;
      if (!victimPid) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(victimPid, "a worker picked the submission up").toBeDefined();
    // The worker's own node process (tsx runs it as a child of the process we started).
    process.kill(victimPid!, "SIGKILL");

    const events = await Promise.race([
      follow(id),
      new Promise<never>((_, reject) => setTimeout(() => void whereItStands([id]).then((state) => reject(new Error(`No verdict in 90 s: ${state}`))), 90_000)),
    ]);
    expect(events.at(-1)!.data).toMatchObject({ status: "done", verdict: "AC" });
    expect(events.filter((e) => e.type === "started").map((e) => e.data.attempt)).toEqual([1, 2]);
    for (const [i, worker] of workers.entries())
      if (worker.process.exitCode !== null || worker.process.signalCode !== null) workers[i] = startWorker(databaseUrl);
  });

  it("grades 50 submissions with 2 workers: all of them, each once", async () => {
    const users = await Promise.all(Array.from({ length: 10 }, (_, i) => signUp(`burst${i}@example.com`)));
    const code = await reference("c", "echo.c");
    const ids: string[] = [];
    for (const user of users) for (let i = 0; i < 5; i++) ids.push(await submit({ kind: "run", code }, user));
    expect(ids).toHaveLength(50);

    const deadline = Date.now() + 240_000;
    let pending = ids.length;
    while (pending > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      pending =
        (await sql<{ n: string }>(`SELECT count(*) AS n FROM "Submission" WHERE id = ANY($1) AND status NOT IN ('done', 'internal_error')`, [ids]))[0]!.n ===
        "0"
          ? 0
          : 1;
    }
    const rows = await sql<{ id: string; status: string; verdict: string; starts: string }>(
      `SELECT s.id, s.status, s.verdict, (SELECT count(*) FROM "SubmissionEvent" e WHERE e."submissionId" = s.id AND e.type = 'started') AS starts
       FROM "Submission" s WHERE s.id = ANY($1)`,
      [ids],
    );
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r.status === "done" && r.verdict === "AC").length, await whereItStands(ids)).toBe(50);
    expect(rows.filter((r) => r.starts !== "1")).toEqual([]);
    const leftover = await sql(`SELECT 1 FROM graphile_worker.jobs WHERE key = ANY($1)`, [ids.map((id) => `grade:${id}`)]);
    expect(leftover).toEqual([]);
  }, 300_000);
});

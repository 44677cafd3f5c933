// GET /api/exercises/:slug/workspace against a real database: what the (prerendered) exercise page
// loads for its reader — their drafts and history, nobody else's, and nothing when signed out.
import { beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, signUp, TEST_BASE_URL, useFreshAppDatabase } from "@/test/support/app-routes";

let workspace: (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;
let alice: string;
let bob: string;

beforeAll(async () => {
  await useFreshAppDatabase("workspace_api");
  workspace = (await import("@/app/api/exercises/[slug]/workspace/route")).GET;
  alice = await signUp("alice@example.com");
  bob = await signUp("bob@example.com");
});

const get = (slug: string, cookie?: string) =>
  workspace(new Request(`${TEST_BASE_URL}/api/exercises/${slug}/workspace`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({ slug }) });

describe("GET /api/exercises/:slug/workspace", () => {
  it("gives a signed-out reader an empty workspace, never cached", async () => {
    const response = await get("bankers-algorithm");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ signedIn: false, drafts: {}, history: [] });
  });

  it("gives the reader their drafts and their submissions with code, newest first, and nobody else's", async () => {
    const { saveDraft } = await import("@/lib/server/drafts/save-draft");
    const { POST: submit } = await import("@/app/api/submissions/route");
    const { auth } = await import("@/lib/auth/server");
    const session = await auth.api.getSession({ headers: new Headers({ cookie: alice }) });
    await saveDraft({ userId: session!.user.id, exerciseSlug: "syscall-echo", language: "go", code: "package main // mine" });
    for (const code of ["int first;", "int second;"]) {
      const response = await submit(jsonRequest("/api/submissions", { exerciseSlug: "syscall-echo", language: "c", code, kind: "run" }, { cookie: alice }), {});
      expect(response.status).toBe(202);
    }

    const mine = await (await get("syscall-echo", alice)).json();
    expect(mine).toMatchObject({ signedIn: true, drafts: { go: "package main // mine" } });
    expect(
      mine.history.map((entry: { code: string; kind: string; language: string; status: string }) => [entry.code, entry.kind, entry.language, entry.status]),
    ).toEqual([
      ["int second;", "run", "c", "queued"],
      ["int first;", "run", "c", "queued"],
    ]);
    expect(Number.isNaN(Date.parse(mine.history[0].queuedAt))).toBe(false);

    expect(await (await get("syscall-echo", bob)).json()).toEqual({ signedIn: true, drafts: {}, history: [] });
    expect(await (await get("bankers-algorithm", alice)).json()).toEqual({ signedIn: true, drafts: {}, history: [] });
  });

  it("gives each past result in figures, computed in the database as summarizeResult does", async () => {
    const { summarizeResult } = await import("@/lib/validations/workspace");
    const { db } = await import("@/lib/db");
    const { auth } = await import("@/lib/auth/server");
    const carol = await signUp("carol@example.com");
    const userId = (await auth.api.getSession({ headers: new Headers({ cookie: carol }) }))!.user.id;
    const test = (status: "pass" | "fail" | "skipped") => ({ name: `t-${status}`, status, visibility: "public" as const });
    const results = {
      accepted: {
        version: 3,
        status: "pass",
        verdict: "AC",
        score: 1,
        tests: [test("pass"), test("pass")],
        metrics: { maxCpuMs: 12.5, peakMemoryKiB: 900 },
        performance: { passed: true, verdict: "AC", cpuMs: 40, referenceCpuMs: 32, ratio: 1.25, tolerance: 4, message: "fine" },
      },
      wrong: {
        version: 3,
        status: "fail",
        verdict: "WA",
        score: 0.25,
        tests: [test("pass"), test("fail"), test("skipped"), test("skipped")],
        metrics: { maxCpuMs: 3, peakMemoryKiB: 800 },
      },
      compileError: { version: 3, status: "error", verdict: "CE", score: 0, message: "x.c:1: error", tests: [], metrics: { maxCpuMs: 0, peakMemoryKiB: 0 } },
    } as const;
    for (const [name, result] of Object.entries(results)) {
      await db.submission.create({
        data: {
          id: `carol-${name}`,
          userId,
          exerciseSlug: "lru-pager",
          language: "c",
          code: name,
          kind: "submit",
          status: "done",
          verdict: result.verdict,
          score: result.score,
          results: result,
        },
      });
    }
    await db.submission.create({ data: { id: "carol-waiting", userId, exerciseSlug: "lru-pager", language: "c", code: "waiting", kind: "run" } });

    const { history } = await (await get("lru-pager", carol)).json();
    const figures = (code: string) => {
      const { testsPassed, testsTotal, cpuMs, performanceRatio } = history.find((entry: { code: string }) => entry.code === code);
      return { testsPassed, testsTotal, cpuMs, performanceRatio };
    };
    const { gradingResultSchema } = await import("@/contracts/grading-result");
    for (const [name, result] of Object.entries(results)) expect(figures(name), name).toEqual(summarizeResult(gradingResultSchema.parse(result)));
    expect(figures("accepted")).toEqual({ testsPassed: 2, testsTotal: 2, cpuMs: 12.5, performanceRatio: 1.25 });
    expect(figures("wrong")).toEqual({ testsPassed: 1, testsTotal: 4, cpuMs: 3, performanceRatio: null });
    expect(figures("waiting")).toEqual(summarizeResult(null));
  });

  it("answers an unknown exercise with 404 and says which", async () => {
    const response = await get("no-such-thing", alice);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe('There is no exercise "no-such-thing".');
  });
});

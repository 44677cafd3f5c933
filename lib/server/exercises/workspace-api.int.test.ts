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
    expect(mine.history.map((entry: { code: string; kind: string; language: string; status: string }) => [entry.code, entry.kind, entry.language, entry.status])).toEqual([
      ["int second;", "run", "c", "queued"],
      ["int first;", "run", "c", "queued"],
    ]);
    expect(Number.isNaN(Date.parse(mine.history[0].queuedAt))).toBe(false);

    expect(await (await get("syscall-echo", bob)).json()).toEqual({ signedIn: true, drafts: {}, history: [] });
    expect(await (await get("bankers-algorithm", alice)).json()).toEqual({ signedIn: true, drafts: {}, history: [] });
  });

  it("answers an unknown exercise with 404 and says which", async () => {
    const response = await get("no-such-thing", alice);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe('There is no exercise "no-such-thing".');
  });
});

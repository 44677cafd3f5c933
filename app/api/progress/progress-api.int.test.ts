// GET /api/progress/roadmap and /api/progress/dashboard against a real database: a visitor is told to
// sign in, each user gets their own standing only, and a change shows on the very next request
// (the answers are kept between views: lib/server/progress/progress-cache.ts).
import { beforeAll, describe, expect, it } from "vitest";
import type { DashboardResponse } from "@/lib/server/progress/get-dashboard";
import type { RoadmapProgress } from "@/lib/server/progress/get-roadmap-progress";
import { signUp, TEST_BASE_URL, useFreshAppDatabase } from "@/test/support/app-routes";

let roadmapRoute: (request: Request) => Promise<Response>;
let dashboardRoute: (request: Request) => Promise<Response>;
let markTopic: typeof import("@/lib/server/progress/mark-topic").markTopic;
let db: typeof import("@/lib/db").db;
let alice: string;
let bob: string;

beforeAll(async () => {
  await useFreshAppDatabase("progress_api");
  roadmapRoute = (await import("@/app/api/progress/roadmap/route")).GET;
  dashboardRoute = (await import("@/app/api/progress/dashboard/route")).GET;
  ({ markTopic } = await import("@/lib/server/progress/mark-topic"));
  ({ db } = await import("@/lib/db"));
  alice = await signUp("alice@example.com");
  bob = await signUp("bob@example.com");
});

const get = (path: string, cookie?: string) => new Request(`${TEST_BASE_URL}${path}`, { headers: cookie ? { cookie } : {} });
const roadmapOf = async (cookie: string) => (await (await roadmapRoute(get("/api/progress/roadmap", cookie))).json()) as RoadmapProgress;
const dashboardOf = async (cookie: string) => (await (await dashboardRoute(get("/api/progress/dashboard", cookie))).json()) as DashboardResponse;
const statusOf = (progress: RoadmapProgress, topicId: string) => progress.sections.flatMap((s) => s.topics).find((t) => t.id === topicId)?.status;

describe("a user's progress over HTTP", () => {
  it("tells a visitor to sign in, in JSON, and is never cached by the browser or a proxy", async () => {
    for (const [route, path] of [
      [roadmapRoute, "/api/progress/roadmap"],
      [dashboardRoute, "/api/progress/dashboard"],
    ] as const) {
      const response = await route(get(path));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: expect.stringContaining("Sign in") } });
      const signedIn = await route(get(path, alice));
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get("content-type")).toContain("application/json");
      expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("answers each user with their own standing, and a change on the next request", async () => {
    const topicId = (await roadmapOf(alice)).sections[0]!.topics[0]!.id;
    expect(statusOf(await roadmapOf(alice), topicId)).toBeNull();
    expect((await dashboardOf(alice)).dashboard.nextStep?.topic.id).toBe(topicId);

    const aliceId = (await db.user.findUniqueOrThrow({ where: { email: "alice@example.com" } })).id;
    await markTopic({ userId: aliceId, topicId, status: "skipped" });
    expect(statusOf(await roadmapOf(alice), topicId)).toBe("skipped");
    expect((await dashboardOf(alice)).dashboard.nextStep?.topic.id).not.toBe(topicId);
    expect(statusOf(await roadmapOf(bob), topicId)).toBeNull();
    expect((await dashboardOf(bob)).dashboard.nextStep?.topic.id).toBe(topicId);
  });

  it("greets the user by the name they have now", async () => {
    expect((await dashboardOf(bob)).userName).toBe("bob");
    const { auth } = await import("@/lib/auth/server");
    await auth.api.updateUser({ headers: new Headers({ cookie: bob, origin: TEST_BASE_URL }), body: { name: "Robert" } });
    expect((await dashboardOf(bob)).userName).toBe("Robert");
  });
});

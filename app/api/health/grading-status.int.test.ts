// Whether grading is paused (no worker alive), against a real database: the status function and
// what GET /api/health reports with it.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_BASE_URL, useFreshAppDatabase } from "@/test/support/app-routes";
import { queryRows } from "@/test/support/database";

let databaseUrl: string;
let health: () => Promise<Response>;
let getGradingStatus: typeof import("@/lib/server/grading/get-grading-status").getGradingStatus;

beforeAll(async () => {
  databaseUrl = await useFreshAppDatabase("grading_status");
  const { GET } = await import("@/app/api/health/route");
  health = () => GET(new Request(`${TEST_BASE_URL}/api/health`), undefined);
  ({ getGradingStatus } = await import("@/lib/server/grading/get-grading-status"));
});

beforeEach(async () => {
  await queryRows(databaseUrl, `DELETE FROM "GradingWorker"`);
});

/** A worker row as worker/worker-registry.ts keeps it, its last heartbeat `secondsAgo` by the database's clock. */
async function workerBeatAgo(id: string, secondsAgo: number): Promise<void> {
  await queryRows(
    databaseUrl,
    `INSERT INTO "GradingWorker" (id, hostname, pid, concurrency, "jobWorkerIds", "heartbeatAt")
     VALUES ($1, 'test-host', 1, 1, '{}', now() - make_interval(secs => $2))`,
    [id, secondsAgo],
  );
}

describe("getGradingStatus and GET /api/health", () => {
  it("report grading paused when no worker has ever started, with the database still healthy", async () => {
    expect(await getGradingStatus()).toBe("paused");
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok", grading: "paused" });
  });

  it("report grading ok while a worker's heartbeat is fresh", async () => {
    await workerBeatAgo("fresh", 0);
    expect(await getGradingStatus()).toBe("ok");
    expect(await (await health()).json()).toEqual({ status: "ok", database: "ok", grading: "ok" });
  });

  it("report grading paused when the only heartbeat is older than WORKER_STALE_SECONDS (30 by default)", async () => {
    await workerBeatAgo("stale", 31);
    expect(await getGradingStatus()).toBe("paused");
    expect(await (await health()).json()).toMatchObject({ grading: "paused" });
  });

  it("count a worker alive until its heartbeat passes the stale limit it is given", async () => {
    await workerBeatAgo("quiet", 20);
    expect(await getGradingStatus()).toBe("ok");
    expect(await getGradingStatus({ staleSeconds: 10 })).toBe("paused");
    await workerBeatAgo("fresh", 0);
    expect(await getGradingStatus({ staleSeconds: 10 })).toBe("ok");
  });
});

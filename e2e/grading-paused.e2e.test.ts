// When no grading worker is running, osprep says so instead of leaving a user waiting on "queued":
// on the exercise page, with each submission, and in /api/health. A server of its own, with no worker.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, uniqueEmail, useBrowser } from "@/e2e/support/browser";
import { pasteCode } from "@/e2e/support/exercise-page";
import { type RunningWebServer, startWebServer } from "@/e2e/support/web-server";
import { createMigratedDatabase } from "@/test/support/database";

const openContext = useBrowser();
let server: RunningWebServer;

beforeAll(async () => {
  server = await startWebServer({ databaseUrl: await createMigratedDatabase("grading_paused"), authSecret: randomBytes(32).toString("hex") });
}, 90_000);

afterAll(() => server?.stop());

describe("grading paused", () => {
  it("is reported by /api/health", async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok", grading: "paused" });
  });

  it("is said on the exercise page, and again for a submission left waiting", async () => {
    const { page } = await openContext({ baseURL: server.url });
    await signUp(page, uniqueEmail("paused"), server.url);
    await page.goto("/exercises/syscall-echo");
    await page.getByTestId("grading-paused").waitFor();
    expect(await page.getByTestId("grading-paused").textContent()).toContain("Grading is paused: no worker is running.");
    await pasteCode(page, "int echo_lines(int in, int out) { return 0; }\n");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByText("This one waits for a worker too").waitFor();
  });
});

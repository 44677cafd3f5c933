// What a result says, in Chromium: nothing contradicts itself (a green "Accepted" over an input that
// never ran, "0 of 0 tests" for a compile error), nothing leaks (the harness's raw report), and a
// performance panel says which limit decided. Real grading where it is quick; a finished
// submission put in the database where a result would take a load test to produce.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { signUp, uniqueEmail, useBrowser } from "@/e2e/support/browser";
import { clearEditor, pasteCode, recordProgress, expectVerdictAfter } from "@/e2e/support/exercise-page";
import type { GradingResult } from "@/contracts/grading-result";
import { queryRows } from "@/test/support/database";

const openContext = useBrowser();

describe("a Run on the user's own input", () => {
  it("that the exercise does not accept is not called Accepted: the examples' count, and why the input was refused", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("refused"));
    await page.goto("/exercises/bankers-algorithm");
    await pasteCode(page, await readFile("graders/bankers-algorithm/reference/c/banker.c", "utf8"));
    await page.getByLabel("Run with my own input").check();
    await page.getByLabel("Your input (standard input for Run)").fill("hello\n");
    await expectVerdictAfter(page, "Run", "AC");
    const verdict = page.getByTestId("verdict");
    await expect(verdict.getAttribute("data-tone")).resolves.toBe("warn");
    await expect(verdict.locator("p").first().textContent()).resolves.toBe("Your input was not run");
    await expect(page.getByTestId("verdict-summary").textContent()).resolves.toMatch(
      /^It is not one this exercise accepts \(see below\)\. The examples: (\d+) of \1 tests passed\.$/,
    );
    await page
      .getByTestId("test-row")
      .filter({ hasText: "your input" })
      .getByText(/^Your input is not one this exercise accepts/)
      .waitFor();
  });
});

describe("a link exercise's Run", () => {
  it("shows the harness's report in words, not its JSON and nonce; takes the statement's example scenario; refuses a malformed one before running", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("harness"));
    await page.goto("/exercises/producer-consumer");
    await pasteCode(page, await readFile("graders/producer-consumer/reference/c/buffer.c", "utf8"));
    await page.getByLabel("Run my own scenario").check();
    // The statement's first example, word line included.
    await page.getByLabel(/^Your scenario/).fill("run-1\n1 1 4 1000 0 0 0 0\n");
    await expectVerdictAfter(page, "Run", "AC");
    const own = page.getByTestId("test-row").filter({ hasText: "your scenario" });
    await own.getByText("Scenario and report").click();
    await expect(own.getByTestId("harness-report").textContent()).resolves.toMatch(/^The harness's reportok: true\n(.+\n)*delivered: 1000\n/);
    expect(await page.getByTestId("submission-result").textContent()).not.toMatch(/nonce|\{"/);
    await expect(own.getByTestId("output").count()).resolves.toBe(0);

    await page.getByLabel(/^Your scenario/).fill("1 1 4\n");
    await expectVerdictAfter(page, "Run", "AC");
    await expect(page.getByTestId("verdict").locator("p").first().textContent()).resolves.toBe("Your scenario was not run");
    await page.getByText(/^Your scenario is not one the harness accepts: it needs eight numbers \(P C CAPACITY N .*\); it has 3\./).waitFor();
  });
});

describe("progress", () => {
  it("says a Python file's syntax is checked (not compiled), then counts the tests", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("phases"));
    await page.goto("/exercises/syscall-echo");
    await page.getByLabel("Language").selectOption("python");
    await pasteCode(page, await readFile("graders/syscall-echo/reference/python/echo.py", "utf8"));
    const followed: string[] = [];
    page.on("request", (request) => {
      const id = /\/api\/submissions\/([^/?]+)\/events/.exec(request.url())?.[1];
      if (id) followed.push(id);
    });
    const progress = await recordProgress(page);
    await expectVerdictAfter(page, "Run", "AC");
    // A phase of a few milliseconds may arrive with the next and never be drawn; none says "building".
    const shown = await progress();
    expect(shown.filter((label) => /Compiling|Building/.test(label))).toEqual([]);
    // How many test labels are drawn depends on how fast the run is (all three may land in one frame);
    // those drawn count the three tests, and the stream below shows each test announced.
    const testLabels = shown.filter((label) => /test/.test(label));
    expect(
      testLabels.every((label) => /^(Running test \d of 3|\d of 3 tests run)…$/.test(label)),
      testLabels.join(" | "),
    ).toBe(true);
    // What the page was told: the syntax check, each test announced before it ran.
    const stream = await (await page.request.get(`/api/submissions/${followed[0]}/events`)).text();
    const events = [...stream.matchAll(/^data: (.+)$/gm)].map((match) => JSON.parse(match[1]!) as { type: string; step?: string });
    expect(events.find((event) => event.type === "compiling")).toEqual({ type: "compiling", step: "checking" });
    expect(events.filter((event) => event.type === "test-started").length).toBe(3);
  });
});

describe("an empty file", () => {
  it("is not sent: the page says the file is empty instead of showing linker errors", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("empty"));
    await page.goto("/exercises/syscall-echo");
    await clearEditor(page);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("alert").getByText("Your file is empty: write your solution in echo.c (or use Reset to starter) before you run it.").waitFor();
    await expect(page.getByTestId("verdict").count()).resolves.toBe(0);
    await expect(page.getByTestId("history").getByRole("button").count()).resolves.toBe(0);
  });
});

/** Puts a finished Submit of `slug` with `result` in the app's database, as the worker would leave it. */
async function finishedSubmit(email: string, slug: string, result: GradingResult): Promise<void> {
  const url = inject("appDatabaseUrl");
  const [user] = await queryRows<{ id: string }>(url, `SELECT id FROM "User" WHERE email = $1`, [email]);
  await queryRows(
    url,
    `INSERT INTO "Submission" (id, "userId", "exerciseSlug", language, code, kind, status, verdict, score, results, "startedAt", "finishedAt")
     VALUES ($1, $2, $3, 'c', 'int main(void) { return 0; }', 'submit', 'done', $4, $5, $6, now(), now())`,
    [randomUUID().replaceAll("-", ""), user!.id, slug, result.verdict, result.score, JSON.stringify(result)],
  );
}

describe("a server's performance panel", () => {
  it("says which limit decided (p99 latency here), shows the others as figures, and no third ratio", async () => {
    const { page } = await openContext();
    const email = uniqueEmail("panel");
    await signUp(page, email);
    await finishedSubmit(email, "epoll-server", {
      version: 3,
      status: "fail",
      verdict: "TLE",
      score: 0.5,
      tests: [{ name: "PING", visibility: "public", status: "pass", verdict: "AC" }],
      performance: {
        passed: false,
        verdict: "TLE",
        cpuMs: 0,
        referenceCpuMs: 0,
        ratio: 1.5,
        tolerance: 2,
        server: { throughput: 6600, referenceThroughput: 10_000, minThroughputRatio: 0.5, p99Ms: 5.5, referenceP99Ms: 3, maxP99Ratio: 1.5 },
        message: "Too slow under load: its p99 latency was 1.83× the reference's, at most 1.5× allowed.",
        limits: [
          { limit: "throughput", kept: true },
          { limit: "p99", kept: false },
        ],
      },
      metrics: { maxCpuMs: 120, peakMemoryKiB: 2048 },
    });
    await page.goto("/exercises/epoll-server");
    const panel = page.getByTestId("performance-panel");
    await panel.waitFor({ timeout: 15_000 });
    await expect(panel.getByTestId("performance-headline").textContent()).resolves.toBe("Decided by p99 latency");
    await expect(panel.locator('[data-limit="throughput"]').textContent()).resolves.toMatch(/kept: Throughput: 0\.66× the reference's \(at least 0\.50×\)$/);
    await expect(panel.locator('[data-limit="p99"]').textContent()).resolves.toMatch(/broken: p99 latency: 1\.83× the reference's \(at most 1\.50×\)$/);
    expect(await panel.textContent()).not.toMatch(/1\.50× the reference|limit 2\.00×/);
    await expect(page.getByTestId("verdict-summary").textContent()).resolves.toBe("Submission: 1 of 1 test passed; performance outside the limits.");
  });
});

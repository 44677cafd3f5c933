// The exercise page in Chromium against the running app, a real worker and the real Docker engine.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ARTIFACTS_DIR, signUp, uniqueEmail, useBrowser } from "@/e2e/support/browser";
import { editorShows, pasteCode, recordProgress, expectVerdictAfter } from "@/e2e/support/exercise-page";

const openContext = useBrowser();
const EXERCISE = "/exercises/bankers-algorithm";

describe("practising an exercise", () => {
  it("runs, submits, shows results, history and performance, and keeps the draft", async () => {
    const { page } = await openContext();
    const appHost = new URL(inject("appUrl")).host;
    const outside: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["data:", "blob:"].includes(url.protocol) && url.host !== appHost) outside.push(request.url());
    });
    const email = uniqueEmail("solver");
    await signUp(page, email);

    await page.goto("/exercises");
    await page
      .getByRole("link", { name: /Banker's algorithm/ })
      .first()
      .click();
    await page.waitForURL(`**${EXERCISE}`);
    await page.locator(".monaco-editor").waitFor();

    // A wrong solution: Run shows the first divergence, Submit gets WA.
    await pasteCode(page, await readFile("graders/bankers-algorithm/bad/WA-grants-above-need/c/banker.c", "utf8"));
    await expectVerdictAfter(page, "Run", "WA");
    await page
      .getByText(/^Line 6, "REQUEST [\d ]+": expected "DENY NEED", got "GRANT": you granted a request from process \d+ that exceeds its declared need\.$/)
      .first()
      .waitFor();
    await page.getByTestId("verdict").waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await page.locator('[data-testid="verdict"][data-verdict="WA"]').waitFor({ timeout: 60_000 });

    // A compile error: a marker on the right line of the editor.
    await pasteCode(page, '#include "banker.h"\n\nstatic int twice(int x) {\n    return x +\n}\n');
    await expectVerdictAfter(page, "Run", "CE");
    await page.locator(".monaco-editor .squiggly-error").first().waitFor();
    await page
      .getByTestId("compiler-output")
      .getByText(/banker\.c:5:\d+: error/)
      .waitFor();
    await expect(page.getByTestId("verdict-summary").textContent()).resolves.toBe("Your code did not compile, so no test ran.");

    // The reference: accepted, with the performance panel and a ratio.
    await pasteCode(page, await readFile("graders/bankers-algorithm/reference/c/banker.c", "utf8"));
    const progress = await recordProgress(page);
    const followed: string[] = [];
    page.on("request", (request) => {
      const id = /\/api\/submissions\/([^/?]+)\/events/.exec(request.url())?.[1];
      if (id) followed.push(id);
    });
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await page.locator('[data-testid="verdict"][data-verdict="AC"]').waitFor({ timeout: 90_000 });
    // Progress named each phase, counting tests and performance runs. The build may take a few
    // milliseconds (the worker has built this code before) and arrive with the first test, never
    // drawn: the page was told of it, and anything drawn for it says building, not compiling.
    const stream = await (await page.request.get(`/api/submissions/${followed[0]}/events`)).text();
    const events = [...stream.matchAll(/^data: (.+)$/gm)].map((match) => JSON.parse(match[1]!) as { type: string; step?: string });
    expect(events.find((event) => event.type === "compiling")).toEqual({ type: "compiling", step: "building" });
    const shown = await progress();
    expect(
      shown.filter((label) => /Building|Compiling|Checking/.test(label)).every((label) => label === "Building your code…"),
      shown.join(" | "),
    ).toBe(true);
    expect(shown.filter((label) => /^(Running test \d+ of \d+|\d+ of \d+ tests run)…$/.test(label)).length).toBeGreaterThan(1);
    expect(shown.some((label) => /^Measuring performance against the reference: run \d+ of at most \d+…$/.test(label))).toBe(true);
    await expect(page.getByTestId("performance-headline").textContent()).resolves.toBe("Within every limit");
    await expect(page.locator('[data-testid="performance-limit"][data-limit="cpu"][data-kept="true"]').textContent()).resolves.toMatch(
      /CPU time: \d+\.\d\d× the reference's \(at most 4\.00×\)$/,
    );
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "exercise-page-light.png"), fullPage: true });

    // A Run on the user's own input: compared with the reference's answer, with the output, exit status and times.
    await page.getByLabel("Run with my own input").check();
    await page.getByLabel("Your input (standard input for Run)").fill(await readFile("exercises/bankers-algorithm/examples/1.in", "utf8"));
    await expectVerdictAfter(page, "Run", "AC");
    const custom = page.getByTestId("test-row").filter({ hasText: "your input" });
    await expect(custom.getByTestId("run-figures").textContent()).resolves.toMatch(/^exit 0 · \d+\.\d ms CPU · \d+ ms wall$/);
    await custom.getByText("Input and output").click();
    await custom
      .getByText(await readFile("exercises/bankers-algorithm/examples/1.out", "utf8").then((out) => out.split("\n")[0]!))
      .first()
      .waitFor();

    // History lists every attempt with its figures; a past one opens with its full result, its code and a diff against the draft.
    const history = page.getByTestId("history").getByRole("button");
    await expect(history.count()).resolves.toBe(5);
    await expect(history.first().getByTestId("history-figures").textContent()).resolves.toMatch(/^\d+\/\d+ testsCPU \d+(\.\d\d s| ms)$/);
    const wrong = history.filter({ hasText: "Wrong answer" }).last();
    await expect(wrong.getByTestId("history-figures").textContent()).resolves.toMatch(/^\d+\/\d+ tests/);
    await wrong.click();
    const pastResult = page.getByTestId("history-result").getByTestId("verdict");
    await pastResult.waitFor();
    await expect(pastResult.getAttribute("data-verdict")).resolves.toBe("WA");
    await page.getByTestId("history-result").getByTestId("test-row").first().waitFor();
    await page.getByRole("button", { name: "Compare with my draft" }).click();
    await page.getByTestId("code-diff").locator(".monaco-diff-editor").waitFor();

    // The draft follows the user: after a reload, and in a second browser.
    await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent === "Draft saved");
    await page.reload();
    await page.locator(".monaco-editor .view-lines").getByText("Reference: the classic banker").waitFor();
    const second = await openContext({ colorScheme: "dark" });
    await second.page.request.post("/api/auth/sign-in/email", { data: { email, password: "a good passphrase" }, headers: { origin: inject("appUrl") } });
    await second.page.goto(EXERCISE);
    await second.page.locator(".monaco-editor .view-lines").getByText("Reference: the classic banker").waitFor();
    await second.page.screenshot({ path: path.join(ARTIFACTS_DIR, "exercise-page-dark.png"), fullPage: true });

    expect(outside).toEqual([]);
  }, 240_000);

  it("runs a server exercise: the starter's first failure, then the reference accepted", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("server"));
    await page.goto("/exercises/epoll-server");
    await page.locator(".monaco-editor").waitFor();
    await expect(page.getByText("Run with my own input").count()).resolves.toBe(0); // a server reads no standard input
    await page.locator(".monaco-editor .view-lines").getByText("An epoll server on port 6379").waitFor();
    await expectVerdictAfter(page, "Run", "WA");
    await page.getByText('sent [PING], expected "+PONG\\r\\n", got "-ERR not implemented yet\\r\\n"').first().waitFor();
    await pasteCode(page, await readFile("graders/epoll-server/reference/c/server.c", "utf8"));
    const progress = await recordProgress(page);
    await expectVerdictAfter(page, "Run", "AC");
    expect(await progress()).toContain("Building and starting your server…");
    await expect(page.getByTestId("test-row").count()).resolves.toBe(2);
  }, 120_000);

  it("when the drafts cannot be loaded, says so, saves nothing over them, and loads them on request", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("offline"));
    await page.goto(EXERCISE);
    await pasteCode(page, "/* my saved draft */\n");
    await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent === "Draft saved");

    // The workspace request cannot reach the server (it is restarting): the starter shows, and typing saves nothing.
    // Blocked through the browser's protocol rather than page.route, which turns off the cache and
    // intercepts every request: a 4 MB editor chunk sometimes stalled there for good after a reload.
    const browser = await page.context().newCDPSession(page);
    await browser.send("Network.enable");
    await browser.send("Network.setBlockedURLs", { urls: ["*/api/exercises/*/workspace"] });
    await page.reload();
    await page.getByRole("alert").getByText("Your drafts and history could not be loaded (the server could not be reached)").waitFor();
    await page.getByTestId("save-state").getByText("Drafts not loaded: changes are not saved").waitFor();
    await editorShows(page, "request_resources");

    await browser.send("Network.setBlockedURLs", { urls: [] });
    await page.getByRole("button", { name: "Try again" }).click();
    await editorShows(page, "/* my saved draft */");
    await page.getByTestId("save-state").getByText("Draft saved").waitFor();
    await expect(page.getByText("could not be loaded").count()).resolves.toBe(0);
  });

  it("lets a signed-out visitor read and edit, and asks them to sign in to submit", async () => {
    const { page } = await openContext();
    await page.goto(EXERCISE);
    await page.getByRole("heading", { name: "Banker's algorithm" }).first().waitFor();
    await page.locator(".monaco-editor").waitFor();
    await page.getByTestId("save-state").getByText("Sign in to keep drafts").waitFor();
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await page.getByRole("alert").getByRole("link", { name: "Sign in" }).waitFor();
  });

  it("links to the previous and the next exercise in the catalog's order", async () => {
    const { page } = await openContext();
    await page.goto("/exercises");
    const titles = await page.getByRole("list", { name: "Exercises" }).getByRole("heading", { level: 2 }).allTextContents();
    await page.goto(EXERCISE); // Banker's algorithm: the first
    const others = page.getByRole("navigation", { name: "Other exercises" });
    await expect(others.locator('a[rel="prev"]').count()).resolves.toBe(0);
    await others.getByRole("link", { name: `${titles[1]} →` }).click();
    await page
      .getByRole("navigation", { name: "Other exercises" })
      .getByRole("link", { name: `← ${titles[0]}` })
      .waitFor();
    await page
      .getByRole("navigation", { name: "Other exercises" })
      .getByRole("link", { name: `${titles[2]} →` })
      .waitFor();
  });

  it("reveals a statement's hints one at a time, and remembers how many", async () => {
    const { page } = await openContext();
    await page.goto("/exercises/producer-consumer");
    const hints = page.getByTestId("hints").getByRole("listitem");
    await page.getByRole("button", { name: "Show a hint (5 in all)" }).click();
    await hints.first().getByText("One mutex protects everything").waitFor();
    await expect(hints.count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Show hint 2 of 5" }).click();
    await expect(hints.count()).resolves.toBe(2);
    await page.reload();
    await page.getByRole("button", { name: "Show hint 3 of 5" }).waitFor();
    await expect(hints.count()).resolves.toBe(2);
  });
});

// Security headers on every response, and the Content-Security-Policy holding with Monaco, its worker and a real Run.
import { readFile } from "node:fs/promises";
import type { Page, Worker } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signUp, uniqueEmail, useBrowser } from "@/e2e/support/browser";
import { editorShows, pasteCode, expectVerdictAfter } from "@/e2e/support/exercise-page";

const openContext = useBrowser();
const EXERCISE = "/exercises/bankers-algorithm";

const get = (path: string) => fetch(`${inject("appUrl")}${path}`, { redirect: "manual" });

/** The policy as directive → sources, e.g. { "script-src": ["'self'", "'unsafe-inline'"] }. */
function parsePolicy(header: string): Record<string, string[]> {
  return Object.fromEntries(
    header
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/**
 * Records what the browser refuses under the policy: `securitypolicyviolation` events in every document
 * (reported through a binding, so navigations keep them) and console messages from the page and its workers,
 * where Chromium also logs violations and Monaco logs falling back from its worker to the main thread.
 */
async function watchPolicy(page: Page) {
  const violations: string[] = [];
  const warnings: string[] = [];
  const workers: Worker[] = [];
  await page.exposeFunction("reportPolicyViolation", (report: string) => violations.push(report));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportPolicyViolation(report: string): void }).reportPolicyViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} in ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const suspicious = /Content Security Policy|Refused to|web worker|Failed to load worker/i;
  const onConsole = (where: string) => (message: { type(): string; text(): string }) => {
    if (suspicious.test(message.text())) warnings.push(`${where} ${message.type()}: ${message.text()}`);
  };
  page.on("console", onConsole("page"));
  page.on("worker", (worker) => {
    workers.push(worker);
    worker.on("console", onConsole(`worker ${worker.url()}`));
  });
  return { violations, warnings, workers };
}

describe("security headers", () => {
  it.each(["/", EXERCISE, "/api/health"])("%s carries them, with a policy naming no other origin", async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=()");

    const policy = parsePolicy(response.headers.get("content-security-policy") ?? "");
    expect(policy).toMatchObject({
      "default-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
    // Only keywords and the page's own data: and blob: URLs: no host, scheme-wide http(s): or wildcard.
    const sources = Object.values(policy).flat();
    expect(sources.filter((source) => !/^'(self|none|unsafe-inline)'$|^(data|blob):$/.test(source))).toEqual([]);
    // The production build runs no eval.
    expect(policy["script-src"]).not.toContain("'unsafe-eval'");
  });
});

describe("the Content-Security-Policy in the browser", () => {
  it("lets a signed-in user edit in Monaco, with its worker, and Run, without a single violation", async () => {
    const { page } = await openContext();
    const { violations, warnings, workers } = await watchPolicy(page);
    await signUp(page, uniqueEmail("csp"));
    await page.goto(EXERCISE);
    await page.locator(".monaco-editor").waitFor();

    const reference = await readFile("graders/bankers-algorithm/reference/c/banker.c", "utf8");
    await pasteCode(page, reference);
    const typed = "// typed under the policy\n";
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.type(typed);
    await page.locator(`[data-testid="code-editor"][data-length="${reference.length + typed.length}"]`).waitFor({ timeout: 10_000 });
    await editorShows(page, typed.trim());

    // Monaco's editor worker runs off the main thread: its script loaded under the worker's own policy.
    await expect.poll(() => workers.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(workers[0]!.evaluate(() => typeof self.onmessage)).resolves.toBe("function");

    await expectVerdictAfter(page, "Run", "AC");
    expect(violations).toEqual([]);
    expect(warnings).toEqual([]);
  }, 120_000);

  it("refuses what the policy forbids, and the watch sees it", async () => {
    // Guards the test above: the same app on another origin (127.0.0.1 rather than localhost) must be refused.
    const { page } = await openContext();
    const { violations } = await watchPolicy(page);
    await page.goto("/");
    const otherOrigin = inject("appUrl").replace("localhost", "127.0.0.1");
    const fetched = await page.evaluate(
      (url) =>
        fetch(url, { mode: "no-cors" }).then(
          () => "fetched",
          () => "refused",
        ),
      `${otherOrigin}/api/health`,
    );
    expect(fetched).toBe("refused");
    await expect.poll(() => violations).toEqual([expect.stringMatching(/^connect-src blocked http:\/\/127\.0\.0\.1:\d+\/api\/health/)]);
  });
});

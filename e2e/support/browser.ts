// Debian's Chromium driven by playwright-core: no browser download, no outside network.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject, onTestFailed } from "vitest";
import { clientAddressOf } from "@/test/support/app-routes";

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, "..", "..", "test-results", "e2e");

/** The two sizes the pages are checked at: a laptop, and a phone (an iPhone 12–15's CSS pixels). */
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Registers a browser for the test file and returns a function that opens a fresh context (its own
 * cookies) on the app. A failing test keeps its trace and a screenshot in test-results/e2e/.
 */
export function useBrowser() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_FLAGS,
    });
    await mkdir(ARTIFACTS_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    // Failed tests already saved their trace; stopping again discards it and its temporary files.
    await Promise.all(
      contexts.splice(0).map(async (context) => {
        await context.tracing.stop().catch(() => undefined);
        await context.close();
      }),
    );
  });

  return async function openContext(options: { colorScheme?: "light" | "dark"; baseURL?: string; viewport?: { width: number; height: number } } = {}): Promise<{
    context: BrowserContext;
    page: Page;
  }> {
    const context = await browser.newContext({
      baseURL: options.baseURL ?? inject("appUrl"),
      viewport: options.viewport ?? DESKTOP,
      colorScheme: options.colorScheme ?? "light",
    });
    await context.tracing.start({ screenshots: true, snapshots: true });
    contexts.push(context);
    const page = await context.newPage();
    onTestFailed(async ({ task }) => {
      const name = task.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}-failure.png`), fullPage: true }).catch(() => undefined);
      await context.tracing.stop({ path: path.join(ARTIFACTS_DIR, `${name}-trace.zip`) }).catch(() => undefined);
    });
    return { context, page };
  };
}

/** A unique address per test run, so reruns against a kept database never collide. */
export function uniqueEmail(who: string): string {
  return `${who}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}

/**
 * Signs up through the API from an address of the user's own (the e2e server trusts the loopback as
 * a proxy), on the app or on another server (`base`).
 */
export async function signUp(page: Page, email: string, base = inject("appUrl")): Promise<void> {
  const response = await page.request.post(`${base}/api/auth/sign-up/email`, {
    data: { name: "Tester", email, password: "a good passphrase" },
    headers: { origin: base, "x-forwarded-for": clientAddressOf(email) },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

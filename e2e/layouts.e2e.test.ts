// Every page at a laptop's size and a phone's: nothing wider than the screen, the header's links
// and account reachable (a menu on the phone), the exercise page as tabs on the phone with the
// editor on the first screen of its tab. Screenshots of each page at both sizes are kept in
// test-results/e2e/screens/ (listed in the closing note of issue 17).
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, DESKTOP, PHONE, signUp, uniqueEmail, useBrowser } from "@/e2e/support/browser";
import { pasteCode } from "@/e2e/support/exercise-page";
import { listExercises } from "@/lib/exercises/load-exercise";

const openContext = useBrowser();
const SCREENS = path.join(ARTIFACTS_DIR, "screens");

async function pages(): Promise<[name: string, path: string][]> {
  const exercises = (await listExercises()).map((manifest) => manifest.slug);
  return [
    ["landing", "/"],
    ["catalog", "/exercises"],
    ["roadmap", "/roadmap"],
    ["interviews", "/interviews"],
    ["dashboard", "/dashboard"],
    ...exercises.map((slug): [string, string] => [`exercise-${slug}`, `/exercises/${slug}`]),
  ];
}

/** Elements that reach past the right edge of the screen (none should). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && element.getClientRects().length > 0)
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 80)} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`,
      );
  });
}

async function visit(page: Page, route: string): Promise<void> {
  await page.goto(route);
  await page.waitForLoadState("networkidle");
  // The workspace has loaded the reader's drafts (on a phone it sits on a hidden tab).
  if (route.startsWith("/exercises/"))
    await page
      .locator('[data-testid="save-state"]')
      .filter({ hasText: /saved|Sign in|Draft|changes/ })
      .waitFor({ state: "attached" });
}

describe.each([
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const)("every page on a %s", (size, viewport) => {
  it("fits the screen's width, signed out and signed in, and is kept as a screenshot", async () => {
    await mkdir(SCREENS, { recursive: true });
    const { page } = await openContext({ viewport });
    for (const [name, route] of [
      ["sign-in", "/sign-in"],
      ["sign-up", "/sign-up"],
      ["landing-signed-out", "/"],
    ] as const) {
      await visit(page, route);
      expect(await overflowing(page), `${route} at ${size}`).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `${name}-${size}.png`), fullPage: true });
    }
    await signUp(page, uniqueEmail(`layout-${size}`));
    for (const [name, route] of await pages()) {
      await visit(page, route);
      expect(await overflowing(page), `${route} at ${size}`).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `${name}-${size}.png`), fullPage: true });
    }
  }, 180_000);
});

describe("the header", () => {
  it("on a wide screen shows the sections, the user's name and Sign out in a row", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("header"));
    await page.goto("/exercises");
    const header = page.locator("header");
    for (const section of ["Exercises", "Roadmap", "Interviews", "Dashboard"])
      await expect(header.getByRole("link", { name: section }).isVisible()).resolves.toBe(true);
    await expect(header.getByRole("link", { name: "Exercises" }).getAttribute("aria-current")).resolves.toBe("page");
    await expect(header.getByTestId("signed-in-as").textContent()).resolves.toBe("Tester");
    await expect(header.getByRole("button", { name: "Sign out" }).isVisible()).resolves.toBe(true);
    await expect(header.getByRole("button", { name: "Menu" }).isVisible()).resolves.toBe(false);
  });

  it("on a phone folds into a menu holding every section and the account, closed by a choice or Escape", async () => {
    const { page } = await openContext({ viewport: PHONE });
    await signUp(page, uniqueEmail("menu"));
    await page.goto("/");
    const header = page.locator("header");
    await expect(header.getByRole("link", { name: "Roadmap" }).isVisible()).resolves.toBe(false);
    const menu = header.getByRole("button", { name: "Menu" });
    await menu.click();
    await expect(header.getByRole("button", { name: "Close" }).getAttribute("aria-expanded")).resolves.toBe("true");
    for (const section of ["Exercises", "Roadmap", "Interviews", "Dashboard"])
      await expect(header.getByRole("link", { name: section }).isVisible()).resolves.toBe(true);
    await expect(header.getByTestId("signed-in-as").last().isVisible()).resolves.toBe(true);
    await expect(header.getByRole("button", { name: "Sign out" }).last().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SCREENS, "header-menu-phone.png") });
    await page.keyboard.press("Escape");
    await expect(header.getByRole("link", { name: "Roadmap" }).isVisible()).resolves.toBe(false);
    await menu.click();
    await header.getByRole("link", { name: "Exercises" }).click();
    await page.waitForURL("**/exercises");
    await expect(header.getByRole("link", { name: "Roadmap" }).isVisible()).resolves.toBe(false);
    await expect(menu.getAttribute("aria-expanded")).resolves.toBe("false");
  });
});

describe("the exercise page on a phone", () => {
  it("is three tabs: the statement first, the editor at the top of Code, and Run turns to the Result", async () => {
    const { page } = await openContext({ viewport: PHONE });
    await signUp(page, uniqueEmail("tabs"));
    await page.goto("/exercises/syscall-echo");
    const tabs = page.getByRole("tablist", { name: "Exercise" });
    await expect(tabs.getByRole("tab", { name: "Statement" }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.getByRole("heading", { level: 1 }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator(".monaco-editor").isVisible()).resolves.toBe(false);

    await tabs.getByRole("tab", { name: "Code" }).click();
    const editor = page.locator(".monaco-editor").first();
    await editor.waitFor();
    const box = (await editor.boundingBox())!;
    expect(box.y).toBeLessThan(PHONE.height / 2); // on the first screen, not 7,700 px down
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await expect(page.getByRole("heading", { level: 1 }).first().isVisible()).resolves.toBe(false);

    await pasteCode(page, await readFile("graders/syscall-echo/reference/c/echo.c", "utf8"));
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(tabs.getByRole("tab", { name: "Result" }).getAttribute("aria-selected")).resolves.toBe("true");
    const verdict = page.getByTestId("verdict");
    await verdict.waitFor({ timeout: 60_000 });
    await expect(verdict.getAttribute("data-verdict")).resolves.toBe("AC");
    await expect(verdict.isVisible()).resolves.toBe(true);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, "exercise-result-phone.png"), fullPage: true });

    // A past submission loaded from the history goes back to the Code tab, with the code in the editor.
    await page.getByTestId("history").getByRole("button").first().click();
    await page.getByRole("button", { name: "Load into editor" }).click();
    await expect(tabs.getByRole("tab", { name: "Code" }).getAttribute("aria-selected")).resolves.toBe("true");
  }, 120_000);
});

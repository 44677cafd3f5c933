// The workspace arranged as a user wants it: the statement's width and the editor's height dragged
// or moved by keyboard and remembered, a full-screen editor, editor settings (font size, tab width,
// word wrap, vim and emacs key bindings) kept across reloads, and the shortcuts one key away.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signUp, uniqueEmail, useBrowser } from "@/e2e/support/browser";
import { clearEditor, draftsLoaded } from "@/e2e/support/exercise-page";

const openContext = useBrowser();
const EXERCISE = "/exercises/lru-pager";

const width = (page: Page) => page.locator('[data-pane="statement"]').evaluate((element) => (element as HTMLElement).offsetWidth);
const editorHeight = (page: Page) => page.getByTestId("editor-box").evaluate((element) => (element as HTMLElement).offsetHeight);
const editorText = (page: Page) =>
  page
    .locator(".monaco-editor .view-lines")
    .first()
    .evaluate((element) => element.textContent!.replace(/\u00a0/g, " "));

describe("the workspace's layout", () => {
  it("resizes the statement and the editor by pointer and keyboard, and remembers both after a reload", async () => {
    const { page } = await openContext();
    await page.goto(EXERCISE);
    await page.locator(".monaco-editor").waitFor();
    const before = await width(page);

    const split = page.getByRole("separator", { name: "Statement width" });
    const box = (await split.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => width(page)).toBeLessThan(before - 100);
    await split.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    const statementWidth = await width(page);
    expect(statementWidth).toBeGreaterThan(before - 120 + 40);

    const heightBefore = await editorHeight(page);
    await page.getByRole("separator", { name: "Editor height" }).focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowDown");
    await expect.poll(() => editorHeight(page)).toBe(heightBefore + 80);

    await page.reload();
    await page.locator(".monaco-editor").waitFor();
    await expect.poll(() => width(page)).toBe(statementWidth);
    await expect.poll(() => editorHeight(page)).toBe(heightBefore + 80);
    // The statement scrolls on its own, its scroll bar always there.
    await expect(page.locator('[data-pane="statement"]').evaluate((element) => getComputedStyle(element).overflowY)).resolves.toBe("scroll");
  });

  it("opens the editor full screen and leaves it by its button or Escape", async () => {
    const { page } = await openContext();
    await page.goto(EXERCISE);
    await page.locator(".monaco-editor").waitFor();
    await page.getByRole("button", { name: "Full screen" }).click();
    await expect.poll(() => editorHeight(page)).toBeGreaterThan(650);
    await expect(page.locator('[data-pane="code"]').evaluate((element) => getComputedStyle(element).position)).resolves.toBe("fixed");
    await page.getByRole("button", { name: "Exit full screen" }).click();
    await expect.poll(() => editorHeight(page)).toBeLessThan(500);
    await page.getByRole("button", { name: "Full screen" }).click();
    await page.keyboard.press("Escape");
    await expect.poll(() => editorHeight(page)).toBeLessThan(500);
  });
});

describe("the editor's settings", () => {
  it("changes font size, tab width and wrapping, keeps them after a reload, and offers vim and emacs", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("settings"));
    await page.goto(EXERCISE);
    await draftsLoaded(page);
    await page.getByRole("button", { name: "Editor settings" }).click();
    const settings = page.getByRole("group", { name: "Editor settings" });
    await settings.getByLabel("Font size").selectOption("20");
    await expect
      .poll(() =>
        page
          .locator(".monaco-editor .view-lines")
          .first()
          .evaluate((element) => getComputedStyle(element).fontSize),
      )
      .toBe("20px");

    // Tab width: a Tab at the start of an empty file indents by it.
    await settings.getByLabel("Tab width").selectOption("8");
    await clearEditor(page);
    await page.keyboard.press("Tab");
    await page.locator('[data-testid="code-editor"][data-length="8"]').waitFor();

    // Word wrap: one long line takes several lines on screen.
    await page.keyboard.type(`int x = ${"1 + ".repeat(60)}1;`);
    const drawnLines = () => page.locator(".monaco-editor .view-line").count();
    await expect(drawnLines()).resolves.toBe(1);
    await settings.getByLabel("Wrap long lines").check();
    await expect.poll(drawnLines).toBeGreaterThan(1);

    await page.reload();
    await draftsLoaded(page);
    await expect
      .poll(() =>
        page
          .locator(".monaco-editor .view-lines")
          .first()
          .evaluate((element) => getComputedStyle(element).fontSize),
      )
      .toBe("20px");
    await expect.poll(drawnLines).toBeGreaterThan(1);

    // Vim (on an empty file): normal mode shown, "i" inserts, "dd" deletes the line.
    await clearEditor(page);
    await page.getByRole("button", { name: "Editor settings" }).click();
    await settings.getByLabel("Key bindings").selectOption("vim");
    await page.locator('[data-testid="code-editor"][data-key-bindings="vim"]').waitFor();
    await page.locator(".monaco-editor .view-lines").first().click();
    await expect.poll(() => page.getByTestId("editor-status").textContent()).toMatch(/NORMAL/i);
    await page.keyboard.type("ihello vim");
    await page.keyboard.press("Escape");
    await expect.poll(() => editorText(page)).toContain("hello vim");
    await page.keyboard.type("dd");
    await expect.poll(() => editorText(page)).not.toContain("hello vim");

    // Emacs: Ctrl+A to the line's start, Ctrl+K kills to its end.
    await settings.getByLabel("Key bindings").selectOption("emacs");
    await page.locator('[data-testid="code-editor"][data-key-bindings="emacs"]').waitFor();
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.type("kill me");
    await expect.poll(() => editorText(page)).toContain("kill me");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+K");
    await expect.poll(() => editorText(page)).not.toContain("kill me");
  });

  it("lists the keyboard shortcuts on '?', and closes the list on Escape", async () => {
    const { page } = await openContext();
    await page.goto(EXERCISE);
    await page.locator(".monaco-editor").waitFor();
    await page.locator("main h1").first().click();
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    await dialog.getByText("Submit", { exact: true }).waitFor();
    await dialog.getByText("Run", { exact: true }).waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  });
});

// Driving the exercise page as a user does: pasting into Monaco, running and reading the verdict.
import type { Page } from "playwright-core";

/** The editor takes typing once the reader's own drafts have arrived (it is read-only until then). */
export async function draftsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => !["", "Loading your draft…"].includes(document.querySelector('[data-testid="save-state"]')?.textContent ?? ""));
}

/** Waits until the editor's drawn lines hold `text` (Monaco draws spaces as no-break spaces). */
export async function editorShows(page: Page, text: string, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(
      (wanted) => (document.querySelector(".monaco-editor .view-lines")?.textContent ?? "").replace(/\u00a0/g, " ").includes(wanted),
      text,
      { timeout },
    );
  } catch (error) {
    const shown = await page.evaluate(() => document.querySelector(".monaco-editor .view-lines")?.textContent);
    throw new Error(`The editor does not show ${JSON.stringify(text)}; it shows ${JSON.stringify(shown?.slice(0, 200))}`, { cause: error });
  }
}

/** Empties the editor once the reader's drafts have arrived, and leaves the cursor in it. */
export async function clearEditor(page: Page): Promise<void> {
  await page.locator(".monaco-editor .view-line").first().waitFor();
  await draftsLoaded(page);
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.locator('[data-testid="code-editor"][data-length="0"]').waitFor();
}

/** Replaces the editor's content through the clipboard, as a user pasting code does (typing would auto-indent every line). */
export async function pasteCode(page: Page, code: string): Promise<void> {
  await clearEditor(page);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press("ControlOrMeta+V");
  // The paste lands asynchronously (the clipboard is read first): wait for all of it before moving to the top.
  await page.locator(`[data-testid="code-editor"][data-length="${code.length}"]`).waitFor({ timeout: 10_000 });
  await page.keyboard.press("ControlOrMeta+Home");
  await editorShows(page, code.split("\n")[0]!.slice(0, 20), 10_000);
}

/**
 * Presses Run or Submit and waits for the verdict's code (AC, WA, CE, …); another than `expected`
 * fails with what the result panel says (the compiler's output, the failing test).
 */
export async function expectVerdictAfter(page: Page, button: "Run" | "Submit", expected: string): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
  const verdict = page.getByTestId("verdict");
  await verdict.waitFor({ timeout: 60_000 });
  const got = (await verdict.getAttribute("data-verdict")) ?? "";
  if (got === expected) return;
  const panel = await page.getByTestId("submission-result").textContent();
  throw new Error(`${button} got ${got}, not ${expected}. The result panel says: ${panel?.slice(0, 1500)}`);
}

/**
 * Records every text the progress line shows from now on (a MutationObserver sees each one React
 * renders, however briefly); the returned function reads them, repeats removed.
 */
export async function recordProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    const note = () => {
      const label = document.querySelector('[data-testid="progress-label"]')?.textContent;
      if (label && seen.at(-1) !== label) seen.push(label);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
}

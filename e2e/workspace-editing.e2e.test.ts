// Writing code on the exercise page as a fast typist does: nothing typed is lost while drafts save
// and Runs stream, and work moves between languages only where the user puts it.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signUp, uniqueEmail, useBrowser } from "@/e2e/support/browser";
import { clearEditor, pasteCode } from "@/e2e/support/exercise-page";

const openContext = useBrowser();
const EXERCISE = "syscall-echo";

async function savedDrafts(page: Page): Promise<Record<string, string>> {
  const response = await page.request.get(`/api/exercises/${EXERCISE}/workspace`);
  return ((await response.json()) as { drafts: Record<string, string> }).drafts;
}

async function draftSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent === "Draft saved", undefined, { timeout: 15_000 });
}

describe("typing in the editor", () => {
  it("keeps every one of 2,000 characters typed without pause, while drafts save and a Run streams", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("typist"));
    await page.goto(`/exercises/${EXERCISE}`);
    await clearEditor(page);
    // Without the session's cached copy (as a minute after signing in), the first draft save sets it
    // again, and a server action that sets a cookie makes Next render the page anew: the workspace
    // must keep what is being typed through that.
    const context = page.context();
    const cookies = await context.cookies();
    expect(cookies.some((cookie) => cookie.name.endsWith("session_data"))).toBe(true);
    await context.clearCookies({ name: /session_data$/ });

    // Letters and spaces only: nothing Monaco would complete, close or indent by itself.
    const words = "broken keys lost while saving drafts and streaming runs ";
    const text = words.repeat(Math.ceil(2000 / words.length)).slice(0, 2000);
    const bursts = text.match(/.{1,250}/gs)!;
    for (const [i, burst] of bursts.entries()) {
      await page.keyboard.type(burst); // no delay between keys
      if (i === 2) await page.keyboard.press("ControlOrMeta+'"); // a Run, from the editor, as it streams its progress
      if (i % 3 === 1) await page.waitForTimeout(900); // long enough for a draft save to start before the next burst
    }
    const editor = page.getByTestId("code-editor");
    await editor
      .and(page.locator(`[data-length="${text.length}"]`))
      .waitFor({ timeout: 15_000 })
      .catch(async (error: Error) => {
        throw new Error(`The editor holds ${await editor.getAttribute("data-length")} characters of the ${text.length} typed.`, { cause: error });
      });
    await draftSaved(page);
    expect((await savedDrafts(page)).c).toBe(text);
  });
});

describe("a draft over the size limit", () => {
  it("says at once why it is not saved, keeps the text, and saves again once it fits", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("verbose"));
    await page.goto(`/exercises/${EXERCISE}`);
    const huge = `// ${"x".repeat(76)}\n`.repeat(900); // 71,100 bytes
    await pasteCode(page, huge);
    const saveState = page.getByTestId("save-state");
    await expect.poll(() => saveState.textContent()).toBe("Not saved: code is limited to 64 KiB. It stays here; shorten it to save.");
    expect(await page.getByTestId("code-editor").getAttribute("data-length")).toBe(String(huge.length));

    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("int small;");
    await draftSaved(page);
    expect((await savedDrafts(page)).c).toBe("int small;");
  });
});

describe("loading a past submission into the editor", () => {
  it("puts it into its own language, saved as that language's draft, and leaves the open language's draft alone", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("loader"));
    const goCode = "package main\n\n// my earlier go attempt\nfunc echoLines() {}\n";
    const run = await page.request.post("/api/submissions", {
      data: { exerciseSlug: EXERCISE, language: "go", code: goCode, kind: "run" },
      headers: { origin: inject("appUrl") },
    });
    expect(run.status()).toBe(202);

    await page.goto(`/exercises/${EXERCISE}`);
    await clearEditor(page);
    await page.keyboard.type("my c draft");
    await draftSaved(page);

    await page.getByTestId("history").getByRole("button").first().click();
    // It asks first: declined, nothing changes.
    const asked: string[] = [];
    page.once("dialog", (dialog) => void (asked.push(dialog.message()), dialog.dismiss()));
    await page.getByRole("button", { name: "Load into editor" }).click();
    await expect.poll(() => asked).toEqual(["Replace your Go code with this Run's code? You can undo it."]);
    expect(await page.locator("#language").inputValue()).toBe("c");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Load into editor" }).click();
    expect(await page.locator("#language").inputValue()).toBe("go");
    await page.locator(`[data-testid="code-editor"][data-length="${goCode.length}"]`).waitFor();
    await draftSaved(page);
    const drafts = await savedDrafts(page);
    expect(drafts.go).toBe(goCode);
    expect(drafts.c).toBe("my c draft");

    // Back in C, the C draft is what the editor shows.
    await page.locator("#language").selectOption("c");
    await page.locator('[data-testid="code-editor"][data-length="10"]').waitFor();

    // Undo puts back what the Go editor held before (the starter: there was no Go draft), saved as the Go draft.
    await page.getByTestId("loaded-past").getByRole("button", { name: "Undo" }).click();
    expect(await page.locator("#language").inputValue()).toBe("go");
    const starter = await readFile(`exercises/${EXERCISE}/starter/go/echo.go`, "utf8");
    await page.locator(`[data-testid="code-editor"][data-length="${starter.length}"]`).waitFor();
    await draftSaved(page);
    expect((await savedDrafts(page)).go).toBe(starter);
    await expect(page.getByTestId("loaded-past").count()).resolves.toBe(0);
  });
});

describe("a reload while a submission is graded", () => {
  it("picks up its live progress and shows its result, in the panel and the history, and again after another reload", async () => {
    const { page } = await openContext();
    await signUp(page, uniqueEmail("reloader"));
    await page.goto(`/exercises/${EXERCISE}`);
    // Runs until the time limit: long enough to reload in the middle.
    await pasteCode(page, "int echo_lines(int in, int out) { for (;;) {} }\n");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByTestId("history").getByText("Grading…").waitFor();
    await page.reload();

    await page.getByTestId("submission-result").waitFor({ timeout: 10_000 });
    const verdict = page.getByTestId("verdict");
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.getAttribute("data-verdict")).toBe("TLE");
    await page.getByTestId("history").getByText("Time limit exceeded").waitFor();
    expect(await page.getByTestId("history").getByText("Grading…").count()).toBe(0);

    await page.reload();
    await verdict.waitFor({ timeout: 10_000 });
    expect(await verdict.getAttribute("data-verdict")).toBe("TLE");
  });
});

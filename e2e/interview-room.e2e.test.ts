// A mock interview as a team runs one: the interviewer creates a team and plans an interview with a
// guest candidate; the candidate joins by the link without an account; both type into the same file
// at once and end with the same text; the candidate's Run shows its result on the interviewer's
// screen; the interviewer's private notes, stamped with the interview's clock, never reach the
// candidate's page; the end of the interview makes the candidate's editor read-only; the owner
// deletes it with everything recorded.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signUp, uniqueEmail, useBrowser } from "@/e2e/support/browser";

const openContext = useBrowser();

/** The editor's drawn lines (Monaco draws spaces as no-break spaces). */
const shownText = (page: Page) => page.evaluate(() => (document.querySelector(".monaco-editor .view-lines")?.textContent ?? "").replace(/\u00a0/g, " "));
const editorLength = async (page: Page) => Number(await page.getByTestId("shared-editor").getAttribute("data-length"));

async function roomReady(page: Page): Promise<void> {
  await page.locator('[data-testid="room-connection"][data-synced="true"]').waitFor({ timeout: 30_000 });
  await page.locator(".monaco-editor .view-line").first().waitFor();
}

describe("an interview room", () => {
  it("is shared live by an interviewer and a guest candidate, runs for both, and locks the candidate out at the end", async () => {
    const { page: interviewer } = await openContext();
    await signUp(interviewer, uniqueEmail("interviewer"));

    await interviewer.goto("/teams");
    await interviewer.getByLabel("Team name").fill("Kernel Club");
    await interviewer.getByLabel("Address").fill(`kernel-club-${Date.now().toString(36)}`);
    await interviewer.getByRole("button", { name: "Create team" }).click();
    await interviewer.waitForURL("**/teams/kernel-club-*");
    await interviewer.getByTestId("team-member").first().waitFor();

    await interviewer.goto("/interviews/new");
    await interviewer.getByLabel("Title").fill("Paging round");
    await interviewer.getByLabel("LRU pager", { exact: false }).check();
    await interviewer.getByLabel("Duration (minutes)").fill("30");
    await interviewer.getByLabel(/Questions to ask aloud/).fill("What is a TLB?");
    await interviewer.getByRole("button", { name: "Plan interview" }).click();
    await interviewer.waitForURL(/\/interviews\/[\w-]+$/);
    const guestLink = (await interviewer.getByTestId("guest-link").textContent())!;
    await interviewer.getByText("What is a TLB?").waitFor();
    await interviewer.getByRole("button", { name: "Start interview" }).click();
    await interviewer.getByTestId("room-timer").getByText(/left$/).waitFor();

    const { page: candidate } = await openContext();
    await candidate.goto(guestLink);
    await candidate.getByLabel("Your name").fill("Ada Guest");
    await candidate.getByRole("button", { name: "Join the interview" }).click();
    await candidate.waitForURL(/\/interviews\/[\w-]+$/);
    await Promise.all([roomReady(interviewer), roomReady(candidate)]);
    // The candidate never sees the interviewer's questions, and counts down with everyone.
    expect(await candidate.textContent("body")).not.toContain("What is a TLB?");
    await candidate.getByTestId("room-timer").getByText(/left$/).waitFor();
    await candidate.getByTestId("presence").getByText("Tester").waitFor();
    await interviewer.getByTestId("presence").getByText("Ada Guest").waitFor();

    // The language switch is shared: the interviewer picks Python, the candidate's room follows.
    await interviewer.getByLabel("Language").selectOption("python");
    await expect.poll(() => candidate.getByLabel("Language").inputValue()).toBe("python");
    // The interviewer at the top, the candidate at the end: two people typing at once in one file.
    for (const [page, key] of [
      [interviewer, "ControlOrMeta+Home"],
      [candidate, "ControlOrMeta+End"],
    ] as const) {
      await page.locator(".monaco-editor .view-lines").first().click();
      await page.keyboard.press(key);
    }
    await Promise.all([interviewer.keyboard.type("# interviewer was here\n", { delay: 25 }), candidate.keyboard.type("\n# candidate was here", { delay: 25 })]);
    await candidate.keyboard.press("ControlOrMeta+Home");
    await expect
      .poll(
        async () => (await editorLength(interviewer)) === (await editorLength(candidate)) && (await shownText(interviewer)) === (await shownText(candidate)),
        { timeout: 15_000 },
      )
      .toBe(true);
    const shared = await shownText(interviewer);
    expect(shared).toContain("# interviewer was here");
    expect(shared).toContain("# candidate was here");

    // The candidate runs the shared code; the interviewer's screen shows the result.
    await candidate.getByRole("button", { name: "Run", exact: true }).click();
    const verdict = interviewer.getByTestId("verdict");
    await verdict.waitFor({ timeout: 90_000 });
    expect(await verdict.getAttribute("data-verdict")).toMatch(/^[A-Z]{2,3}$/);
    await interviewer.getByTestId("room-runs").getByText("Ada Guest (guest)").waitFor();

    // The spoken question, marked asked: stamped with the interview's clock.
    const question = interviewer.getByRole("listitem").filter({ hasText: "What is a TLB?" });
    await question.getByLabel("asked").check();
    expect(await question.getByTestId("asked-at").textContent()).toMatch(/^at \d+:\d\d$/);

    // A private note, stamped with the interview's clock: the candidate's page has no trace of it.
    await interviewer.getByLabel("A new private note").fill("**Solid** on the TLB, slow on `mmap`");
    await interviewer.getByRole("button", { name: "Add note" }).click();
    const note = interviewer.getByTestId("room-note").filter({ hasText: "Solid on the TLB" });
    await note.locator("strong", { hasText: "Solid" }).waitFor();
    expect(await note.getByTestId("note-clock").textContent()).toMatch(/^\d+:\d\d$/);
    await note.getByRole("button", { name: "Edit" }).click();
    await interviewer.getByLabel("Edit the note").fill("**Solid** on the TLB and on `mmap`");
    await interviewer.getByRole("button", { name: "Save" }).click();
    await interviewer.getByTestId("room-note").filter({ hasText: "and on mmap" }).getByText("edited").waitFor();
    await candidate.reload();
    await roomReady(candidate);
    expect(await candidate.getByTestId("room-notes").count()).toBe(0);
    expect(await candidate.textContent("body")).not.toContain("Solid");

    // The end: the candidate's editor turns read-only, and what they type goes nowhere.
    await interviewer.getByRole("button", { name: "End interview" }).click();
    await candidate.getByTestId("read-only-notice").waitFor({ timeout: 15_000 });
    await candidate.locator('[data-testid="shared-editor"][data-read-only="true"]').waitFor();
    const before = await editorLength(interviewer);
    await candidate.locator(".monaco-editor .view-lines").first().click();
    await candidate.keyboard.type("sneaky edit");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await editorLength(interviewer)).toBe(before);
    expect(await shownText(interviewer)).not.toContain("sneaky");

    // The guest link has expired with the interview.
    const { page: late } = await openContext();
    await late.goto(guestLink);
    await late.getByText("This interview has ended").waitFor();

    // The candidate is told what is kept; the owner deletes the interview with everything recorded of it.
    await candidate
      .getByTestId("interview-record")
      .getByText(/until an owner of the team deletes it/)
      .waitFor();
    expect(await candidate.getByRole("button", { name: "Delete interview" }).count()).toBe(0);
    await interviewer.getByRole("button", { name: "Delete interview" }).click();
    await interviewer.getByRole("button", { name: "Delete for good" }).click();
    await interviewer.waitForURL((url) => url.pathname === "/interviews");
    await interviewer.getByRole("heading", { name: "Interviews" }).waitFor();
    expect(await interviewer.textContent("body")).not.toContain("Paging round");
  });
});

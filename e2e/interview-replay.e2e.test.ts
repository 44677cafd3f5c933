// After a mock interview: the replay and the scorecards. A session is recorded as a team runs one
// (the interviewer and a guest candidate type into one file, the candidate opens a hint, runs and
// submits, pastes a block, the interviewer writes a note); the replay shows the code at three
// chosen moments exactly as it was on screen then, with the runs and the note of each moment, the
// paste flagged; the interviewer's scorecard opens with the signals of exactly those runs, is
// submitted, and shows in the candidate's scorecards and the team's outcomes. The guest can reach
// neither the scorecard nor, once the interview is over, the replay.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signUp, uniqueEmail, useBrowser } from "@/e2e/support/browser";

const openContext = useBrowser();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The editor's drawn lines, top to bottom (Monaco places each line by its `top` and draws spaces as no-break spaces). */
const screenLines = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".monaco-editor .view-line")]
      .sort((a, b) => Number.parseFloat(a.style.top) - Number.parseFloat(b.style.top))
      .map((line) => (line.textContent ?? "").replace(/\u00a0/g, " ")),
  );
const editorLength = async (page: Page) => Number(await page.getByTestId("shared-editor").getAttribute("data-length"));

async function roomReady(page: Page): Promise<void> {
  await page.locator('[data-testid="room-connection"][data-synced="true"]').waitFor({ timeout: 30_000 });
  await page.locator(".monaco-editor .view-line").first().waitFor();
}

/** Both screens hold the same text: the edit went round. */
async function inSync(a: Page, b: Page): Promise<void> {
  await expect
    .poll(async () => (await editorLength(a)) === (await editorLength(b)) && JSON.stringify(await screenLines(a)) === JSON.stringify(await screenLines(b)), {
      timeout: 15_000,
    })
    .toBe(true);
}

interface Moment {
  at: number;
  lines: string[];
  length: number;
}

/** What the interviewer's screen shows now, once the server has logged it; nothing changes for a while either side. */
async function captureMoment(page: Page): Promise<Moment> {
  await pause(1_200);
  const moment = { at: Date.now(), lines: await screenLines(page), length: await editorLength(page) };
  await pause(1_200);
  return moment;
}

describe("an interview's replay and scorecards", () => {
  it("replays the code exactly as it was at chosen moments, and pre-fills the scorecard with the signals of exactly its runs", {
    timeout: 300_000,
  }, async () => {
    const { page: interviewer } = await openContext();
    await signUp(interviewer, uniqueEmail("replayer"));
    const teamSlug = `replay-club-${Date.now().toString(36)}`;
    await interviewer.goto("/teams");
    await interviewer.getByLabel("Team name").fill("Replay Club");
    await interviewer.getByLabel("Address").fill(teamSlug);
    await interviewer.getByRole("button", { name: "Create team" }).click();
    await interviewer.waitForURL(`**/teams/${teamSlug}`);

    // The team's rubric: the default, and a dimension of the team's own.
    await interviewer.goto(`/teams/${teamSlug}/rubric`);
    await interviewer.getByTestId("rubric-origin").getByText("default rubric").waitFor();
    expect(await interviewer.getByTestId("rubric-dimension").count()).toBe(5);
    await interviewer.getByRole("button", { name: "Add a dimension" }).click();
    await interviewer.getByLabel("Dimension 6 name").fill("Debugging");
    await interviewer.getByLabel("Debugging: description").fill("How the candidate found and fixed what failed.");
    for (const [score, anchor] of ["Guessed", "Printed at random", "Narrowed it down", "Found it from the evidence"].entries())
      await interviewer.getByLabel(`Debugging: what a ${score + 1} looks like`).fill(anchor);
    await interviewer.getByTestId("rubric-dimension").last().getByRole("combobox").selectOption("performance");
    await interviewer.getByRole("button", { name: "Save rubric" }).click();
    await interviewer
      .getByRole("status")
      .getByText(/^Saved/)
      .waitFor();
    await interviewer.reload();
    await interviewer.getByTestId("rubric-origin").getByText("This team's own rubric").waitFor();
    expect(await interviewer.getByTestId("rubric-dimension").count()).toBe(6);

    await interviewer.goto("/interviews/new");
    await interviewer.getByLabel("Title").fill("Replay round");
    await interviewer.getByLabel("LRU pager", { exact: false }).check();
    await interviewer.getByLabel("Duration (minutes)").fill("30");
    await interviewer.getByLabel(/Questions to ask aloud/).fill("What is a TLB?");
    await interviewer.getByRole("button", { name: "Plan interview" }).click();
    await interviewer.waitForURL((url) => /\/interviews\/[\w-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    const interviewUrl = interviewer.url();
    const guestLink = (await interviewer.getByTestId("guest-link").textContent())!;
    await roomReady(interviewer);
    await interviewer.getByRole("button", { name: "Start interview" }).click();
    await interviewer.getByTestId("room-timer").getByText(/left$/).waitFor();

    const { page: candidate } = await openContext();
    await candidate.goto(guestLink);
    await candidate.getByLabel("Your name").fill("Ada Guest");
    await candidate.getByRole("button", { name: "Join the interview" }).click();
    await candidate.waitForURL(/\/interviews\/[\w-]+$/);
    await Promise.all([roomReady(interviewer), roomReady(candidate)]);
    await interviewer.getByLabel("Language").selectOption("python");
    await expect.poll(() => candidate.getByLabel("Language").inputValue()).toBe("python");

    // Moment 1: the candidate replaced the starter with two lines.
    await candidate.locator(".monaco-editor .view-lines").first().click();
    await candidate.keyboard.press("ControlOrMeta+A");
    await candidate.keyboard.type("x = 1\ny = 2\n", { delay: 30 });
    await inSync(interviewer, candidate);
    const first = await captureMoment(interviewer);
    expect(first.lines.slice(0, 2)).toEqual(["x = 1", "y = 2"]);

    // Moment 2: the interviewer added a line at the end.
    await interviewer.locator(".monaco-editor .view-lines").first().click();
    await interviewer.keyboard.press("ControlOrMeta+End");
    await interviewer.keyboard.type("z = 3\n", { delay: 30 });
    await inSync(interviewer, candidate);
    const second = await captureMoment(interviewer);

    // The candidate opens a hint, runs and submits; the interviewer writes a note.
    await candidate.getByRole("button", { name: /Show a hint/ }).click();
    await candidate.getByTestId("hints").locator("li").first().waitFor();
    await candidate.getByRole("button", { name: "Run", exact: true }).click();
    await interviewer.getByTestId("room-runs").getByText("Ada Guest (guest)").waitFor({ timeout: 30_000 });
    await expect.poll(() => interviewer.getByTestId("room-run-verdict").first().textContent(), { timeout: 90_000 }).not.toMatch(/Grading/);
    await candidate.getByRole("button", { name: "Submit", exact: true }).click();
    await expect.poll(() => interviewer.getByTestId("room-run-verdict").count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => interviewer.getByTestId("room-run-verdict").first().textContent(), { timeout: 120_000 }).not.toMatch(/Grading/);
    const roomVerdicts = (await interviewer.getByTestId("room-run-verdict").allTextContents()).reverse();
    await interviewer.getByLabel("A new private note").fill("Replay check: **clear** about the TLB");
    await interviewer.getByRole("button", { name: "Add note" }).click();
    await interviewer.getByTestId("room-note").filter({ hasText: "Replay check" }).waitFor();

    // Moment 3: the candidate pasted a block at the end.
    await candidate.locator(".monaco-editor .view-lines").first().click();
    await candidate.keyboard.press("ControlOrMeta+End");
    // A paste as the browser delivers one: a clipboard event on the editor's input.
    await candidate.evaluate((text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, "# pasted\n".repeat(16));
    await inSync(interviewer, candidate);
    await interviewer.keyboard.press("ControlOrMeta+Home");
    await candidate.keyboard.press("ControlOrMeta+Home");
    const third = await captureMoment(interviewer);
    await interviewer.getByRole("button", { name: "End interview" }).click();
    await candidate.getByTestId("read-only-notice").waitFor({ timeout: 15_000 });

    // The replay, at each moment: the code as it was on screen, the runs and notes of that moment.
    const replayUrl = `${interviewUrl}/replay`;
    await interviewer.goto(replayUrl);
    const origin = Number(await interviewer.getByTestId("replay").getAttribute("data-origin"));
    const codeAt = async (moment: Moment) => {
      await interviewer.goto(`${replayUrl}?t=${moment.at - origin}`);
      await interviewer.getByTestId("replay-code").waitFor();
      return (await interviewer.getByTestId("replay-code").textContent()) ?? "";
    };
    for (const [name, moment] of [
      ["first", first],
      ["second", second],
      ["third", third],
    ] as const) {
      const code = await codeAt(moment);
      expect(code.length, name).toBe(moment.length);
      expect(code.split("\n").slice(0, moment.lines.length), name).toEqual(moment.lines);
      const runs = await interviewer.getByTestId("replay-run").count();
      expect(runs, name).toBe(name === "third" ? 2 : 0);
    }
    const replayVerdicts = (await interviewer.getByTestId("replay-run").evaluateAll((runs) => runs.map((run) => run.getAttribute("data-verdict")))).reverse();
    expect(replayVerdicts).not.toContain("pending");
    await interviewer.getByTestId("replay-notes").getByText("clear").waitFor();
    await interviewer.getByTestId("replay-markers").locator('[data-kind="paste"]').getByText("Ada Guest (guest) inserted 144 characters at once").waitFor();
    await interviewer.getByTestId("replay-markers").locator('[data-kind="hint"]').waitFor();
    // Jumping to the note, then playing at 32×.
    await interviewer.getByTestId("replay-markers").locator('[data-kind="note"] button').click();
    const atNote = Number(await interviewer.getByTestId("replay").getAttribute("data-t"));
    expect(atNote).toBeLessThan(third.at - origin);
    await interviewer.getByLabel("Speed").selectOption("32");
    await interviewer.getByRole("button", { name: "Play" }).click();
    await expect.poll(async () => Number(await interviewer.getByTestId("replay").getAttribute("data-t"))).toBeGreaterThan(atNote + 2_000);

    // The scorecard opens with the signals of exactly the room's runs.
    await interviewer.goto(`${interviewUrl}/scorecard`);
    const signals = interviewer.getByTestId("exercise-signals");
    await signals.waitFor();
    expect(await signals.getByTestId("signal-runs-submits").textContent()).toBe("1 · 1");
    expect(await signals.getByTestId("signal-hints-opened").textContent()).toBe("1 of 5");
    const listed = await signals.getByTestId("signal-runs").locator("li").allTextContents();
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(new RegExp(` run python by Ada Guest \\(guest\\): ${replayVerdicts[0]}, \\d+/\\d+ tests`));
    expect(listed[1]).toMatch(new RegExp(` submit python by Ada Guest \\(guest\\): ${replayVerdicts[1]}, \\d+/\\d+ tests`));
    expect(roomVerdicts).toHaveLength(2);
    expect(await interviewer.getByTestId("signal-questions").textContent()).toContain("not asked: What is a TLB?");
    expect(await interviewer.getByTestId("dimension").count()).toBe(6);
    await interviewer.locator('[data-testid="dimension"][data-key="debugging"]').getByText("Found it from the evidence").waitFor();
    for (const dimension of await interviewer.getByTestId("dimension").all()) {
      if ((await dimension.locator("input:checked").count()) === 0) await dimension.locator('input[value="3"]').check();
    }
    await interviewer.getByLabel("Yes", { exact: true }).check();
    await interviewer.getByRole("button", { name: "Submit scorecard" }).click();
    await interviewer.getByTestId("scorecard-status").getByText("Submitted.").waitFor();

    await interviewer.goto(`${interviewUrl}/scorecards`);
    expect(await interviewer.getByTestId("scorecard-column").count()).toBe(1);
    expect(await interviewer.getByTestId("recommendation").textContent()).toBe("Yes");
    await interviewer.goto(`/teams/${teamSlug}/interviews`);
    expect(await interviewer.getByTestId("team-interview").filter({ hasText: "Replay round" }).getByTestId("outcome").textContent()).toBe("Yes");

    // The guest reaches neither the scorecards nor, the interview over, the replay.
    for (const path of ["/scorecard", "/scorecards", "/replay"]) {
      const response = await candidate.goto(`${interviewUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      expect(await candidate.textContent("body"), path).not.toContain("Replay check");
    }
  });
});

// A new user's first day on the roadmap, in Chromium against the real app, worker and sandbox: a
// quiz graded at once, flashcards scheduled by FSRS (the due dates Postgres keeps are ts-fsrs's for
// the grades pressed), an exercise solved, and the dashboard's mastery, streak and next step moving.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { createEmptyCard, fsrs, generatorParameters, type Grade } from "ts-fsrs";
import { describe, expect, inject, it } from "vitest";
import { signUp, uniqueEmail, useBrowser } from "@/e2e/support/browser";
import { pasteCode, expectVerdictAfter } from "@/e2e/support/exercise-page";
import { listExercises } from "@/lib/exercises/load-exercise";
import { loadRoadmap } from "@/lib/exercises/roadmap";
import { topicMastery } from "@/lib/progress/mastery";
import { endOfDay } from "@/lib/progress/time-zone";
import { getQuestionBank, isReviewable, questionsOfTopic } from "@/lib/questions/question-bank";
import { queryRows } from "@/test/support/database";

const openContext = useBrowser();

async function meterOf(page: Page, label: string): Promise<number> {
  return Number(await page.getByRole("meter", { name: label, exact: true }).first().getAttribute("aria-valuenow"));
}

describe("a new user's first day on the roadmap", () => {
  it("answers a quiz, reviews flashcards, solves an exercise, and sees mastery, streak and next step change", async () => {
    const { page } = await openContext();
    const email = uniqueEmail("roadmap");
    await signUp(page, email);
    const db = inject("appDatabaseUrl");
    const userId = (await queryRows<{ id: string }>(db, `SELECT id FROM "User" WHERE email = $1`, [email]))[0]!.id;
    const roadmap = await loadRoadmap();
    const [first, second, third] = roadmap.sections[0]!.topics;
    const bank = await getQuestionBank();

    // Nothing done yet: the first topic of the roadmap is the next step, no streak.
    await page.goto("/dashboard");
    await expect(page.getByTestId("next-step").textContent()).resolves.toContain(first!.title);
    await expect(page.getByTestId("streak-current").textContent()).resolves.toBe("0 days");

    // The first topic's quiz, every answer right; each option explained once checked.
    const quiz = questionsOfTopic(bank.questions, first!.id).flatMap((q) => (q.kind === "choice" ? [q] : []));
    await page.goto(`/roadmap/${first!.id}/quiz`);
    for (const question of quiz) {
      const options = page.locator("fieldset label");
      await expect(options.count()).resolves.toBe(question.options.length);
      for (const [i, option] of question.options.entries()) if (option.correct) await options.nth(i).locator("input").check();
      await page.getByRole("button", { name: "Check" }).click();
      await expect(page.getByRole("status").textContent()).resolves.toBe("Right.");
      await expect(page.getByTestId("option-explanation").count()).resolves.toBe(question.options.length);
      await page.getByRole("button", { name: /^(Next question|See the score)$/ }).click();
    }
    await expect(page.getByTestId("quiz-score").textContent()).resolves.toBe(`${quiz.length} of ${quiz.length} right`);

    // The second topic's flashcards, all new: the first graded Good, the rest Easy.
    const cards = questionsOfTopic(bank.questions, second!.id).filter(isReviewable).slice(0, 10);
    await page.goto(`/review?topic=${second!.id}`);
    for (const [i] of cards.entries()) {
      await page.getByRole("button", { name: "Show answer" }).click();
      await page.getByTestId("card-answer").waitFor();
      await page.getByRole("button", { name: i === 0 ? /^Good/ : /^Easy/ }).click();
    }
    await expect(page.getByTestId("review-done").textContent()).resolves.toBe(`Done: ${cards.length} cards reviewed.`);
    const reviewed = await queryRows<{ questionSlug: string; due: Date; rating: number; reviewedAt: Date }>(
      db,
      `SELECT c."questionSlug", c.due, l.rating, l."reviewedAt" FROM "ReviewCard" c JOIN "ReviewLog" l USING ("userId", "questionSlug") WHERE c."userId" = $1`,
      [userId],
    );
    expect(reviewed.map((r) => r.questionSlug).sort()).toEqual(cards.map((c) => c.slug).sort());
    const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));
    for (const row of reviewed) {
      const expected = scheduler.next(createEmptyCard(row.reviewedAt), row.reviewedAt, row.rating as Grade).card.due;
      expect(row.due.getTime(), row.questionSlug).toBe(expected.getTime());
    }
    // Good on a new card brings it back within minutes (a learning step), Easy in days.
    const goodCard = reviewed.find((r) => r.rating === 3)!;
    expect(goodCard.due.getTime() - goodCard.reviewedAt.getTime()).toBeLessThan(60 * 60_000);
    for (const row of reviewed.filter((r) => r.rating === 4)) expect(row.due.getTime() - row.reviewedAt.getTime()).toBeGreaterThan(86_400_000);

    // The second topic's exercise, solved.
    const exercise = "syscall-echo";
    await page.goto(`/exercises/${exercise}`);
    await pasteCode(page, await readFile(`graders/${exercise}/reference/c/echo.c`, "utf8"));
    await expectVerdictAfter(page, "Submit", "AC");

    // The topic page: every part of the second topic's mastery moved except the quiz.
    await page.goto(`/roadmap/${second!.id}`);
    await expect(page.getByTestId("mastery-exercises").textContent()).resolves.toBe("100%");
    await expect(page.getByTestId("mastery-quiz").textContent()).resolves.toBe("0%");
    expect(Number.parseInt((await page.getByTestId("mastery-retention").textContent()) ?? "0", 10)).toBeGreaterThan(0);

    // The roadmap: both topics have mastery; the dashboard: a one-day streak, the next step moved on.
    // The first topic's is its quiz, all right, weighed with whatever else the topic has (its
    // exercises and flashcards, none done): the formula's figure, not a threshold.
    const firstExercises = (await listExercises()).filter((manifest) => manifest.topics.includes(first!.id));
    const firstMastery = topicMastery(
      {
        exercises: firstExercises.map((manifest) => ({ slug: manifest.slug, difficulty: manifest.difficulty })),
        choiceSlugs: quiz.map((question) => question.slug),
        cardSlugs: questionsOfTopic(bank.questions, first!.id)
          .filter(isReviewable)
          .map((question) => question.slug),
      },
      { solved: new Set([exercise]), latestQuizAnswer: new Map(quiz.map((question) => [question.slug, true])), retention: new Map() },
    );
    expect(firstMastery.quiz).toBe(1);
    await page.goto("/roadmap");
    expect(await meterOf(page, `${first!.title} mastery`)).toBe(Math.round(firstMastery.mastery * 100));
    expect(firstMastery.mastery).toBeGreaterThan(0);
    expect(await meterOf(page, `${second!.title} mastery`)).toBeGreaterThan(50);
    const [{ timeZone }] = (await queryRows<{ timeZone: string }>(db, `SELECT "timeZone" FROM "User" WHERE id = $1`, [userId])) as [{ timeZone: string }];
    const dueToday = reviewed.filter((r) => r.due <= endOfDay(timeZone, new Date())).length;
    await expect(page.getByTestId("reviews-due").textContent()).resolves.toBe(
      dueToday === 0 ? "No flashcards due today." : `${dueToday} flashcard${dueToday === 1 ? "" : "s"} due today.`,
    );
    await page.goto("/dashboard");
    await expect(page.getByTestId("streak-current").textContent()).resolves.toBe("1 day");
    const next = (await page.getByTestId("next-step").textContent()) ?? "";
    expect(next).toContain(third!.title);
    expect(next).not.toContain(first!.title);
    await expect(page.getByTestId("dashboard-reviews-due").textContent()).resolves.toBe(String(dueToday));
    await page.locator(`[data-exercise="${exercise}"]`).getByText("last AC").waitFor();
  });
});

// The kept dashboard and roadmap progress (progress-cache.ts) against real Postgres: served again
// while nothing changed, computed again after every kind of write a user's progress is made of,
// when their day turns and when it is a minute old.
import { beforeAll, describe, expect, it } from "vitest";
import type { GradingResult } from "@/contracts/grading-result";
import { signUp, useFreshAppDatabase } from "@/test/support/app-routes";

let db: typeof import("@/lib/db").db;
let cachedProgress: typeof import("@/lib/server/progress/progress-cache").cachedProgress;
let FRESH_FOR_MS: number;
let userId: string;

beforeAll(async () => {
  await useFreshAppDatabase("progress_cache");
  ({ db } = await import("@/lib/db"));
  ({ cachedProgress, FRESH_FOR_MS } = await import("@/lib/server/progress/progress-cache"));
  const email = `cached-${Date.now().toString(36)}@example.com`;
  await signUp(email);
  userId = (await db.user.findUniqueOrThrow({ where: { email } })).id;
});

/** A view of kind `kind` whose computation counts itself. */
function counted(kind: string) {
  let computations = 0;
  return {
    view: (now?: () => number) => cachedProgress(kind, userId, async () => ++computations, now),
    computations: () => computations,
  };
}

describe("a user's kept progress", () => {
  it("is served again while nothing it is made of changed, and one computation serves views arriving together", async () => {
    const progress = counted("unchanged");
    expect(await Promise.all([progress.view(), progress.view(), progress.view()])).toEqual([1, 1, 1]);
    expect(await progress.view()).toBe(1);
    expect(progress.computations()).toBe(1);
  });

  it("is computed again after every write a user's progress is made of", async () => {
    const { answerQuizQuestion } = await import("@/lib/server/questions/answer-quiz-question");
    const { reviewFlashcard } = await import("@/lib/server/questions/review-flashcard");
    const { markTopic } = await import("@/lib/server/progress/mark-topic");
    const { saveDraft } = await import("@/lib/server/drafts/save-draft");
    const { deleteDraft } = await import("@/lib/server/drafts/delete-draft");
    const { rememberTimeZone } = await import("@/lib/server/progress/remember-time-zone");
    const { createSubmission } = await import("@/lib/server/submissions/create-submission");
    const { recordResult } = await import("@/worker/record-result");
    const bank = await (await import("@/lib/questions/question-bank")).getQuestionBank();
    const choice = bank.questions.find((q) => q.kind === "choice")!;
    const card = bank.questions.find((q) => q.kind === "flashcard")!;
    const topic = choice.topics[0]!;
    const exerciseSlug = "bankers-algorithm";
    let submissionId = "";
    const verdict = (score: number): GradingResult => ({
      version: 3,
      status: score === 1 ? "pass" : "fail",
      verdict: score === 1 ? "AC" : "WA",
      score,
      tests: [],
      metrics: { maxCpuMs: 1, peakMemoryKiB: 1 },
    });

    const writes: [string, () => Promise<unknown>][] = [
      ["a quiz answer", () => answerQuizQuestion({ userId, questionSlug: choice.slug, chosen: [0] })],
      ["the same answer again", () => answerQuizQuestion({ userId, questionSlug: choice.slug, chosen: [0] })],
      ["a flashcard review", () => reviewFlashcard({ userId, questionSlug: card.slug, grade: "good" })],
      ["a topic marked", () => markTopic({ userId, topicId: topic, status: "learning" })],
      ["the mark changed", () => markTopic({ userId, topicId: topic, status: "done" })],
      ["the mark taken away", () => markTopic({ userId, topicId: topic, status: null })],
      ["a draft saved", () => saveDraft({ userId, exerciseSlug, language: "c", code: "int main(void) { return 0; }" })],
      ["the draft saved again", () => saveDraft({ userId, exerciseSlug, language: "c", code: "int main(void) { return 1; }" })],
      ["the draft deleted", () => deleteDraft({ userId, exerciseSlug, language: "c" })],
      [
        "a practice submission",
        async () => {
          ({ id: submissionId } = await createSubmission({
            author: { userId },
            input: { exerciseSlug, language: "c", code: "int main(void) { return 0; }", kind: "submit" },
          }));
        },
      ],
      ["its verdict", () => recordResult({ submissionId, practiceUserId: userId, exerciseSlug, kind: "submit", result: verdict(0.5) })],
      [
        "a second submission and its verdict",
        async () => {
          const { id } = await createSubmission({
            author: { userId },
            input: { exerciseSlug, language: "c", code: "int main(void) { return 2; }", kind: "submit" },
          });
          await recordResult({ submissionId: id, practiceUserId: userId, exerciseSlug, kind: "submit", result: verdict(1) });
        },
      ],
      ["a new time zone", () => rememberTimeZone({ userId, timeZone: "Asia/Tokyo" })],
    ];
    const progress = counted("writes");
    await progress.view();
    for (const [write, run] of writes) {
      const before = progress.computations();
      await run();
      await progress.view();
      expect(progress.computations(), `after ${write}`).toBe(before + 1);
      await progress.view();
      expect(progress.computations(), `after ${write}, viewed again`).toBe(before + 1);
    }
  });

  it("is computed again when the user's day turns, and when it is a minute old", async () => {
    await db.user.update({ where: { id: userId }, data: { timeZone: "UTC" } });
    const progress = counted("time");
    const evening = Date.parse("2026-12-03T23:59:30Z");
    await progress.view(() => evening);
    await progress.view(() => evening + 20_000); // 23:59:50, the same day
    expect(progress.computations()).toBe(1);
    await progress.view(() => evening + 40_000); // 00:00:10 the next day, 40 s later
    expect(progress.computations()).toBe(2);
    await progress.view(() => evening + 40_000 + FRESH_FOR_MS - 1);
    expect(progress.computations()).toBe(2);
    await progress.view(() => evening + 40_000 + FRESH_FOR_MS);
    expect(progress.computations()).toBe(3);
  });

  it("is not kept when its computation failed", async () => {
    let attempts = 0;
    const failing = () =>
      cachedProgress("failing", userId, async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("the database went away");
        return attempts;
      });
    await expect(failing()).rejects.toThrow("the database went away");
    expect(await failing()).toBe(2);
    expect(await failing()).toBe(2);
  });
});

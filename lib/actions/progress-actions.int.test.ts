// The roadmap's practice as a signed-in user drives it, through the server actions (next/headers
// answers with the caller's cookie; the rest is real: better-auth, Postgres, ts-fsrs), and the
// dashboard's figures computed from what was written.
import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { signUp, useFreshAppDatabase } from "@/test/support/app-routes";

let requestCookie = "";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: requestCookie, origin: "http://localhost:3000", "x-forwarded-for": "10.9.9.8" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, has: () => false }),
}));

let db: typeof import("@/lib/db").db;
let actions: typeof import("@/lib/actions/progress-actions");
let bank: import("@/lib/questions/load-question-bank").QuestionBank;
let userId: string;
let cookie: string;

beforeAll(async () => {
  await useFreshAppDatabase("progress");
  ({ db } = await import("@/lib/db"));
  actions = await import("@/lib/actions/progress-actions");
  bank = await (await import("@/lib/questions/question-bank")).getQuestionBank();
  const email = `learner-${Date.now().toString(36)}@example.com`;
  cookie = await signUp(email);
  userId = (await db.user.findUniqueOrThrow({ where: { email } })).id;
  requestCookie = cookie;
});

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? "ok" : result.error!.code);

describe("practice actions", () => {
  it("refuse a visitor who is not signed in", async () => {
    requestCookie = "";
    try {
      expect(codeOf(await actions.answerQuizAction({ questionSlug: "x", chosen: [0] }))).toBe("UNAUTHORIZED");
      expect(codeOf(await actions.reviewFlashcardAction({ questionSlug: "x", grade: "good" }))).toBe("UNAUTHORIZED");
      expect(codeOf(await actions.markTopicAction({ topicId: "paging", status: "done" }))).toBe("UNAUTHORIZED");
      expect(codeOf(await actions.rememberTimeZoneAction({ timeZone: "Europe/Paris" }))).toBe("UNAUTHORIZED");
    } finally {
      requestCookie = cookie;
    }
  });

  it("grade a quiz answer right only when exactly the right options are chosen, with every option explained", async () => {
    const question = bank.questions.find((q) => q.kind === "choice" && q.options.filter((o) => o.correct).length > 1)!;
    if (question.kind !== "choice") throw new Error("unreachable");
    const right = question.options.flatMap((o, i) => (o.correct ? [i] : []));
    const partial = await actions.answerQuizAction({ questionSlug: question.slug, chosen: right.slice(0, 1) });
    expect(partial.ok && partial.data.correct).toBe(false);
    const full = await actions.answerQuizAction({ questionSlug: question.slug, chosen: right });
    if (!full.ok) throw new Error(full.error.message);
    expect(full.data.correct).toBe(true);
    expect(full.data.options.map((o) => o.explanation)).toEqual(question.options.map((o) => o.explanation));
    const stored = await db.quizAnswer.findMany({ where: { userId, questionSlug: question.slug }, orderBy: { answeredAt: "asc" } });
    expect(stored.map((a) => a.correct)).toEqual([false, true]);
  });

  it("refuse a quiz answer to an unknown question, to a flashcard, or naming an option that does not exist", async () => {
    expect(codeOf(await actions.answerQuizAction({ questionSlug: "no-such-question", chosen: [0] }))).toBe("NOT_FOUND");
    const card = bank.questions.find((q) => q.kind === "flashcard")!;
    expect(codeOf(await actions.answerQuizAction({ questionSlug: card.slug, chosen: [0] }))).toBe("INVALID_INPUT");
    const choice = bank.questions.find((q) => q.kind === "choice" && q.options.length === 3) ?? bank.questions.find((q) => q.kind === "choice")!;
    const options = choice.kind === "choice" ? choice.options.length : 0;
    expect(codeOf(await actions.answerQuizAction({ questionSlug: choice.slug, chosen: [options] }))).toBe("INVALID_INPUT");
    expect(codeOf(await actions.answerQuizAction({ questionSlug: choice.slug, chosen: [] }))).toBe("INVALID_INPUT");
    expect(codeOf(await actions.answerQuizAction({ questionSlug: choice.slug, chosen: [0, 0] }))).toBe("INVALID_INPUT");
  });

  it("schedule flashcard reviews as ts-fsrs does, card and log in Postgres", async () => {
    const card = bank.questions.find((q) => q.kind === "flashcard")!;
    const before = new Date();
    const first = await actions.reviewFlashcardAction({ questionSlug: card.slug, grade: "good" });
    if (!first.ok) throw new Error(first.error.message);
    const row = await db.reviewCard.findUniqueOrThrow({ where: { userId_questionSlug: { userId, questionSlug: card.slug } } });
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId, questionSlug: card.slug } });
    const expected = fsrs(generatorParameters({ enable_fuzz: false })).next(createEmptyCard(log.reviewedAt), log.reviewedAt, Rating.Good);
    expect(row.due).toEqual(expected.card.due);
    expect(row.due.getTime()).toBeGreaterThan(before.getTime());
    expect(log.rating).toBe(Rating.Good);
    expect(first.data.due).toBe(expected.card.due.toISOString());

    const open = bank.questions.find((q) => q.kind === "open")!;
    expect(codeOf(await actions.reviewFlashcardAction({ questionSlug: open.slug, grade: "easy" }))).toBe("ok");
    const choice = bank.questions.find((q) => q.kind === "choice")!;
    expect(codeOf(await actions.reviewFlashcardAction({ questionSlug: choice.slug, grade: "good" }))).toBe("INVALID_INPUT");
    expect(codeOf(await actions.reviewFlashcardAction({ questionSlug: card.slug, grade: "perfect" as "good" }))).toBe("INVALID_INPUT");
  });

  it("mark a topic and take the mark away; refuse a topic the roadmap does not have", async () => {
    expect(codeOf(await actions.markTopicAction({ topicId: "paging", status: "done" }))).toBe("ok");
    expect((await db.topicMark.findUniqueOrThrow({ where: { userId_topicId: { userId, topicId: "paging" } } })).status).toBe("done");
    expect(codeOf(await actions.markTopicAction({ topicId: "paging", status: null }))).toBe("ok");
    expect(await db.topicMark.count({ where: { userId } })).toBe(0);
    expect(codeOf(await actions.markTopicAction({ topicId: "no-such-topic", status: "done" }))).toBe("NOT_FOUND");
    expect(codeOf(await actions.markTopicAction({ topicId: "paging", status: "mastered" as "done" }))).toBe("INVALID_INPUT");
  });

  it("count each quiz answer and review on the user's day", async () => {
    const [quizAnswers, reviews, days] = await Promise.all([
      db.quizAnswer.count({ where: { userId } }),
      db.reviewLog.count({ where: { userId } }),
      db.activityDay.findMany({ where: { userId } }),
    ]);
    expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(quizAnswers + reviews);
  });

  it("keep a time zone Postgres knows, and refuse one it does not", async () => {
    expect(codeOf(await actions.rememberTimeZoneAction({ timeZone: "Mars/Olympus_Mons" }))).toBe("INVALID_INPUT");
    expect(codeOf(await actions.rememberTimeZoneAction({ timeZone: "Asia/Tokyo" }))).toBe("ok");
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).timeZone).toBe("Asia/Tokyo");
  });
});

describe("the dashboard", () => {
  it("counts days and streaks in the user's time zone, and recommends the weakest topic in roadmap order", async () => {
    const email = `streak-${Date.now().toString(36)}@example.com`;
    await signUp(email);
    const learner = await db.user.update({ where: { email }, data: { timeZone: "America/Los_Angeles" } });
    // 03:00 UTC is the previous evening in Los Angeles: three activities on three consecutive local days.
    const now = new Date("2026-12-03T20:00:00Z");
    for (const at of ["2026-12-01T03:00:00Z", "2026-12-02T03:00:00Z", "2026-12-03T18:00:00Z"]) {
      await db.quizAnswer.create({ data: { userId: learner.id, questionSlug: "x", chosen: [0], correct: false, answeredAt: new Date(at) } });
    }
    // Written straight to the table, as events from before the time zone was known: recounted in it.
    const { rebuildActivity } = await import("@/lib/server/progress/record-activity");
    await rebuildActivity(db, { userId: learner.id });
    const { getDashboard } = await import("@/lib/server/progress/get-dashboard");
    const dashboard = await getDashboard({ userId: learner.id, now });
    expect(dashboard.today).toBe("2026-12-03");
    expect(dashboard.activity.map((d) => d.date)).toEqual(["2026-11-30", "2026-12-01", "2026-12-03"]);
    expect(dashboard.streak).toEqual({ current: 1, longest: 2 });
    // Nothing done: the first topic of the roadmap is the weakest; it has no exercise, so its quiz comes first.
    const firstTopic = dashboard.roadmap.sections[0]!.topics[0]!;
    expect(dashboard.nextStep?.topic.id).toBe(firstTopic.id);
    await db.topicMark.create({ data: { userId: learner.id, topicId: firstTopic.id, status: "skipped" } });
    const after = await getDashboard({ userId: learner.id, now });
    expect(after.nextStep?.topic.id).toBe(dashboard.roadmap.sections[0]!.topics[1]!.id);
  });
});

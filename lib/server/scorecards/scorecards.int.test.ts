// Scorecards against real Postgres: a scripted room session (runs sent through the room and graded
// results written as the worker writes them, hints opened, a question asked) and the signals its
// scorecard opens with, which must be exactly those of its runs; then scoring, overriding and
// submitting, the rubric kept as it was, and others' scorecards held back until one's own is in.
import { beforeAll, describe, expect, it } from "vitest";
import type { GradingResult } from "@/contracts/grading-result";
import { useFreshAppDatabase } from "@/test/support/app-routes";
import { createInterview, createTeamFixture, type TeamFixture } from "@/test/support/interviews";

let db: typeof import("@/lib/db").db;
let team: TeamFixture;
let scorecards: typeof import("@/lib/server/scorecards/scorecards");

beforeAll(async () => {
  await useFreshAppDatabase("scorecards");
  ({ db } = await import("@/lib/db"));
  scorecards = await import("@/lib/server/scorecards/scorecards");
  team = await createTeamFixture();
});

const as = (person: "owner" | "interviewer" | "candidate") => ({ user: { id: team.users[person].id, name: team.users[person].name }, guestId: null });
const MINUTE = 60_000;

function graded(
  verdict: GradingResult["verdict"],
  tests: { status: "pass" | "fail"; finding?: "race" | "deadlock" }[],
  performance?: { ratio: number; passed: boolean },
): GradingResult {
  return {
    version: 3,
    status: verdict === "AC" ? "pass" : verdict === "CE" ? "error" : "fail",
    verdict,
    score: tests.length === 0 ? 0 : tests.filter((t) => t.status === "pass").length / tests.length,
    ...(verdict === "CE" ? { message: "buffer.c:3: error: expected ';'" } : {}),
    tests: tests.map((test, i) => ({ name: `test ${i + 1}`, visibility: i === 0 ? "public" : "hidden", ...test })),
    ...(performance
      ? {
          performance: {
            ...performance,
            verdict: performance.passed ? "AC" : "TLE",
            cpuMs: 100 * performance.ratio,
            referenceCpuMs: 100,
            tolerance: 3,
            message: "",
          },
        }
      : {}),
    metrics: { maxCpuMs: 10, peakMemoryKiB: 2048 },
  };
}

/** A run or Submit sent through the room at `minutes` on the interview's clock, graded as `result` (none: still queued). */
async function roomRun(interviewId: string, startedAt: Date, minutes: number, kind: "run" | "submit", language: "c" | "python", result?: GradingResult) {
  const { createRoomRun } = await import("@/lib/server/interviews/room-runs");
  const { recordResult } = await import("@/worker/record-result");
  const { id } = await createRoomRun({
    viewer: as("candidate"),
    input: { interviewId, exerciseSlug: "lru-pager", language, code: language === "c" ? "int x;" : "x = 1", kind },
  });
  await db.submission.update({ where: { id }, data: { queuedAt: new Date(startedAt.getTime() + minutes * MINUTE) } });
  if (result) await recordResult({ submissionId: id, practiceUserId: null, exerciseSlug: "lru-pager", kind, result });
  return id;
}

describe("a scorecard's signals", () => {
  it("are exactly those of the room's runs, hints and questions", async () => {
    const startedAt = new Date(Date.now() - 30 * MINUTE);
    const interviewId = await createInterview(team, { startedAt, endsAt: new Date(startedAt.getTime() + 45 * MINUTE) });
    await db.interview.update({ where: { id: interviewId }, data: { questions: ["What is a page fault?", "What does the TLB cache?"] } });
    const ids = [
      await roomRun(interviewId, startedAt, 2, "run", "c", graded("CE", [])),
      await roomRun(interviewId, startedAt, 5, "run", "c", graded("WA", [{ status: "pass" }, { status: "fail", finding: "race" }])),
      await roomRun(
        interviewId,
        startedAt,
        8,
        "submit",
        "c",
        graded("TLE", [{ status: "pass" }, { status: "pass" }, { status: "pass" }], { ratio: 7.5, passed: false }),
      ),
      await roomRun(
        interviewId,
        startedAt,
        12.5,
        "submit",
        "c",
        graded("AC", [{ status: "pass" }, { status: "pass" }, { status: "pass" }], { ratio: 1.3, passed: true }),
      ),
      await roomRun(interviewId, startedAt, 14, "run", "python"),
    ];
    const { openHint } = await import("@/lib/server/interviews/room-hints");
    expect(await openHint({ interviewId, viewer: as("candidate"), exerciseSlug: "lru-pager", index: 0 })).toEqual({ opened: 1 });
    expect(await openHint({ interviewId, viewer: as("candidate"), exerciseSlug: "lru-pager", index: 1 })).toEqual({ opened: 2 });
    expect(await openHint({ interviewId, viewer: as("candidate"), exerciseSlug: "lru-pager", index: 1 })).toEqual({ opened: 2 });
    await expect(openHint({ interviewId, viewer: as("candidate"), exerciseSlug: "lru-pager", index: 3 })).rejects.toThrow(/open hint 3 first/);
    await expect(openHint({ interviewId, viewer: as("interviewer"), exerciseSlug: "lru-pager", index: 2 })).rejects.toThrow(/Interviewers see every hint/);
    const { markAsked } = await import("@/lib/server/interviews/asked-questions");
    await markAsked({ interviewId, viewer: as("interviewer"), questionKey: "spoken:1", asked: true, now: new Date(startedAt.getTime() + 20 * MINUTE) });

    const card = await scorecards.openScorecard({ interviewId, viewer: as("interviewer") });
    const run = (
      id: string,
      clockMs: number,
      kind: string,
      language: string,
      status: string,
      verdict: string | null,
      passed: number | null,
      total: number | null,
    ) => ({
      id,
      kind,
      language,
      authorName: "Candidate",
      clockMs,
      status,
      verdict,
      passed,
      total,
    });
    expect(card.signals).toEqual({
      exercises: [
        {
          slug: "lru-pager",
          title: expect.any(String),
          runs: [
            { ...run(ids[0]!, 2 * MINUTE, "run", "c", "done", "CE", 0, 0), performanceRatio: null, performancePassed: null, findings: [] },
            { ...run(ids[1]!, 5 * MINUTE, "run", "c", "done", "WA", 1, 2), performanceRatio: null, performancePassed: null, findings: ["race"] },
            { ...run(ids[2]!, 8 * MINUTE, "submit", "c", "done", "TLE", 3, 3), performanceRatio: 7.5, performancePassed: false, findings: [] },
            { ...run(ids[3]!, 12.5 * MINUTE, "submit", "c", "done", "AC", 3, 3), performanceRatio: 1.3, performancePassed: true, findings: [] },
            { ...run(ids[4]!, 14 * MINUTE, "run", "python", "queued", null, null, null), performanceRatio: null, performancePassed: null, findings: [] },
          ],
          runCount: 3,
          submitCount: 2,
          compileErrors: 1,
          firstCompileMs: 5 * MINUTE,
          firstAcceptedMs: 12.5 * MINUTE,
          performance: { ratio: 1.3, passed: true },
          raceFindings: 1,
          deadlockFindings: 0,
          hintsOpened: 2,
          hintsTotal: 5,
        },
      ],
      questions: [
        { key: "spoken:0", text: "What is a page fault?", asked: false, clockMs: null },
        { key: "spoken:1", text: "What does the TLB cache?", asked: true, clockMs: 20 * MINUTE },
      ],
    });
    // Correctness takes its suggestion from the accepted Submit; the rest are the interviewer's to score.
    expect(card.scores).toEqual({
      "problem-solving": { score: null, suggested: null },
      correctness: { score: 4, suggested: 4 },
      "os-knowledge": { score: null, suggested: null },
      "code-quality": { score: null, suggested: null },
      communication: { score: null, suggested: null },
    });
  });
});

describe("filling a scorecard", () => {
  it("opens once the interview has begun, keeps overrides, and submits only when complete", async () => {
    const planned = await createInterview(team);
    await expect(scorecards.openScorecard({ interviewId: planned, viewer: as("interviewer") })).rejects.toThrow(/once the interview has begun/);

    const startedAt = new Date(Date.now() - 10 * MINUTE);
    const interviewId = await createInterview(team, { startedAt, endsAt: new Date(startedAt.getTime() + 45 * MINUTE) });
    const opened = await scorecards.openScorecard({ interviewId, viewer: as("interviewer") });
    expect(opened.scores.correctness).toEqual({ score: null, suggested: null });
    // A Submit lands after the scorecard was opened: a draft follows the new suggestion.
    await roomRun(interviewId, startedAt, 3, "submit", "c", graded("WA", [{ status: "pass" }, { status: "fail" }]));
    expect((await scorecards.openScorecard({ interviewId, viewer: as("interviewer") })).scores.correctness).toEqual({ score: 2, suggested: 2 });

    const save = (input: Partial<Parameters<typeof scorecards.saveScorecard>[0]["input"]>) =>
      scorecards.saveScorecard({
        viewer: as("interviewer"),
        input: { interviewId, scores: {}, recommendation: null, summary: "", submit: false, ...input },
      });
    // The interviewer overrides correctness: a later suggestion no longer moves it.
    await save({ scores: { correctness: 3, communication: 4 } });
    await roomRun(interviewId, startedAt, 6, "submit", "c", graded("AC", [{ status: "pass" }, { status: "pass" }]));
    const reopened = await scorecards.openScorecard({ interviewId, viewer: as("interviewer") });
    expect(reopened.scores.correctness).toEqual({ score: 3, suggested: 4 });
    expect(reopened.signals.exercises[0]!.submitCount).toBe(2);

    await expect(save({ scores: { correctness: 3 }, recommendation: "yes", submit: true })).rejects.toThrow(
      /Score every dimension before submitting: Problem solving, OS knowledge, Code quality, Communication/,
    );
    const all = { "problem-solving": 3, correctness: 3, "os-knowledge": 2, "code-quality": 3, communication: 4 } as const;
    await expect(save({ scores: all, submit: true })).rejects.toThrow(/recommendation/);
    await expect(save({ scores: { ...all, extra: 1 }, recommendation: "yes" })).rejects.toThrow(/no dimension "extra"/);
    const submitted = await save({ scores: all, recommendation: "yes", summary: "Solid **LRU**.", submit: true });
    expect(submitted.submittedAt).not.toBeNull();
    expect(submitted.summaryHtml).toContain("<strong>LRU</strong>");
    // Once submitted it stays complete: a change may not empty a score.
    await expect(save({ scores: { ...all, communication: null }, recommendation: "yes" })).rejects.toThrow(/Communication/);
  });

  it("keeps the rubric it was opened with when the team changes its own", async () => {
    const { saveTeamRubric, getTeamRubric } = await import("@/lib/server/scorecards/team-rubric");
    const startedAt = new Date(Date.now() - 5 * MINUTE);
    const interviewId = await createInterview(team, { startedAt, endsAt: new Date(startedAt.getTime() + 45 * MINUTE) });
    const before = await scorecards.openScorecard({ interviewId, viewer: as("owner") });
    const anchors = ["Lost", "Shaky", "Sound", "Deep"];
    await expect(
      saveTeamRubric({
        userId: team.users.interviewer.id,
        input: { slug: team.teamSlug, dimensions: [{ name: "Systems", description: "", anchors, suggestFrom: null }] },
      }),
    ).rejects.toThrow(/Only the team's owners/);
    const saved = await saveTeamRubric({
      userId: team.users.owner.id,
      input: {
        slug: team.teamSlug,
        dimensions: [
          { name: "Systems thinking", description: "", anchors, suggestFrom: null },
          { name: "Speed", description: "", anchors, suggestFrom: "performance" },
        ],
      },
    });
    expect(saved.dimensions.map((d) => d.key)).toEqual(["systems-thinking", "speed"]);
    expect((await getTeamRubric({ userId: team.users.interviewer.id, slug: team.teamSlug })).isDefault).toBe(false);
    await expect(getTeamRubric({ userId: team.users.candidate.id, slug: team.teamSlug })).rejects.toThrow(/no such team/);
    expect((await scorecards.openScorecard({ interviewId, viewer: as("owner") })).rubric).toEqual(before.rubric);
    // A scorecard opened now takes the new rubric.
    expect((await scorecards.openScorecard({ interviewId, viewer: as("interviewer") })).rubric.map((d) => d.name)).toEqual(["Systems thinking", "Speed"]);
  });
});

describe("scorecards side by side", () => {
  it("hold others' back until the viewer's own is in (owners see them at once), across the team's interviews of the candidate", async () => {
    // A team of its own: the candidate's scorecards from the tests above stay out of the count.
    team = await createTeamFixture();
    const startedAt = new Date(Date.now() - 60 * MINUTE);
    const first = await createInterview(team, { startedAt, endsAt: new Date(startedAt.getTime() + 45 * MINUTE) });
    const second = await createInterview(team, { startedAt: new Date(startedAt.getTime() + 50 * MINUTE), endsAt: new Date(Date.now() + 30 * MINUTE) });
    const all = { "problem-solving": 3, correctness: 3, "os-knowledge": 2, "code-quality": 3, communication: 4 } as const;
    const submit = async (interviewId: string, who: "owner" | "interviewer", recommendation: "yes" | "strong_no") => {
      await scorecards.openScorecard({ interviewId, viewer: as(who) });
      await scorecards.saveScorecard({
        viewer: as(who),
        input: { interviewId, scores: all, recommendation, summary: `${who} on ${interviewId}`, submit: true },
      });
    };
    await submit(first, "owner", "strong_no");
    await submit(second, "owner", "yes");

    const hidden = await scorecards.listCandidateScorecards({ interviewId: second, viewer: as("interviewer") });
    expect(hidden).toMatchObject({ hidden: true, submittedCount: 2, candidateName: "Candidate" });
    expect(hidden.interviews.flatMap((i) => i.scorecards)).toEqual([]);

    const ownerView = await scorecards.listCandidateScorecards({ interviewId: second, viewer: as("owner") });
    expect(ownerView.hidden).toBe(false);
    expect(ownerView.interviews.map((i) => [i.id, i.scorecards.map((c) => c.recommendation)])).toEqual([
      [second, ["yes"]],
      [first, ["strong_no"]],
    ]);

    await submit(second, "interviewer", "yes");
    const shown = await scorecards.listCandidateScorecards({ interviewId: second, viewer: as("interviewer") });
    expect(shown.hidden).toBe(false);
    expect(shown.interviews.flatMap((i) => i.scorecards.map((c) => c.summary)).sort()).toEqual(
      [`interviewer on ${second}`, `owner on ${first}`, `owner on ${second}`].sort(),
    );

    const { listTeamInterviews } = await import("@/lib/server/scorecards/list-team-interviews");
    const listed = await listTeamInterviews({ userId: team.users.interviewer.id, slug: team.teamSlug });
    const outcome = (id: string) => listed.interviews.find((i) => i.id === id);
    expect(outcome(first)).toMatchObject({ scorecardsIn: 1, yours: "none", outcome: { recommendation: "strong_no", split: false, count: 1 } });
    expect(outcome(second)).toMatchObject({ scorecardsIn: 2, yours: "submitted", outcome: { recommendation: "yes", split: false, count: 2 } });
    await expect(listTeamInterviews({ userId: team.users.candidate.id, slug: team.teamSlug })).rejects.toThrow(/no such team/);
  });
});

// Who may do what with teams and interviews: every new action, route and the room's socket, for
// each kind of caller (anonymous, an outsider, the team's candidate, interviewer and owner, and a
// guest of the interview). Actions run as in a request: next/headers answers with the caller's
// cookies (the one seam stood in for: Next.js's request context); the rest is real (better-auth,
// Postgres, the collaboration server over WebSockets).
import { HocuspocusProvider } from "@hocuspocus/provider";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import type { CollabServer } from "@/collab/collab-server";
import { clientAddressOf, jsonRequest, signUp, TEST_BASE_URL, useFreshAppDatabase } from "@/test/support/app-routes";

const CALLERS = ["anonymous", "outsider", "candidate", "interviewer", "owner", "guest"] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

let requestCookie = "";
vi.mock("next/headers", () => {
  const headers = async () => new Headers({ cookie: requestCookie, origin: "http://localhost:3000", "x-forwarded-for": "10.9.9.9" });
  const cookies = async () => ({
    get: (name: string) => {
      const pair = requestCookie
        .split(";")
        .map((part) => part.trim().split("="))
        .find(([key]) => key === name);
      return pair ? { name, value: decodeURIComponent(pair.slice(1).join("=")) } : undefined;
    },
    getAll: () => [],
    set: () => undefined,
    has: () => false,
  });
  return { headers, cookies };
});

const SECRET = "test-secret-that-is-long-enough-0123456789";
/** An open question of the bank (questions/page-replacement.yaml): its model answer is for interviewers only. */
const BANK_QUESTION = "thrashing-causes-interview";
const sessions = {} as Record<Exclude<Caller, "anonymous" | "guest">, { cookie: string; userId: string; memberId?: string }>;
let teamId: string;
let collab: CollabServer;
let db: typeof import("@/lib/db").db;
let actions: typeof import("@/lib/actions/interview-actions");
let teamActions: typeof import("@/lib/actions/team-actions");
const providers: HocuspocusProvider[] = [];

beforeAll(async () => {
  await useFreshAppDatabase("authz");
  ({ db } = await import("@/lib/db"));
  actions = await import("@/lib/actions/interview-actions");
  teamActions = await import("@/lib/actions/team-actions");
  for (const person of ["owner", "interviewer", "candidate", "outsider"] as const) {
    const email = `${person}-${Date.now().toString(36)}@example.com`;
    const cookie = await signUp(email);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    sessions[person] = { cookie, userId: user.id };
  }
  const { POST } = await import("@/app/api/auth/[...all]/route");
  const created = await POST(
    jsonRequest(
      "/api/auth/organization/create",
      { name: "Kernel Club", slug: "kernel-club" },
      { cookie: sessions.owner.cookie, "x-forwarded-for": clientAddressOf("owner") },
    ),
  );
  expect(created.status).toBe(200);
  teamId = ((await created.json()) as { id: string }).id;
  for (const person of ["interviewer", "candidate"] as const) {
    const member = await db.member.create({ data: { id: `m-${person}`, organizationId: teamId, userId: sessions[person].userId, role: person } });
    sessions[person].memberId = member.id;
  }
  const { startCollabServer } = await import("@/collab/collab-server");
  collab = await startCollabServer({ port: 0, secret: SECRET, logger: pino({ level: "silent" }) });
});

afterAll(async () => {
  for (const provider of providers) provider.destroy();
  await collab?.close();
});

/** An interview whose candidate is the team's candidate member, or (for the guest) a guest, with the guest's cookie. */
async function interviewFor(caller: Caller, timer: { startedAt?: Date; endsAt?: Date } = {}) {
  const guest = caller === "guest";
  const interview = await db.interview.create({
    data: {
      organizationId: teamId,
      title: "Round",
      plannedById: sessions.interviewer.userId,
      candidateUserId: guest ? null : sessions.candidate.userId,
      exerciseSlugs: ["lru-pager"],
      durationMinutes: 30,
      questions: ["Private question for interviewers"],
      questionSlugs: [BANK_QUESTION],
      ...timer,
    },
  });
  let guestCookie = "";
  if (guest) {
    const { guestCookieName, guestCookieValue } = await import("@/lib/auth/guest-link");
    const row = await db.interviewGuest.create({ data: { interviewId: interview.id, name: "Guest" } });
    guestCookie = `${guestCookieName(interview.id)}=${guestCookieValue(interview.id, row.id)}`;
  }
  return { id: interview.id, guestCookie };
}

function actAs(caller: Caller, guestCookie = ""): void {
  requestCookie = caller === "anonymous" ? "" : caller === "guest" ? guestCookie : sessions[caller].cookie;
}

function outcomeOf(result: { ok: boolean; error?: { code: string } }): string {
  return result.ok ? "ok" : result.error!.code;
}

/** Runs `row` once per caller, each on fresh data, and compares every caller's outcome with the expected one. */
async function matrix(expected: Record<Caller, Outcome>, row: (caller: Caller) => Promise<{ ok: boolean; error?: { code: string } }>) {
  const seen = {} as Record<Caller, string>;
  for (const caller of CALLERS) seen[caller] = outcomeOf(await row(caller));
  expect(seen).toEqual(expected);
}

const PARTICIPANTS: Record<Caller, Outcome> = { anonymous: "NOT_FOUND", outsider: "NOT_FOUND", candidate: "ok", interviewer: "ok", owner: "ok", guest: "ok" };
const INTERVIEWERS: Record<Caller, Outcome> = {
  anonymous: "NOT_FOUND",
  outsider: "NOT_FOUND",
  candidate: "FORBIDDEN",
  interviewer: "ok",
  owner: "ok",
  guest: "FORBIDDEN",
};

describe("team actions × caller", () => {
  it("createTeamAction: anyone signed in", async () => {
    let n = 0;
    await matrix({ anonymous: "UNAUTHORIZED", outsider: "ok", candidate: "ok", interviewer: "ok", owner: "ok", guest: "UNAUTHORIZED" }, (caller) => {
      actAs(caller);
      return teamActions.createTeamAction({ name: "Another team", slug: `another-${caller}-${n++}` });
    });
  });

  it("inviteMemberAction: the team's owners and interviewers", async () => {
    await matrix(
      { anonymous: "UNAUTHORIZED", outsider: "NOT_FOUND", candidate: "FORBIDDEN", interviewer: "ok", owner: "ok", guest: "UNAUTHORIZED" },
      (caller) => {
        actAs(caller);
        return teamActions.inviteMemberAction({ teamId, email: `new-${caller}@example.com`, role: "candidate" });
      },
    );
  });

  it("cancelInvitationAction: the team's owners and interviewers", async () => {
    await matrix(
      { anonymous: "UNAUTHORIZED", outsider: "NOT_FOUND", candidate: "FORBIDDEN", interviewer: "ok", owner: "ok", guest: "UNAUTHORIZED" },
      async (caller) => {
        const invitation = await db.invitation.create({
          data: {
            id: `inv-${caller}`,
            organizationId: teamId,
            email: `cancel-${caller}@example.com`,
            role: "candidate",
            expiresAt: new Date(Date.now() + 3600_000),
            inviterId: sessions.owner.userId,
          },
        });
        actAs(caller);
        return teamActions.cancelInvitationAction({ teamId, invitationId: invitation.id });
      },
    );
  });

  it("changeRoleAction and removeMemberAction: the team's owners only", async () => {
    const extraMember = async (tag: string) => {
      const user = await db.user.create({ data: { id: `u-${tag}`, name: "Extra", email: `${tag}@example.com` } });
      return db.member.create({ data: { id: `m-${tag}`, organizationId: teamId, userId: user.id, role: "candidate" } });
    };
    const ownersOnly: Record<Caller, Outcome> = {
      anonymous: "UNAUTHORIZED",
      outsider: "NOT_FOUND",
      candidate: "FORBIDDEN",
      interviewer: "FORBIDDEN",
      owner: "ok",
      guest: "UNAUTHORIZED",
    };
    await matrix(ownersOnly, async (caller) => {
      const member = await extraMember(`role-${caller}`);
      actAs(caller);
      return teamActions.changeRoleAction({ teamId, memberId: member.id, role: "interviewer" });
    });
    await matrix(ownersOnly, async (caller) => {
      const member = await extraMember(`remove-${caller}`);
      actAs(caller);
      return teamActions.removeMemberAction({ teamId, memberId: member.id });
    });
  });

  it("the team page (getTeam): members only; a candidate sees no invitations and no other candidate", async () => {
    const { getTeam } = await import("@/lib/server/teams/get-team");
    const team = await db.organization.findUniqueOrThrow({ where: { id: teamId } });
    await db.user.create({ data: { id: "u-other-candidate", name: "Other candidate", email: "other-candidate@example.com" } });
    await db.member.create({ data: { id: "m-other-candidate", organizationId: teamId, userId: "u-other-candidate", role: "candidate" } });
    for (const person of ["outsider", "candidate", "interviewer", "owner"] as const) {
      const view = await getTeam({ userId: sessions[person].userId, slug: team.slug }).then(
        (v) => v,
        (error: { code?: string }) => error.code,
      );
      if (person === "outsider") expect(view).toBe("NOT_FOUND");
      else if (person === "candidate") {
        expect(typeof view === "object" && view.invitations).toBeNull();
        expect(typeof view === "object" && view.members.map((m) => m.name)).not.toContain("Other candidate");
      } else expect(typeof view === "object" && view.members.map((m) => m.name)).toContain("Other candidate");
    }
  });
});

describe("interview actions × caller", () => {
  it("planInterviewAction: the team's owners and interviewers", async () => {
    await matrix(
      { anonymous: "UNAUTHORIZED", outsider: "NOT_FOUND", candidate: "FORBIDDEN", interviewer: "ok", owner: "ok", guest: "UNAUTHORIZED" },
      (caller) => {
        actAs(caller);
        return actions.planInterviewAction({
          teamId,
          title: "Planned",
          exerciseSlugs: ["lru-pager"],
          durationMinutes: 30,
          questions: [],
          questionSlugs: [BANK_QUESTION],
        });
      },
    );
  });

  it("start, extend and end: the interviewers; the candidate and the guest are refused", async () => {
    await matrix(INTERVIEWERS, async (caller) => {
      const interview = await interviewFor(caller);
      actAs(caller, interview.guestCookie);
      return actions.startInterviewAction({ interviewId: interview.id });
    });
    await matrix(INTERVIEWERS, async (caller) => {
      const interview = await interviewFor(caller, { startedAt: new Date(), endsAt: new Date(Date.now() + 600_000) });
      actAs(caller, interview.guestCookie);
      return actions.extendInterviewAction({ interviewId: interview.id, minutes: 5 });
    });
    await matrix(INTERVIEWERS, async (caller) => {
      const interview = await interviewFor(caller, { startedAt: new Date(), endsAt: new Date(Date.now() + 600_000) });
      actAs(caller, interview.guestCookie);
      return actions.endInterviewAction({ interviewId: interview.id });
    });
  });

  it("roomTokenAction, roomRunAction, listRoomRunsAction, getRoomRunAction: the interview's participants", async () => {
    await matrix(PARTICIPANTS, async (caller) => {
      const interview = await interviewFor(caller);
      actAs(caller, interview.guestCookie);
      return actions.roomTokenAction({ interviewId: interview.id });
    });
    const runs: Partial<Record<Caller, { interviewId: string; runId: string; guestCookie: string }>> = {};
    await matrix(PARTICIPANTS, async (caller) => {
      const interview = await interviewFor(caller);
      actAs(caller, interview.guestCookie);
      const run = await actions.roomRunAction({ interviewId: interview.id, exerciseSlug: "lru-pager", language: "python", code: "print(1)\n", kind: "run" });
      if (run.ok) runs[caller] = { interviewId: interview.id, runId: run.data.id, guestCookie: interview.guestCookie };
      return run;
    });
    // Someone else's interview's run: each caller tries the interviewer's run in an interview of the candidate member.
    const theirs = runs.interviewer!;
    await matrix({ ...PARTICIPANTS, guest: "NOT_FOUND" }, async (caller) => {
      actAs(caller, caller === "guest" ? runs.guest!.guestCookie : "");
      return actions.listRoomRunsAction({ interviewId: theirs.interviewId });
    });
    await matrix({ ...PARTICIPANTS, guest: "NOT_FOUND" }, async (caller) => {
      actAs(caller, caller === "guest" ? runs.guest!.guestCookie : "");
      return actions.getRoomRunAction({ interviewId: theirs.interviewId, submissionId: theirs.runId });
    });
    // A guest's cookie opens their own interview only.
    actAs("guest", runs.guest!.guestCookie);
    expect(outcomeOf(await actions.getRoomRunAction({ interviewId: runs.guest!.interviewId, submissionId: runs.guest!.runId }))).toBe("ok");
  });

  it("a guest's cookie stops working when the interview ends", async () => {
    const interview = await interviewFor("guest", { startedAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 600_000) });
    actAs("guest", interview.guestCookie);
    expect(outcomeOf(await actions.roomTokenAction({ interviewId: interview.id }))).toBe("ok");
    await db.interview.update({ where: { id: interview.id }, data: { endsAt: new Date(), endedAt: new Date() } });
    expect(outcomeOf(await actions.roomTokenAction({ interviewId: interview.id }))).toBe("NOT_FOUND");
  });

  it("the room page (getRoom): participants; questions and the guest link for interviewers only", async () => {
    const { getRoom } = await import("@/lib/server/interviews/get-room");
    const { currentViewer } = await import("@/lib/server/interviews/room-access");
    for (const caller of CALLERS) {
      const interview = await interviewFor(caller === "guest" ? "guest" : "owner");
      actAs(caller, interview.guestCookie);
      const room = await getRoom({ interviewId: interview.id, viewer: await currentViewer(interview.id) }).then(
        (r) => r,
        (error: { code?: string }) => error.code,
      );
      if (PARTICIPANTS[caller] !== "ok") {
        expect(room, caller).toBe("NOT_FOUND");
        continue;
      }
      if (typeof room !== "object") throw new Error(`${caller}: ${room}`);
      const interviewer = caller === "owner" || caller === "interviewer";
      expect(room.questions, caller).toEqual(interviewer ? ["Private question for interviewers"] : null);
      if (interviewer)
        expect(
          room.bankQuestions?.map((q) => q.slug),
          caller,
        ).toEqual([BANK_QUESTION]);
      else expect(room.bankQuestions, caller).toBeNull();
      const { requireQuestion } = await import("@/lib/questions/question-bank");
      const modelAnswer = await requireQuestion(BANK_QUESTION).then((q) => (q.kind === "open" ? q.strongAnswer[0]! : ""));
      expect(JSON.stringify(room).includes(modelAnswer), caller).toBe(interviewer);
      if (!interviewer) expect(room.guestLink, caller).toBeNull();
      expect(JSON.stringify(room), caller).toContain(interviewer ? "Private question" : "lru-pager");
      if (!interviewer) expect(JSON.stringify(room), caller).not.toContain("Private question");
    }
  });
});

describe("the question bank in interviews and candidates' progress × caller", () => {
  it("planInterviewAction takes open questions of the bank only", async () => {
    actAs("interviewer");
    const plan = (questionSlugs: string[]) =>
      actions.planInterviewAction({ teamId, title: "Bank", exerciseSlugs: ["lru-pager"], durationMinutes: 30, questions: [], questionSlugs });
    expect(outcomeOf(await plan(["no-such-question"]))).toBe("INVALID_INPUT");
    const { getQuestionBank } = await import("@/lib/questions/question-bank");
    const choice = (await getQuestionBank()).questions.find((q) => q.kind === "choice")!.slug;
    expect(outcomeOf(await plan([choice]))).toBe("INVALID_INPUT");
    const planned = await plan([BANK_QUESTION]);
    expect(outcomeOf(planned)).toBe("ok");
    const row = await db.interview.findUniqueOrThrow({ where: { id: (planned as { data: { id: string } }).data.id } });
    expect(row.questionSlugs).toEqual([BANK_QUESTION]);
  });

  it("a candidate's roadmap progress (getMemberProgress): the team's owners and interviewers; no one else, and only of candidates", async () => {
    const { getMemberProgress } = await import("@/lib/server/teams/get-member-progress");
    const candidateMember = sessions.candidate.memberId!;
    const interviewerMember = sessions.interviewer.memberId!;
    const expected: Record<Exclude<Caller, "anonymous" | "guest">, string> = { outsider: "NOT_FOUND", candidate: "NOT_FOUND", interviewer: "ok", owner: "ok" };
    await db.topicMark.upsert({
      where: { userId_topicId: { userId: sessions.candidate.userId, topicId: "paging" } },
      create: { userId: sessions.candidate.userId, topicId: "paging", status: "learning" },
      update: {},
    });
    for (const caller of ["outsider", "candidate", "interviewer", "owner"] as const) {
      const outcome = await getMemberProgress({ userId: sessions[caller].userId, slug: "kernel-club", memberId: candidateMember }).then(
        (view) => {
          expect(view.roadmap.sections.flatMap((s) => s.topics).find((t) => t.id === "paging")?.status).toBe("learning");
          return "ok";
        },
        (error: { code?: string }) => error.code,
      );
      expect(outcome, caller).toBe(expected[caller]);
      // Nobody sees an interviewer's progress through this page.
      expect(
        await getMemberProgress({ userId: sessions[caller].userId, slug: "kernel-club", memberId: interviewerMember }).then(
          () => "ok",
          (error: { code?: string }) => error.code,
        ),
        caller,
      ).toBe("NOT_FOUND");
    }
  });
});

describe("private notes × caller", () => {
  const NOTE = "Private: explained copy-on-write well, missed the TLB";

  it("addNoteAction and listNotesAction: the interview's interviewers; its candidate and guest refused; anyone else told there is no such interview", async () => {
    await matrix(INTERVIEWERS, async (caller) => {
      const interview = await interviewFor(caller);
      actAs(caller, interview.guestCookie);
      return actions.addNoteAction({ interviewId: interview.id, body: NOTE });
    });
    await matrix(INTERVIEWERS, async (caller) => {
      const interview = await interviewFor(caller);
      actAs("interviewer");
      expect(outcomeOf(await actions.addNoteAction({ interviewId: interview.id, body: NOTE }))).toBe("ok");
      actAs(caller, interview.guestCookie);
      const listed = await actions.listNotesAction({ interviewId: interview.id });
      if (listed.ok) expect(listed.data.map((n) => n.body)).toEqual([NOTE]);
      return listed;
    });
  });

  it("editNoteAction and deleteNoteAction: the note's author only, not even the team's owner", async () => {
    const AUTHOR_ONLY: Record<Caller, Outcome> = { ...INTERVIEWERS, owner: "FORBIDDEN" };
    for (const act of ["edit", "delete"] as const)
      await matrix(AUTHOR_ONLY, async (caller) => {
        const interview = await interviewFor(caller);
        actAs("interviewer");
        const added = await actions.addNoteAction({ interviewId: interview.id, body: NOTE });
        if (!added.ok) throw new Error(added.error.message);
        actAs(caller, interview.guestCookie);
        const noteId = added.data.id;
        const result =
          act === "edit"
            ? await actions.editNoteAction({ interviewId: interview.id, noteId, body: "Changed" })
            : await actions.deleteNoteAction({ interviewId: interview.id, noteId });
        const stored = await db.interviewNote.findUnique({ where: { id: noteId } });
        if (!result.ok) expect(stored?.body, `${act} by ${caller}`).toBe(NOTE);
        return result;
      });
    // A note is found only in its own interview.
    const first = await interviewFor("owner");
    const second = await interviewFor("owner");
    actAs("interviewer");
    const added = await actions.addNoteAction({ interviewId: first.id, body: NOTE });
    if (!added.ok) throw new Error(added.error.message);
    expect(outcomeOf(await actions.deleteNoteAction({ interviewId: second.id, noteId: added.data.id }))).toBe("NOT_FOUND");
  });

  it("reach no candidate or guest through the room page, and are stamped with the interview's clock", async () => {
    const { getRoom } = await import("@/lib/server/interviews/get-room");
    const { currentViewer } = await import("@/lib/server/interviews/room-access");
    for (const caller of ["candidate", "guest", "interviewer", "owner"] as const) {
      const interview = await interviewFor(caller === "guest" ? "guest" : "owner", {
        startedAt: new Date(Date.now() - 90_000),
        endsAt: new Date(Date.now() + 600_000),
      });
      actAs("interviewer");
      const added = await actions.addNoteAction({ interviewId: interview.id, body: NOTE });
      if (!added.ok) throw new Error(added.error.message);
      expect(added.data.clockMs).toBeGreaterThanOrEqual(90_000);
      expect(added.data.clockMs).toBeLessThan(150_000);
      actAs(caller, interview.guestCookie);
      const room = await getRoom({ interviewId: interview.id, viewer: await currentViewer(interview.id) });
      const interviewer = caller === "owner" || caller === "interviewer";
      expect(room.notes?.map((n) => n.body) ?? null, caller).toEqual(interviewer ? [NOTE] : null);
      expect(JSON.stringify(room).includes("copy-on-write"), caller).toBe(interviewer);
    }
  });

  it("stay out of reach of the interview's candidate once made an interviewer of its team, or of another team", async () => {
    const interview = await interviewFor("candidate");
    actAs("interviewer");
    expect(outcomeOf(await actions.addNoteAction({ interviewId: interview.id, body: NOTE }))).toBe("ok");
    // An interviewer of another team.
    const otherTeam = await db.organization.create({
      data: { id: `other-${Date.now().toString(36)}`, name: "Other", slug: `other-${Date.now().toString(36)}`, createdAt: new Date() },
    });
    await db.member.create({
      data: {
        id: `m-other-${Date.now().toString(36)}`,
        organizationId: otherTeam.id,
        userId: sessions.candidate.userId,
        role: "interviewer",
        createdAt: new Date(),
      },
    });
    actAs("candidate");
    expect(outcomeOf(await actions.listNotesAction({ interviewId: interview.id }))).toBe("FORBIDDEN");
    // Made an interviewer, then an owner, of this team: still the candidate in their own interview, an interviewer in others.
    const otherInterview = await interviewFor("owner");
    await db.interview.update({ where: { id: otherInterview.id }, data: { candidateUserId: null } });
    try {
      for (const role of ["interviewer", "owner"] as const) {
        await db.member.update({ where: { id: sessions.candidate.memberId! }, data: { role } });
        expect(outcomeOf(await actions.listNotesAction({ interviewId: interview.id })), role).toBe("FORBIDDEN");
        expect(outcomeOf(await actions.addNoteAction({ interviewId: interview.id, body: "Let me in" })), role).toBe("FORBIDDEN");
        expect(outcomeOf(await actions.listNotesAction({ interviewId: otherInterview.id })), role).toBe("ok");
      }
    } finally {
      await db.member.update({ where: { id: sessions.candidate.memberId! }, data: { role: "candidate" } });
    }
  });
  it("markAskedAction: the interviewers, for the interview's planned questions only, stamped once with the clock", async () => {
    await matrix(INTERVIEWERS, async (caller) => {
      const interview = await interviewFor(caller);
      actAs(caller, interview.guestCookie);
      return actions.markAskedAction({ interviewId: interview.id, questionKey: "spoken:0", asked: true });
    });
    const interview = await interviewFor("candidate", { startedAt: new Date(Date.now() - 120_000), endsAt: new Date(Date.now() + 600_000) });
    actAs("interviewer");
    for (const questionKey of ["spoken:1", "bank:no-such-question", "bank:thrashing"])
      expect(outcomeOf(await actions.markAskedAction({ interviewId: interview.id, questionKey, asked: true })), questionKey).toBe("INVALID_INPUT");
    const first = await actions.markAskedAction({ interviewId: interview.id, questionKey: `bank:${BANK_QUESTION}`, asked: true });
    if (!first.ok) throw new Error(first.error.message);
    const stamp = first.data[`bank:${BANK_QUESTION}`]!.clockMs!;
    expect(stamp).toBeGreaterThanOrEqual(120_000);
    actAs("owner");
    const again = await actions.markAskedAction({ interviewId: interview.id, questionKey: `bank:${BANK_QUESTION}`, asked: true });
    expect(again.ok && again.data[`bank:${BANK_QUESTION}`]).toEqual({ clockMs: stamp, askedBy: first.data[`bank:${BANK_QUESTION}`]!.askedBy });
    const { getRoom } = await import("@/lib/server/interviews/get-room");
    const { currentViewer } = await import("@/lib/server/interviews/room-access");
    actAs("candidate");
    expect((await getRoom({ interviewId: interview.id, viewer: await currentViewer(interview.id) })).asked).toBeNull();
    actAs("interviewer");
    expect(Object.keys((await getRoom({ interviewId: interview.id, viewer: await currentViewer(interview.id) })).asked!)).toEqual([`bank:${BANK_QUESTION}`]);
    const cleared = await actions.markAskedAction({ interviewId: interview.id, questionKey: `bank:${BANK_QUESTION}`, asked: false });
    expect(cleared.ok && cleared.data).toEqual({});
  });

  it("deleteInterviewAction: the team's owners only, not while it runs; it takes the recording and notes with it", async () => {
    // A finished interview: its guest's link and cookie no longer open it at all.
    const OWNERS: Record<Caller, Outcome> = { ...INTERVIEWERS, interviewer: "FORBIDDEN", guest: "NOT_FOUND" };
    await matrix(OWNERS, async (caller) => {
      const interview = await interviewFor(caller, { startedAt: new Date(Date.now() - 600_000), endsAt: new Date(Date.now() - 60_000) });
      actAs("interviewer");
      expect(outcomeOf(await actions.addNoteAction({ interviewId: interview.id, body: NOTE }))).toBe("ok");
      await db.interviewDocumentUpdate.create({ data: { interviewId: interview.id, update: Buffer.from([0]), authorKind: "server" } });
      await db.interviewEvent.create({ data: { interviewId: interview.id, kind: "cursor", actorKind: "server", data: {} } });
      await db.interviewScorecard.create({
        data: { interviewId: interview.id, authorId: sessions.interviewer.userId, rubric: [], scores: {}, signals: {}, summary: "Kept until deleted" },
      });
      actAs(caller, interview.guestCookie);
      const result = await actions.deleteInterviewAction({ interviewId: interview.id });
      const where = { interviewId: interview.id };
      const left = {
        interviews: await db.interview.count({ where: { id: interview.id } }),
        notes: await db.interviewNote.count({ where }),
        updates: await db.interviewDocumentUpdate.count({ where }),
        events: await db.interviewEvent.count({ where }),
        scorecards: await db.interviewScorecard.count({ where }),
      };
      const kept = result.ok ? 0 : 1;
      expect(left, caller).toEqual({ interviews: kept, notes: kept, updates: kept, events: kept, scorecards: kept });
      return result;
    });
    const live = await interviewFor("owner", { startedAt: new Date(), endsAt: new Date(Date.now() + 600_000) });
    actAs("owner");
    expect(outcomeOf(await actions.deleteInterviewAction({ interviewId: live.id }))).toBe("INVALID_INPUT");
  });
});

describe("scorecards, rubrics and hints × caller", () => {
  const liveTimer = () => ({ startedAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 600_000) });
  const SUMMARY = "Private verdict: weak on memory barriers";
  const ALL_SCORES = { "problem-solving": 3, correctness: 2, "os-knowledge": 2, "code-quality": 3, communication: 4 } as const;
  let scorecardActions: typeof import("@/lib/actions/scorecard-actions");
  beforeAll(async () => {
    scorecardActions = await import("@/lib/actions/scorecard-actions");
  });

  /** The owner's submitted scorecard of the interview, with SUMMARY. */
  async function ownerScorecard(interviewId: string) {
    actAs("owner");
    expect(outcomeOf(await scorecardActions.openScorecardAction({ interviewId }))).toBe("ok");
    const saved = await scorecardActions.saveScorecardAction({ interviewId, scores: ALL_SCORES, recommendation: "no", summary: SUMMARY, submit: true });
    expect(outcomeOf(saved)).toBe("ok");
  }

  it("openScorecardAction and saveScorecardAction: the interview's interviewers; its candidate and guest refused; anyone else told there is no such interview", async () => {
    await matrix(INTERVIEWERS, async (caller) => {
      const interview = await interviewFor(caller, liveTimer());
      actAs(caller, interview.guestCookie);
      return scorecardActions.openScorecardAction({ interviewId: interview.id });
    });
    await matrix(INTERVIEWERS, async (caller) => {
      const interview = await interviewFor(caller, liveTimer());
      actAs(caller, interview.guestCookie);
      await scorecardActions.openScorecardAction({ interviewId: interview.id });
      const saved = await scorecardActions.saveScorecardAction({
        interviewId: interview.id,
        scores: ALL_SCORES,
        recommendation: "yes",
        summary: "Mine",
        submit: true,
      });
      const stored = await db.interviewScorecard.count({ where: { interviewId: interview.id, submittedAt: { not: null } } });
      expect(stored, caller).toBe(saved.ok ? 1 : 0);
      return saved;
    });
  });

  it("listScorecardsAction: the interviewers (others' held back until theirs is in, owners at once); nothing reaches the candidate or guest", async () => {
    await matrix(INTERVIEWERS, async (caller) => {
      const interview = await interviewFor(caller, liveTimer());
      await ownerScorecard(interview.id);
      actAs(caller, interview.guestCookie);
      const listed = await scorecardActions.listScorecardsAction({ interviewId: interview.id });
      if (listed.ok) expect(JSON.stringify(listed.data).includes("memory barriers"), caller).toBe(caller === "owner");
      if (!listed.ok) expect(JSON.stringify(listed)).not.toContain("memory barriers");
      return listed;
    });
    // Nor through the room page.
    const { getRoom } = await import("@/lib/server/interviews/get-room");
    const { currentViewer } = await import("@/lib/server/interviews/room-access");
    for (const caller of ["candidate", "guest"] as const) {
      const interview = await interviewFor(caller, liveTimer());
      await ownerScorecard(interview.id);
      actAs(caller, interview.guestCookie);
      const room = await getRoom({ interviewId: interview.id, viewer: await currentViewer(interview.id) });
      expect(JSON.stringify(room), caller).not.toContain("memory barriers");
    }
  });

  it("stay out of reach of the interview's candidate once made an interviewer of another team, or an interviewer or owner of its own", async () => {
    const interview = await interviewFor("candidate", liveTimer());
    await ownerScorecard(interview.id);
    const tag = `sc-${Date.now().toString(36)}`;
    const otherTeam = await db.organization.create({ data: { id: tag, name: "Elsewhere", slug: tag, createdAt: new Date() } });
    await db.member.create({ data: { id: `m-${tag}`, organizationId: otherTeam.id, userId: sessions.candidate.userId, role: "owner", createdAt: new Date() } });
    actAs("candidate");
    expect(outcomeOf(await scorecardActions.listScorecardsAction({ interviewId: interview.id })), "owner elsewhere").toBe("FORBIDDEN");
    try {
      for (const role of ["interviewer", "owner"] as const) {
        await db.member.update({ where: { id: sessions.candidate.memberId! }, data: { role } });
        actAs("candidate");
        expect(outcomeOf(await scorecardActions.listScorecardsAction({ interviewId: interview.id })), role).toBe("FORBIDDEN");
        expect(outcomeOf(await scorecardActions.openScorecardAction({ interviewId: interview.id })), role).toBe("FORBIDDEN");
        const { listTeamInterviews } = await import("@/lib/server/scorecards/list-team-interviews");
        const listed = await listTeamInterviews({ userId: sessions.candidate.userId, slug: "kernel-club" });
        expect(
          listed.interviews.map((i) => i.id),
          role,
        ).not.toContain(interview.id);
      }
    } finally {
      await db.member.update({ where: { id: sessions.candidate.memberId! }, data: { role: "candidate" } });
    }
  });

  it("saveRubricAction and resetRubricAction: the team's owners only", async () => {
    const RUBRIC_OWNERS: Record<Caller, Outcome> = {
      anonymous: "UNAUTHORIZED",
      outsider: "NOT_FOUND",
      candidate: "NOT_FOUND",
      interviewer: "FORBIDDEN",
      owner: "ok",
      guest: "UNAUTHORIZED",
    };
    const dimensions = [{ name: "Systems", description: "", anchors: ["1", "2", "3", "4"], suggestFrom: null }];
    await matrix(RUBRIC_OWNERS, async (caller) => {
      actAs(caller);
      return scorecardActions.saveRubricAction({ slug: "kernel-club", dimensions });
    });
    await matrix(RUBRIC_OWNERS, async (caller) => {
      actAs(caller);
      return scorecardActions.resetRubricAction({ slug: "kernel-club" });
    });
  });

  it("the replay (getReplay): the interview's participants; the interviewers' notes and asked questions in theirs only", async () => {
    const { getReplay } = await import("@/lib/server/replay/get-replay");
    const { currentViewer } = await import("@/lib/server/interviews/room-access");
    await matrix(PARTICIPANTS, async (caller) => {
      const interview = await interviewFor(caller, liveTimer());
      actAs("interviewer");
      expect(outcomeOf(await actions.addNoteAction({ interviewId: interview.id, body: "Private: replay note about mmap" }))).toBe("ok");
      expect(outcomeOf(await actions.markAskedAction({ interviewId: interview.id, questionKey: "spoken:0", asked: true }))).toBe("ok");
      await db.interviewDocumentUpdate.create({ data: { interviewId: interview.id, update: Buffer.from([0, 0]), authorKind: "server" } });
      actAs(caller, interview.guestCookie);
      try {
        const replay = await getReplay({ interviewId: interview.id, viewer: await currentViewer(interview.id) });
        const interviewer = caller === "owner" || caller === "interviewer";
        const said = JSON.stringify(replay);
        expect([said.includes("replay note about mmap"), said.includes("Private question for interviewers")], caller).toEqual([interviewer, interviewer]);
        expect(replay.updates, caller).toHaveLength(1);
        return { ok: true };
      } catch (error) {
        return { ok: false, error: { code: (error as { code: string }).code } };
      }
    });
  });

  it("openHintAction: the candidate or guest, while the interview runs; interviewers see every hint and open none", async () => {
    const CANDIDATES: Record<Caller, Outcome> = { ...PARTICIPANTS, interviewer: "FORBIDDEN", owner: "FORBIDDEN" };
    await matrix(CANDIDATES, async (caller) => {
      const interview = await interviewFor(caller, liveTimer());
      actAs(caller, interview.guestCookie);
      const opened = await actions.openHintAction({ interviewId: interview.id, exerciseSlug: "lru-pager", index: 0 });
      expect(await db.interviewEvent.count({ where: { interviewId: interview.id, kind: "hint" } }), caller).toBe(opened.ok ? 1 : 0);
      return opened;
    });
    const planned = await interviewFor("candidate");
    actAs("candidate");
    expect(outcomeOf(await actions.openHintAction({ interviewId: planned.id, exerciseSlug: "lru-pager", index: 0 }))).toBe("CONFLICT");
    const live = await interviewFor("candidate", liveTimer());
    expect(outcomeOf(await actions.openHintAction({ interviewId: live.id, exerciseSlug: "producer-consumer", index: 0 }))).toBe("INVALID_INPUT");
  });
});

describe("room routes and socket × caller", () => {
  it("GET /api/interviews/:id/runs/:runId and its events: the interview's participants; anyone else 404", async () => {
    const run = await import("@/app/api/interviews/[id]/runs/[runId]/route");
    const events = await import("@/app/api/interviews/[id]/runs/[runId]/events/route");
    for (const caller of CALLERS) {
      const interview = await interviewFor(caller);
      const author = caller === "guest" ? undefined : sessions.interviewer.userId;
      const submission = await db.submission.create({
        data: { userId: author, guestId: undefined, interviewId: interview.id, exerciseSlug: "lru-pager", language: "python", code: "print(1)", kind: "run" },
      });
      actAs(caller, interview.guestCookie);
      const headers = { cookie: requestCookie };
      const params = Promise.resolve({ id: interview.id, runId: submission.id });
      const single = await run.GET(new Request(`${TEST_BASE_URL}/api/interviews/${interview.id}/runs/${submission.id}`, { headers }), { params });
      const controller = new AbortController();
      const stream = await events.GET(
        new Request(`${TEST_BASE_URL}/api/interviews/${interview.id}/runs/${submission.id}/events`, { headers, signal: controller.signal }),
        {
          params: Promise.resolve({ id: interview.id, runId: submission.id }),
        },
      );
      controller.abort();
      await stream.body?.cancel().catch(() => undefined);
      const expected = PARTICIPANTS[caller] === "ok" ? 200 : 404;
      expect([caller, single.status, stream.status]).toEqual([caller, expected, expected]);
    }
  });

  it("the room's socket: participants with the token the web tier minted; anyone else refused even with a signed token", async () => {
    const { signRoomToken } = await import("@/lib/interviews/room-token");
    for (const caller of CALLERS) {
      const interview = await interviewFor(caller);
      actAs(caller, interview.guestCookie);
      const minted = await actions.roomTokenAction({ interviewId: interview.id });
      // No token for those refused: they try one signed for them as if they were interviewers.
      const userId = caller === "anonymous" ? "nobody" : caller === "guest" ? "no-such-guest" : sessions[caller].userId;
      const token = minted.ok
        ? minted.data
        : signRoomToken({
            secret: SECRET,
            interviewId: interview.id,
            participant: { kind: caller === "guest" ? "guest" : "member", id: userId, name: "X", role: "interviewer" },
          });
      const document = new Y.Doc();
      let verdict: "synced" | "refused" | null = null;
      const provider = new HocuspocusProvider({
        url: `ws://127.0.0.1:${collab.port}/collab`,
        name: interview.id,
        document,
        token,
        // @ts-expect-error: passed on to the provider's socket (Node has no WebSocket of its own here)
        WebSocketPolyfill: WebSocket,
        onSynced: () => {
          verdict ??= "synced";
        },
        onAuthenticationFailed: () => {
          verdict ??= "refused";
        },
      });
      providers.push(provider);
      await vi.waitFor(() => expect(verdict).not.toBeNull(), { timeout: 10_000, interval: 20 });
      expect([caller, verdict]).toEqual([caller, PARTICIPANTS[caller] === "ok" ? "synced" : "refused"]);
      provider.destroy();
    }
  });
});

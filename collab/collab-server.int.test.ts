// The collaboration server against a real Postgres, with real Hocuspocus providers over real
// WebSockets: two people typing into one file, who is refused, the pre-authentication bounds, what
// survives a restart, and the end of the interview.
import { HocuspocusProvider } from "@hocuspocus/provider";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import type { CollabServer } from "@/collab/collab-server";
import { codeTextName } from "@/lib/interviews/room-document";
import { type RoomParticipant, signRoomToken } from "@/lib/interviews/room-token";
import { TEST_BASE_URL, useFreshAppDatabase } from "@/test/support/app-routes";
import { queryRows } from "@/test/support/database";
import { createInterview, createTeamFixture, type TeamFixture } from "@/test/support/interviews";

const SECRET = "test-secret-that-is-long-enough-0123456789";
const CODE = codeTextName("lru-pager", "c");
let databaseUrl: string;
let team: TeamFixture;
let server: CollabServer;
const providers: HocuspocusProvider[] = [];

async function startServer(): Promise<CollabServer> {
  const { startCollabServer } = await import("@/collab/collab-server");
  return startCollabServer({
    port: 0,
    secret: SECRET,
    logger: pino({ level: process.env.COLLAB_TEST_LOG ?? "silent" }),
    gateLimits: { maxHeldMessages: 16, maxHeldBytes: 4 * 1024 * 1024, authDeadlineMs: 500 },
  });
}

const url = () => `ws://127.0.0.1:${server.port}/collab`;

function member(person: keyof TeamFixture["users"], role: RoomParticipant["role"]): RoomParticipant {
  return { kind: "member", id: team.users[person].id, name: team.users[person].name, role };
}

function connect(interviewId: string, token: string | (() => string)) {
  const document = new Y.Doc();
  let failed: string | null = null;
  let readOnly: boolean | null = null;
  const provider = new HocuspocusProvider({
    url: url(),
    name: interviewId,
    document,
    token,
    // @ts-expect-error: the provider passes its socket options on, WebSocketPolyfill among them (Node has no WebSocket of its own here)
    WebSocketPolyfill: WebSocket,
    onAuthenticationFailed: ({ reason }) => {
      failed = reason;
    },
    onAuthenticated: () => {
      readOnly = provider.authorizedScope === "readonly";
    },
  });
  providers.push(provider);
  return {
    provider,
    document,
    text: () => document.getText(CODE).toString(),
    failed: () => failed,
    readOnly: () => readOnly,
    synced: () => until(() => provider.isSynced, "the provider syncs"),
  };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  databaseUrl = await useFreshAppDatabase("collab");
  process.env.OSPREP_URL = TEST_BASE_URL;
  team = await createTeamFixture();
  server = await startServer();
});

afterAll(async () => {
  for (const provider of providers) provider.destroy();
  await server?.close();
});

describe("collaboration server: a shared document", () => {
  it("two participants typing into one file at once end with the same text, seeded with the starter once", async () => {
    const interviewId = await createInterview(team, { guest: true });
    const { db } = await import("@/lib/db");
    const guest = await db.interviewGuest.create({ data: { interviewId, name: "Ada" } });
    const interviewer = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("interviewer", "interviewer") }));
    const candidate = connect(
      interviewId,
      signRoomToken({ secret: SECRET, interviewId, participant: { kind: "guest", id: guest.id, name: "Ada", role: "candidate" } }),
    );
    await Promise.all([interviewer.synced(), candidate.synced()]);
    const starter = interviewer.text();
    expect(starter.length).toBeGreaterThan(0);
    expect(candidate.text()).toBe(starter);

    for (let i = 0; i < 20; i++) {
      interviewer.document.getText(CODE).insert(0, "a");
      candidate.document.getText(CODE).insert(candidate.text().length, "b");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await until(() => interviewer.text() === candidate.text() && interviewer.text().length === starter.length + 40, "both replicas hold every keystroke");
    expect(interviewer.text().startsWith("a".repeat(20))).toBe(true);
    expect(interviewer.text().endsWith("b".repeat(20))).toBe(true);

    // Every accepted edit is logged with its author.
    await until(
      async () =>
        (await queryRows(databaseUrl, `SELECT 1 FROM "InterviewDocumentUpdate" WHERE "interviewId" = $1 AND "authorKind" = 'guest'`, [interviewId])).length ===
        20,
      "the guest's 20 edits are logged",
    );
    const authors = await queryRows<{ authorKind: string; authorId: string | null }>(
      databaseUrl,
      `SELECT DISTINCT "authorKind", "authorId" FROM "InterviewDocumentUpdate" WHERE "interviewId" = $1 ORDER BY 1`,
      [interviewId],
    );
    expect(authors).toEqual([
      { authorKind: "guest", authorId: guest.id },
      { authorKind: "member", authorId: team.users.interviewer.id },
      { authorKind: "server", authorId: null },
    ]);
  });

  it("merges what a participant typed while offline when they reconnect", async () => {
    const interviewId = await createInterview(team);
    const online = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("interviewer", "interviewer") }));
    // A fresh token on every connection, as the browser asks the web tier for one.
    const offline = connect(interviewId, () => signRoomToken({ secret: SECRET, interviewId, participant: member("candidate", "candidate") }));
    await Promise.all([online.synced(), offline.synced()]);
    offline.provider.disconnect();
    offline.document.getText(CODE).insert(0, "// typed offline\n");
    online.document.getText(CODE).insert(online.text().length, "\n// typed online meanwhile");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(online.text()).not.toContain("typed offline");
    await offline.provider.connect();
    await until(() => online.text() === offline.text() && online.text().includes("// typed offline\n"), "the replicas merge");
    expect(offline.text()).toContain("// typed online meanwhile");
    online.provider.destroy();
    offline.provider.destroy();
  });

  it("loses no logged edit when the server stops before storing the whole state, and none across a graceful restart", async () => {
    const interviewId = await createInterview(team);
    const token = () => signRoomToken({ secret: SECRET, interviewId, participant: member("candidate", "candidate") });
    const first = connect(interviewId, token);
    await first.synced();
    first.document.getText(CODE).insert(0, "// kept\n");
    await until(
      async () =>
        (await queryRows(databaseUrl, `SELECT 1 FROM "InterviewDocumentUpdate" WHERE "interviewId" = $1 AND "authorKind" = 'member'`, [interviewId])).length ===
        1,
      "the edit is logged",
    );
    first.provider.destroy();
    await server.close();
    // As if the server had died before its first store: only the log is left.
    await queryRows(databaseUrl, `DELETE FROM "InterviewDocument" WHERE "interviewId" = $1`, [interviewId]);
    server = await startServer();
    const second = connect(interviewId, token);
    await second.synced();
    expect(second.text().startsWith("// kept\n")).toBe(true);
    expect(second.text().match(/\/\/ kept/g)).toHaveLength(1);

    second.document.getText(CODE).insert(0, "// twice\n");
    await until(
      async () =>
        (await queryRows(databaseUrl, `SELECT 1 FROM "InterviewDocumentUpdate" WHERE "interviewId" = $1 AND "authorKind" = 'member'`, [interviewId])).length ===
        2,
      "logged",
    );
    second.provider.destroy();
    await server.close();
    server = await startServer();
    const third = connect(interviewId, token);
    await third.synced();
    expect(third.text().startsWith("// twice\n// kept\n")).toBe(true);
  });
});

describe("collaboration server: who may open a room's document", () => {
  async function refused(interviewId: string, token: string): Promise<void> {
    const attempt = connect(interviewId, token);
    await until(() => attempt.failed() !== null, "the server refuses the token");
    expect(attempt.provider.isSynced).toBe(false);
    expect(attempt.document.getText(CODE).toString()).toBe("");
    attempt.provider.destroy();
  }

  it("refuses an outsider's token, a token for another room, a forged and an expired one", async () => {
    const interviewId = await createInterview(team);
    const other = await createInterview(team);
    await refused(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("outsider", "interviewer") }));
    await refused(interviewId, signRoomToken({ secret: SECRET, interviewId: other, participant: member("interviewer", "interviewer") }));
    await refused(interviewId, signRoomToken({ secret: "another-secret-that-is-long-enough-01234", interviewId, participant: member("owner", "interviewer") }));
    await refused(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("owner", "interviewer"), now: Date.now() - 10 * 60_000 }));
    await refused(interviewId, "");
  });

  it("refuses a candidate member in someone else's interview, a removed member, and a guest once the interview ended", async () => {
    const { db } = await import("@/lib/db");
    const notTheirs = await db.interview.create({
      data: {
        organizationId: team.teamId,
        title: "Another",
        plannedById: team.users.owner.id,
        candidateUserId: null,
        exerciseSlugs: ["lru-pager"],
        durationMinutes: 30,
        questions: [],
      },
    });
    await refused(notTheirs.id, signRoomToken({ secret: SECRET, interviewId: notTheirs.id, participant: member("candidate", "candidate") }));

    const ended = await createInterview(team, { guest: true, startedAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() - 1_000) });
    const guest = await db.interviewGuest.create({ data: { interviewId: ended, name: "Late" } });
    await refused(ended, signRoomToken({ secret: SECRET, interviewId: ended, participant: { kind: "guest", id: guest.id, name: "Late", role: "candidate" } }));

    const fixture = await createTeamFixture();
    const removedFrom = await createInterview(fixture);
    const token = signRoomToken({
      secret: SECRET,
      interviewId: removedFrom,
      participant: { kind: "member", id: fixture.users.interviewer.id, name: "I", role: "interviewer" },
    });
    await db.member.deleteMany({ where: { organizationId: fixture.teamId, userId: fixture.users.interviewer.id } });
    await refused(removedFrom, token);
  });
});

describe("collaboration server: bounds before authentication (GHSA-xwhh-v746-pj9m)", () => {
  function rawSocket(): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url());
      socket.once("open", () => resolve(socket));
      socket.once("error", reject);
    });
  }
  const closed = (socket: WebSocket) => new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
  const syncStep1 = (documentName: string) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint8Array(encoder, new Uint8Array(1000));
    return encoding.toUint8Array(encoder);
  };

  it("closes a socket that sends message after message without a token", async () => {
    const socket = await rawSocket();
    const code = closed(socket);
    for (let i = 0; i < 100 && socket.readyState === WebSocket.OPEN; i++) socket.send(syncStep1("any-room"));
    expect(await code).toBe(4413);
  });

  it("closes a socket that fans out over many documents", async () => {
    const socket = await rawSocket();
    const code = closed(socket);
    socket.send(syncStep1("room-a"));
    socket.send(syncStep1("room-b"));
    expect(await code).toBe(4400);
  });

  it("closes a socket that sends one oversized message, and one that never authenticates", async () => {
    const big = await rawSocket();
    const bigClosed = closed(big);
    big.send(new Uint8Array(3 * 1024 * 1024));
    expect(await bigClosed).toBe(1009);

    const silent = await rawSocket();
    expect(await closed(silent)).toBe(4408);
  });

  it("closes an admitted socket that speaks of another document or broadcasts to the room", async () => {
    const interviewId = await createInterview(team);
    const participant = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("interviewer", "interviewer") }));
    await participant.synced();
    const socket = (participant.provider.configuration.websocketProvider as unknown as { webSocket: WebSocket }).webSocket;
    const code = closed(socket);
    socket.send(syncStep1("someone-elses-room"));
    expect(await code).toBe(4400);

    const other = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("candidate", "candidate") }));
    const watcher = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("owner", "interviewer") }));
    const heard: string[] = [];
    watcher.provider.on("stateless", ({ payload }: { payload: string }) => heard.push(payload));
    await Promise.all([other.synced(), watcher.synced()]);
    heard.length = 0;
    const otherSocket = (other.provider.configuration.websocketProvider as unknown as { webSocket: WebSocket }).webSocket;
    const otherClosed = new Promise<void>((resolve) => otherSocket.once("close", () => resolve()));
    // A forged "the interview ended" to everyone in the room (Hocuspocus's BroadcastStateless message).
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, interviewId);
    encoding.writeVarUint(encoder, 6);
    encoding.writeVarString(
      encoder,
      JSON.stringify({ type: "timer", timer: { startedAt: null, endsAt: null, endedAt: new Date().toISOString() }, serverNow: 0 }),
    );
    otherSocket.send(encoding.toUint8Array(encoder));
    await otherClosed;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual([]);
  });
});

describe("collaboration server: what an admitted participant may not do", () => {
  it("show presence under another name or role: the connection is closed and the others never see it", async () => {
    const interviewId = await createInterview(team);
    const watcher = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("interviewer", "interviewer") }));
    const impostor = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("candidate", "candidate") }));
    await Promise.all([watcher.synced(), impostor.synced()]);
    const names = () => [...watcher.provider.awareness!.getStates().values()].map((state) => (state as { user?: { name: string } }).user?.name);
    impostor.provider.setAwarenessField("user", { name: "Candidate", color: "#2563eb", role: "candidate" });
    await until(() => names().includes("Candidate"), "honest presence arrives");
    const socket = (impostor.provider.configuration.websocketProvider as unknown as { webSocket: WebSocket }).webSocket;
    impostor.provider.setAwarenessField("user", { name: "Interviewer", color: "#2563eb", role: "interviewer" });
    await until(() => socket.readyState !== WebSocket.OPEN || impostor.provider.isSynced === false, "the impostor's connection is cut", 5_000).catch(
      () => undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(names().filter((name) => name === "Interviewer")).toHaveLength(0);
    impostor.provider.destroy();
    watcher.provider.destroy();
  });

  it("grow the room's code past its limit: the edit that would is refused", async () => {
    const interviewId = await createInterview(team);
    const { MAX_ROOM_CHARACTERS } = await import("@/collab/collab-server");
    const writer = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("interviewer", "interviewer") }));
    const reader = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("owner", "interviewer") }));
    await Promise.all([writer.synced(), reader.synced()]);
    const chunk = "x".repeat(512 * 1024);
    writer.document.getText(CODE).insert(0, chunk);
    writer.document.getText(CODE).insert(0, chunk);
    await until(() => reader.text().length >= 2 * chunk.length, "the first mebibyte arrives", 15_000);
    writer.document.getText(CODE).insert(0, "§".repeat(1024));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reader.text().length).toBeGreaterThan(MAX_ROOM_CHARACTERS);
    expect(reader.text().length).toBeLessThan(MAX_ROOM_CHARACTERS + 2 * chunk.length);
    expect(reader.text()).not.toContain("§");
    // The room can still be read: a newcomer syncs what it holds.
    const newcomer = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("owner", "interviewer") }));
    await newcomer.synced();
    expect(newcomer.text()).toBe(reader.text());
    for (const replica of [writer, reader, newcomer]) replica.provider.destroy();
  });
});

describe("collaboration server: what the replay records", () => {
  it("samples each participant's cursor, the latest at most twice a second, as the file and offsets it points at", async () => {
    const interviewId = await createInterview(team);
    const candidate = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("candidate", "candidate") }));
    await candidate.synced();
    const text = candidate.document.getText(CODE);
    candidate.provider.setAwarenessField("user", { name: "Candidate", color: "#2563eb", role: "candidate" });
    const select = (anchor: number, head: number) =>
      candidate.provider.setAwarenessField("selection", {
        anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, anchor)),
        head: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, head)),
      });
    const started = Date.now();
    // Ten moves within 100 ms: one sample now, the last of the rest within the next half second.
    for (let i = 1; i <= 10; i++) {
      select(i, i + 2);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const { db } = await import("@/lib/db");
    const samples = async () =>
      (
        await db.interviewEvent.findMany({ where: { interviewId, kind: "cursor" }, orderBy: { seq: "asc" }, select: { actorId: true, data: true, at: true } })
      ).map((row) => ({ ...row, at: row.at.getTime() }));
    await until(async () => (await samples()).some((row) => (row.data as { anchor: number }).anchor === 10), "the last move is kept", 5_000);
    const kept = await samples();
    expect(kept.length).toBeLessThanOrEqual(3);
    expect(kept.at(-1)).toMatchObject({ actorId: team.users.candidate.id, data: { text: CODE, anchor: 10, head: 12 } });
    for (let i = 1; i < kept.length; i++) expect(kept[i]!.at - kept[i - 1]!.at).toBeGreaterThanOrEqual(400);
    expect(kept[0]!.at).toBeGreaterThanOrEqual(started - 1_000);
    // Standing still records nothing more.
    select(10, 12);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await samples()).toHaveLength(kept.length);
    candidate.provider.destroy();
  });

  it("logs every edit with its author and time", async () => {
    const interviewId = await createInterview(team);
    const interviewer = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("interviewer", "interviewer") }));
    await interviewer.synced();
    interviewer.document.getText(CODE).insert(0, "// hi\n");
    const { db } = await import("@/lib/db");
    await until(async () => (await db.interviewDocumentUpdate.count({ where: { interviewId, authorKind: "member" } })) === 1, "the edit is logged");
    const logged = await db.interviewDocumentUpdate.findMany({ where: { interviewId }, orderBy: { seq: "asc" }, select: { authorKind: true, authorId: true } });
    expect(logged).toEqual([
      { authorKind: "server", authorId: null },
      { authorKind: "member", authorId: team.users.interviewer.id },
    ]);
    interviewer.provider.destroy();
  });
});

describe("collaboration server: the end of the interview", () => {
  it("locks the candidate's editor on the server when an interviewer ends it, and keeps the final code", async () => {
    const interviewId = await createInterview(team, { startedAt: new Date(), endsAt: new Date(Date.now() + 30 * 60_000) });
    const interviewer = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("interviewer", "interviewer") }));
    const candidate = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("candidate", "candidate") }));
    const timers: string[] = [];
    candidate.provider.on("stateless", ({ payload }: { payload: string }) => timers.push(payload));
    await Promise.all([interviewer.synced(), candidate.synced()]);
    candidate.document.getText(CODE).insert(0, "// before the end\n");
    await until(() => interviewer.text().startsWith("// before the end\n"), "the interviewer sees the candidate's edit");

    const { db } = await import("@/lib/db");
    const { announceInterviewChange } = await import("@/lib/interviews/interview-events");
    const now = new Date();
    await db.interview.update({ where: { id: interviewId }, data: { endsAt: now, endedAt: now } });
    await announceInterviewChange(db, interviewId);
    await until(() => timers.some((t) => JSON.parse(t).timer?.endedAt), "the candidate is told the interview ended");

    candidate.document.getText(CODE).insert(0, "// after the end\n");
    interviewer.document.getText(CODE).insert(0, "// interviewer's note\n");
    // (The candidate's own replica still holds what they typed, refused: where it sorts against the note is Yjs's business.)
    await until(() => candidate.text().includes("// interviewer's note\n"), "the interviewer may still write");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(interviewer.text()).not.toContain("// after the end");

    await until(async () => (await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).finalCode !== null, "the final code is kept");
    const { finalCode } = await db.interview.findUniqueOrThrow({ where: { id: interviewId } });
    const c = (finalCode as Record<string, Record<string, string>>)["lru-pager"]!.c!;
    expect(c.startsWith("// before the end\n")).toBe(true);
    expect(c).not.toContain("after the end");
    expect(c).not.toContain("interviewer's note");

    // A candidate connecting after the end is let in to read only.
    const late = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("candidate", "candidate") }));
    await late.synced();
    expect(late.readOnly()).toBe(true);
  });

  it("locks the candidate out when the time runs out, with nobody pressing End", async () => {
    const interviewId = await createInterview(team, { startedAt: new Date(), endsAt: new Date(Date.now() + 1_500) });
    const interviewer = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("interviewer", "interviewer") }));
    const candidate = connect(interviewId, signRoomToken({ secret: SECRET, interviewId, participant: member("candidate", "candidate") }));
    await Promise.all([interviewer.synced(), candidate.synced()]);
    candidate.document.getText(CODE).insert(0, "// in time\n");
    await until(() => interviewer.text().startsWith("// in time\n"), "the edit in time arrives");
    await new Promise((resolve) => setTimeout(resolve, 1_800));
    candidate.document.getText(CODE).insert(0, "// too late\n");
    interviewer.document.getText(CODE).insert(0, "// marker\n");
    await until(() => candidate.text().includes("// marker\n"), "the interviewer's edit after the end arrives");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(interviewer.text()).not.toContain("too late");
    const { db } = await import("@/lib/db");
    await until(async () => (await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).finalCode !== null, "the final code is kept");
  });
});

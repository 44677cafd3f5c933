// The collaboration server: Hocuspocus (Yjs) documents for interview rooms, one per interview, over
// WebSockets at /collab. A socket gets past the gate (connection-gate.ts) with a room token the web
// tier minted; Hocuspocus checks it again with the participant's current standing. Every accepted
// update is logged in Postgres as it happens (room-store.ts); the room's clock (room-clock.ts) tells
// everyone the timer and locks the candidate's editor at the end; cursor positions are sampled for
// the replay (cursor-sampler.ts).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Duplex } from "node:stream";
import { type Connection, type Document, Hocuspocus } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { seedUpdate } from "@/lib/interviews/room-document";
import { type RoomParticipant, type RoomTokenClaims, verifyRoomToken } from "@/lib/interviews/room-token";
import { GATE_LIMITS, type GateLimits, guardSocket } from "@/collab/connection-gate";
import { CursorSampler } from "@/collab/cursor-sampler";
import { RoomClock } from "@/collab/room-clock";
import { currentRoomRole, exerciseStarters, keepCursorSamples, type RoomContext, readRoomInterview } from "@/collab/room-interviews";
import { RoomStore } from "@/collab/room-store";

export const COLLAB_PATH = "/collab";
/** The largest WebSocket message taken: a whole document's first sync from a client that edited offline fits many times over. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** Hocuspocus's message types read here, and the Yjs sync step that only asks. */
const SYNC = 0;
const SYNC_STEP_1 = 0;
const AWARENESS = 1;
const BROADCAST_STATELESS = 6;
/** All of a room's code together: nine files of the largest code a submission takes (64 KiB), many times over. */
export const MAX_ROOM_CHARACTERS = 1024 * 1024;

export interface CollabServer {
  port: number;
  hocuspocus: Hocuspocus;
  /** Stores every open document and closes every socket. */
  close(): Promise<void>;
}

export async function startCollabServer(options: {
  port: number;
  host?: string;
  secret: string;
  logger: Logger;
  gateLimits?: GateLimits;
}): Promise<CollabServer> {
  const { logger, secret } = options;
  const store = new RoomStore(logger);
  const clock = new RoomClock(logger);
  const cursors = new CursorSampler(logger, keepCursorSamples);

  const hocuspocus = new Hocuspocus({
    quiet: true,
    // The log holds every update the moment it is accepted; the whole state is stored after a quiet second.
    debounce: 1_000,
    maxDebounce: 10_000,
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const claims = verifyRoomToken({ secret, token });
      if (!claims || claims.interviewId !== documentName) throw new Error("permission-denied");
      const interview = await readRoomInterview(documentName);
      const role = interview && (await currentRoomRole(interview, claims.participant));
      if (!interview || !role) throw new Error("permission-denied");
      const participant = { ...claims.participant, role };
      connectionConfig.readOnly = clock.locksOut(interview, participant);
      return { participant } satisfies RoomContext;
    },
    async onLoadDocument({ documentName, document }) {
      const interview = await readRoomInterview(documentName);
      if (!interview) throw new Error("no such interview");
      if (!(await store.load(documentName, document))) {
        // A new room: the starters, written the same way every time (see seedUpdate), logged first.
        const seed = seedUpdate(await exerciseStarters(interview.exerciseSlugs));
        Y.applyUpdate(document, seed);
        await store.append(documentName, seed, { kind: "server", id: null });
      }
      clock.watch(interview, document);
    },
    async beforeHandleMessage({ update, document, context, connection }) {
      const [type, syncStep] = messageType(update);
      if (type === BROADCAST_STATELESS) throw refusal("clients may not broadcast");
      // Presence says who someone is: only the name and role the server knows them by.
      if (type === AWARENESS && !awarenessIsOwn(update, (context as RoomContext).participant, document, connection.webSocket)) {
        throw refusal("presence must name the participant");
      }
      // A room over its size takes no more edits: its connections turn read-only (Hocuspocus then
      // refuses any new content and still acknowledges what it holds), so it can be read, never grown.
      if (type === SYNC && syncStep !== SYNC_STEP_1 && !connection.readOnly && roomCharacters(document) > MAX_ROOM_CHARACTERS) {
        connection.readOnly = true;
      }
    },
    async onChange({ documentName, update, context, transactionOrigin }) {
      // Updates the server makes itself (the seed) are logged where they are made.
      if (!transactionOrigin) return;
      const participant = (context as Partial<RoomContext>).participant;
      await store.append(documentName, update, participant ? { kind: participant.kind, id: participant.id } : { kind: "server", id: null });
    },
    async onAwarenessUpdate({ document, added, updated }) {
      cursors.observe(document, [...added, ...updated]);
    },
    async onStoreDocument({ documentName, document }) {
      await store.storeState(documentName, document);
    },
    async connected({ connection, documentName }) {
      clock.greet(documentName, connection as Connection);
    },
    async afterUnloadDocument({ documentName }) {
      clock.forget(documentName);
      cursors.forget(documentName);
    },
  });
  clock.attach(hocuspocus);
  await clock.listen();

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const server: Server = createServer((request, response) => {
    if (request.url === "/health") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ok: true, documents: hocuspocus.getDocumentsCount(), connections: hocuspocus.getConnectionsCount() }));
      return;
    }
    response.writeHead(404).end();
  });
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? "/", "http://collab").pathname !== COLLAB_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      guardSocket<RoomTokenClaims>({
        socket: ws,
        request,
        limits: options.gateLimits ?? GATE_LIMITS,
        verify: (documentName, token) => {
          const claims = verifyRoomToken({ secret, token });
          return claims && claims.interviewId === documentName ? claims : null;
        },
        admit: (admitted, admittedRequest) => hocuspocus.handleConnection(admitted, admittedRequest),
        onRefused: (why) => logger.debug({ why }, "collaboration socket refused"),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  logger.info({ port }, "collaboration server listening");

  return {
    port,
    hocuspocus,
    async close() {
      await clock.stop();
      await cursors.stop();
      for (const ws of sockets.clients) ws.terminate();
      // Unloading stores each document now (unloadImmediately); then every logged update is settled.
      hocuspocus.closeConnections();
      await Promise.all([...hocuspocus.documents.values()].map((document) => store.storeState(document.name, document).catch(() => undefined)));
      await store.settled();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function refusal(reason: string): Error {
  return Object.assign(new Error(reason), { code: 4400, reason });
}

/** The characters of the room's files (the document's `code:` texts; getText makes a text of a type loaded from storage). */
function roomCharacters(document: Y.Doc): number {
  let total = 0;
  for (const name of document.share.keys()) if (name.startsWith("code:")) total += document.getText(name).length;
  return total;
}

/**
 * Whether an awareness message asserts only the connection's own presence, as the participant the
 * server knows. Providers pass on the states they received (with the clocks the server already
 * has): those are skipped. A newer state must be of a client this connection controls (or a new
 * one), and name the participant with their role; a removal (null) of one's own is fine.
 */
function awarenessIsOwn(message: Uint8Array, participant: RoomParticipant, document: Document, socket: unknown): boolean {
  try {
    const outer = decoding.createDecoder(message);
    decoding.readVarString(outer);
    decoding.readVarUint(outer);
    const update = decoding.createDecoder(decoding.readVarUint8Array(outer));
    const count = decoding.readVarUint(update);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(update);
      const clock = decoding.readVarUint(update);
      const state = JSON.parse(decoding.readVarString(update)) as { user?: { name?: unknown; role?: unknown } } | null;
      const known = document.awareness.meta.get(clientId);
      if (known && known.clock >= clock) continue;
      for (const [owner, { clients }] of document.connections) if (owner !== socket && clients.has(clientId)) return false;
      if (state?.user && (state.user.name !== participant.name || state.user.role !== participant.role)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** A message's type and, for a sync message, its step; nulls when it cannot be read. */
function messageType(update: Uint8Array): [number | null, number | null] {
  try {
    const decoder = decoding.createDecoder(update);
    decoding.readVarString(decoder); // the document's name
    const type = decoding.readVarUint(decoder);
    return [type, type === SYNC ? decoding.readVarUint(decoder) : null];
  } catch {
    return [null, null];
  }
}

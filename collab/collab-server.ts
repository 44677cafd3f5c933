// The collaboration server: Hocuspocus (Yjs) documents for interview rooms, one per interview, over
// WebSockets at /collab. A socket gets past the gate (connection-gate.ts) with a room token the web
// tier minted; Hocuspocus checks it again with the participant's current standing. Every accepted
// update is logged in Postgres as it happens (room-store.ts); the room's clock (room-clock.ts) tells
// everyone the timer and locks the candidate's editor at the end.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Duplex } from "node:stream";
import { type Connection, Hocuspocus } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { seedUpdate } from "@/lib/interviews/room-document";
import { type RoomTokenClaims, verifyRoomToken } from "@/lib/interviews/room-token";
import { GATE_LIMITS, type GateLimits, guardSocket } from "@/collab/connection-gate";
import { RoomClock } from "@/collab/room-clock";
import { currentRoomRole, exerciseStarters, type RoomContext, readRoomInterview } from "@/collab/room-interviews";
import { RoomStore } from "@/collab/room-store";

export const COLLAB_PATH = "/collab";
/** The largest WebSocket message taken: a whole document's first sync from a client that edited offline fits many times over. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** Hocuspocus's message type a client could use to speak for the server to everyone; only the server's clock does that. */
const BROADCAST_STATELESS = 6;

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
    async beforeHandleMessage({ update }) {
      const type = messageType(update);
      if (type === BROADCAST_STATELESS) throw Object.assign(new Error("clients may not broadcast"), { code: 4400, reason: "clients may not broadcast" });
    },
    async onChange({ documentName, update, context, transactionOrigin }) {
      // Updates the server makes itself (the seed) are logged where they are made.
      if (!transactionOrigin) return;
      const participant = (context as Partial<RoomContext>).participant;
      await store.append(documentName, update, participant ? { kind: participant.kind, id: participant.id } : { kind: "server", id: null });
    },
    async onStoreDocument({ documentName, document }) {
      await store.storeState(documentName, document);
    },
    async connected({ connection, documentName }) {
      clock.greet(documentName, connection as Connection);
    },
    async afterUnloadDocument({ documentName }) {
      clock.forget(documentName);
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
      for (const ws of sockets.clients) ws.terminate();
      // Unloading stores each document now (unloadImmediately); then every logged update is settled.
      hocuspocus.closeConnections();
      await Promise.all([...hocuspocus.documents.values()].map((document) => store.storeState(document.name, document).catch(() => undefined)));
      await store.settled();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function messageType(update: Uint8Array): number | null {
  try {
    const decoder = decoding.createDecoder(update);
    decoding.readVarString(decoder); // the document's name
    return decoding.readVarUint(decoder);
  } catch {
    return null;
  }
}

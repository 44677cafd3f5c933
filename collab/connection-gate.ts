// What stands between a fresh WebSocket and Hocuspocus: nothing reaches Hocuspocus's (unbounded)
// pre-authentication queue until the socket has shown a valid room token for the document it names.
// Before that, the gate holds at most a few messages of bounded size for a bounded time, and closes
// the socket on anything else (the pre-auth memory exhaustion of GHSA-xwhh-v746-pj9m, fixed in
// Hocuspocus 4.3, which needs Node 22; osprep runs Hocuspocus 3 on Node 20 behind this gate).
// Once admitted, a socket may only ever speak of that one document, and never to the whole room
// (a stateless broadcast, which only the server's clock sends).
import type { IncomingMessage } from "node:http";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { WebSocket } from "ws";

/** Hocuspocus's message types (its protocol), the ones the gate reads or writes. */
const AUTH_MESSAGE = 2;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
/** A client's message to every other connection of the document: only the server speaks to the whole room. */
const BROADCAST_STATELESS = 6;

export interface GateLimits {
  /** Messages held before the token is seen (a provider sends its token, sync step 1 and awareness). */
  maxHeldMessages: number;
  maxHeldBytes: number;
  /** The token must have been verified this long after the socket opened, whatever else it sends. */
  authDeadlineMs: number;
}

export const GATE_LIMITS: GateLimits = { maxHeldMessages: 16, maxHeldBytes: 4 * 1024 * 1024, authDeadlineMs: 10_000 };

/** WebSocket close codes the gate uses (4xxx: the application's). */
export const GATE_CLOSE = {
  tooMuchBeforeAuth: 4413,
  authTimeout: 4408,
  denied: 4403,
  otherDocument: 4400,
} as const;

export interface GateOptions<Claims> {
  socket: WebSocket;
  request: IncomingMessage;
  limits?: GateLimits;
  /** The token's claims when it opens `documentName`; null refuses the socket. */
  verify: (documentName: string, token: string) => Claims | null;
  /** Called once, with the token's claims: hand the socket to Hocuspocus here. Held messages are replayed after. */
  admit: (socket: WebSocket, request: IncomingMessage, claims: Claims) => void;
  onRefused?: (why: string) => void;
}

function readHeader(data: Uint8Array): { documentName: string; type: number; decoder: decoding.Decoder } | null {
  try {
    const decoder = decoding.createDecoder(data);
    const documentName = decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    return { documentName, type, decoder };
  } catch {
    return null;
  }
}

function permissionDenied(documentName: string, reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, AUTH_MESSAGE);
  encoding.writeVarUint(encoder, AUTH_PERMISSION_DENIED);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

export function guardSocket<Claims>(options: GateOptions<Claims>): void {
  const { socket, request } = options;
  const limits = options.limits ?? GATE_LIMITS;
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let admittedDocument: string | null = null;
  let closed = false;

  const refuse = (code: number, why: string, documentName?: string) => {
    if (closed) return;
    closed = true;
    held.length = 0;
    clearTimeout(deadline);
    options.onRefused?.(why);
    if (documentName !== undefined && socket.readyState === socket.OPEN) socket.send(permissionDenied(documentName, why));
    socket.close(code, why);
    // A peer that does not complete the closing handshake is cut off.
    setTimeout(() => socket.terminate(), 1_000).unref();
  };

  const deadline = setTimeout(() => refuse(GATE_CLOSE.authTimeout, "no valid room token in time"), limits.authDeadlineMs);
  deadline.unref();
  // ws reports a frame over maxPayload as an error, then closes the socket (1009).
  socket.on("error", (error) => options.onRefused?.(error.message));
  socket.once("close", () => {
    closed = true;
    held.length = 0;
    clearTimeout(deadline);
  });

  // Hocuspocus re-emits messages it queued itself (without ws's isBinary flag): any frame is read the same way.
  const onMessage = (raw: Buffer | ArrayBuffer | Buffer[]) => {
    if (closed) return;
    const data = raw instanceof ArrayBuffer ? new Uint8Array(raw) : Array.isArray(raw) ? Buffer.concat(raw) : raw;
    const header = readHeader(data);
    if (!header) return refuse(GATE_CLOSE.otherDocument, "not a Hocuspocus message");
    if (admittedDocument !== null) {
      // Hocuspocus sees this message too (it listens on the same socket): one for another document is cut off here.
      if (header.documentName !== admittedDocument) refuse(GATE_CLOSE.otherDocument, "a socket opens one room's document only");
      else if (header.type === BROADCAST_STATELESS) refuse(GATE_CLOSE.otherDocument, "clients may not broadcast to the room");
      return;
    }
    if (held.length > 0 && header.documentName !== readHeader(held[0]!)!.documentName) {
      return refuse(GATE_CLOSE.otherDocument, "a socket opens one room's document only");
    }
    held.push(data);
    heldBytes += data.byteLength;
    if (held.length > limits.maxHeldMessages || heldBytes > limits.maxHeldBytes)
      return refuse(GATE_CLOSE.tooMuchBeforeAuth, "too much sent before authenticating");
    if (header.type !== AUTH_MESSAGE) return;
    let token: string;
    try {
      if (decoding.readVarUint(header.decoder) !== AUTH_TOKEN) return refuse(GATE_CLOSE.denied, "permission-denied", header.documentName);
      token = decoding.readVarString(header.decoder);
    } catch {
      return refuse(GATE_CLOSE.denied, "permission-denied", header.documentName);
    }
    const claims = options.verify(header.documentName, token);
    if (claims === null) return refuse(GATE_CLOSE.denied, "permission-denied", header.documentName);
    admittedDocument = header.documentName;
    clearTimeout(deadline);
    options.admit(socket, request, claims);
    const replay = held.splice(0);
    heldBytes = 0;
    // Hocuspocus listens now: it receives what was held, in order, as if it had just arrived.
    for (const message of replay) socket.emit("message", message, true);
  };
  socket.prependListener("message", onMessage);
}

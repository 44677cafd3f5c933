// The short-lived token the web tier gives a participant to open an interview room's document, and
// the collaboration server verifies: who (a user or a guest, by name), which interview, in which
// role, until when. Signed with a key derived from the server's secret, so only the web tier mints one.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** Long enough to connect, short enough that a removed member or an ended guest link soon stops working. */
export const ROOM_TOKEN_SECONDS = 120;

export const roomParticipantSchema = z.object({
  kind: z.enum(["member", "guest"]),
  /** The user's id, or the InterviewGuest's. */
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  /** What the person may do in the room: interviewers run the timer; the candidate's editor locks at the end. */
  role: z.enum(["interviewer", "candidate"]),
});

export type RoomParticipant = z.infer<typeof roomParticipantSchema>;

const claimsSchema = z.object({
  interviewId: z.string().min(1).max(64),
  participant: roomParticipantSchema,
  /** Seconds since the epoch. */
  expiresAt: z.number().int(),
});

export type RoomTokenClaims = z.infer<typeof claimsSchema>;

function signingKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("osprep room token v1").digest();
}

function signature(secret: string, body: string): Buffer {
  return createHmac("sha256", signingKey(secret)).update(body).digest();
}

export function signRoomToken(options: { secret: string; interviewId: string; participant: RoomParticipant; now?: number }): string {
  const now = options.now ?? Date.now();
  const claims: RoomTokenClaims = {
    interviewId: options.interviewId,
    participant: options.participant,
    expiresAt: Math.floor(now / 1000) + ROOM_TOKEN_SECONDS,
  };
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${signature(options.secret, body).toString("base64url")}`;
}

/** The token's claims when its signature is the server's and it has not expired; null otherwise. */
export function verifyRoomToken(options: { secret: string; token: unknown; now?: number }): RoomTokenClaims | null {
  if (typeof options.token !== "string" || options.token.length > 2048) return null;
  const [body, given, extra] = options.token.split(".");
  if (!body || !given || extra !== undefined) return null;
  const expected = signature(options.secret, body);
  const givenBytes = Buffer.from(given, "base64url");
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) return null;
  let claims: RoomTokenClaims;
  try {
    claims = claimsSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    return null;
  }
  const now = options.now ?? Date.now();
  return claims.expiresAt * 1000 > now ? claims : null;
}

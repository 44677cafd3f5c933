import "server-only";
// An invitation is accepted only through its link: the link carries a token derived from the
// invitation's id with the server's secret, which the inviter shares and nobody can make up. An
// email address alone proves nothing here (osprep sends no mail, so addresses are never verified).
import { createHmac, timingSafeEqual } from "node:crypto";
import { env, requireAuthSecret } from "@/lib/env";

export function invitationToken(invitationId: string): string {
  return createHmac("sha256", requireAuthSecret()).update(`osprep invitation ${invitationId}`).digest("base64url");
}

/** The address the inviter shares: the page where the invitee signs in (or up) and accepts. */
export function invitationLink(invitationId: string): string {
  return new URL(`/invitations/${encodeURIComponent(invitationId)}?token=${invitationToken(invitationId)}`, env.OSPREP_URL).toString();
}

export function isInvitationToken(invitationId: unknown, token: unknown): boolean {
  if (typeof invitationId !== "string" || typeof token !== "string") return false;
  const expected = Buffer.from(invitationToken(invitationId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

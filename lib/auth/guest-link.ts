import "server-only";
// An interview's guest link and the cookie a guest holds once they joined through it. Both are
// derived from the server's secret: the link names one interview, the cookie one guest of it, and
// nobody can make either up.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env, requireAuthSecret } from "@/lib/env";

const mac = (text: string) => createHmac("sha256", requireAuthSecret()).update(text).digest("base64url");

function same(given: unknown, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const guestLinkToken = (interviewId: string) => mac(`osprep interview guest link ${interviewId}`);

export function guestLink(interviewId: string): string {
  return new URL(`/interviews/${encodeURIComponent(interviewId)}/join?token=${guestLinkToken(interviewId)}`, env.OSPREP_URL).toString();
}

export const isGuestLinkToken = (interviewId: string, token: unknown) => same(token, guestLinkToken(interviewId));

/** The cookie that makes a browser that guest in that interview's room (and nowhere else). */
export const guestCookieName = (interviewId: string) => `osprep-guest-${interviewId}`;

export const guestCookieValue = (interviewId: string, guestId: string) => `${guestId}.${mac(`osprep interview guest ${interviewId} ${guestId}`)}`;

/** The guest a cookie names, when the server made it for that interview; null otherwise. */
export function guestIdFromCookie(interviewId: string, value: string | undefined): string | null {
  const guestId = value?.split(".")[0];
  if (!guestId || !/^[\w-]{1,64}$/.test(guestId)) return null;
  return same(value, guestCookieValue(interviewId, guestId)) ? guestId : null;
}

import "server-only";
// The signed-in user behind a request's cookies, or null: better-auth's answer, remembered for a few
// seconds per session token (lib/auth/session-memory.ts). Every server-side "who is this" goes through here.
import { getSessionCookie } from "better-auth/cookies";
import { auth } from "@/lib/auth/server";
import { recallSession, rememberSession, type SessionUser } from "@/lib/auth/session-memory";

export async function lookUpSession(headers: Headers): Promise<SessionUser | null> {
  const token = getSessionCookie(headers);
  if (!token) return null;
  const known = recallSession(token);
  if (known) return known;
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, name, email } = session.user;
  const user = { id, name, email };
  rememberSession(token, user);
  return user;
}

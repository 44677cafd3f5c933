import "server-only";
// Each web process remembers, for a few seconds, which user a session token belongs to: better-auth's
// lookup (two HMAC checks of the signed cookies, then the session row once its cookie copy has expired)
// costs more than most of osprep's API answers, and a page's requests arrive together. Only tokens
// better-auth accepted are kept, by their signed value, which cannot be forged. Signing out, changing
// the account (name, password) and revoking sessions forget them at once (lib/auth/hooks.ts); a session
// revoked through another web process is forgotten within SESSION_MEMORY_MS, well inside the minute that
// better-auth's own cookie cache already allows (lib/auth/server.ts).
import { LRUCache } from "lru-cache";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export const SESSION_MEMORY_MS = 10_000;

const remembered = new LRUCache<string, SessionUser>({ max: 10_000, ttl: SESSION_MEMORY_MS });

export function recallSession(token: string): SessionUser | undefined {
  return remembered.get(token);
}

export function rememberSession(token: string, user: SessionUser): void {
  remembered.set(token, user);
}

export function forgetSession(token: string): void {
  remembered.delete(token);
}

/** Forgets every token of this user: their account or sessions changed. */
export function forgetSessionsOf(userId: string): void {
  for (const [token, user] of remembered.entries()) if (user.id === userId) remembered.delete(token);
}

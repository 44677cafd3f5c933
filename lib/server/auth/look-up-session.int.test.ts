// Who is signed in (look-up-session.ts), with the few seconds each web process remembers a session
// token for: better-auth is asked once, and what changes a session (signing out, a new name, sessions
// revoked) is seen on the very next lookup. Real better-auth and Postgres.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { signUp, TEST_BASE_URL, useFreshAppDatabase } from "@/test/support/app-routes";

let auth: typeof import("@/lib/auth/server").auth;
let lookUpSession: typeof import("@/lib/server/auth/look-up-session").lookUpSession;

beforeAll(async () => {
  await useFreshAppDatabase("session_lookup");
  ({ auth } = await import("@/lib/auth/server"));
  ({ lookUpSession } = await import("@/lib/server/auth/look-up-session"));
});

const headersOf = (cookie: string) => new Headers({ cookie, origin: TEST_BASE_URL, "x-forwarded-for": "10.7.7.7" });

async function newUser(name: string): Promise<{ cookie: string; email: string }> {
  const email = `${name}-${Date.now().toString(36)}@example.com`;
  return { cookie: await signUp(email), email };
}

describe("the signed-in user of a request", () => {
  it("is better-auth's answer, asked once for a token's requests arriving in a row", async () => {
    const { cookie, email } = await newUser("steady");
    const asked = vi.spyOn(auth.api, "getSession");
    try {
      const first = await lookUpSession(headersOf(cookie));
      expect(first).toMatchObject({ email });
      expect(await lookUpSession(headersOf(cookie))).toEqual(first);
      expect(await lookUpSession(headersOf(`theme=dark; ${cookie}`))).toEqual(first);
      expect(asked).toHaveBeenCalledTimes(1);
    } finally {
      asked.mockRestore();
    }
  });

  it("is nobody without a session cookie, or with one whose signature is not the server's", async () => {
    const { cookie } = await newUser("forger");
    expect(await lookUpSession(headersOf(""))).toBeNull();
    const [name, value] = cookie.split("=") as [string, string];
    const token = decodeURIComponent(value).split(".")[0]!;
    expect(await lookUpSession(headersOf(`${name}=${encodeURIComponent(`${token}.forged-signature`)}`))).toBeNull();
  });

  it("is nobody at once after signing out, though it was just remembered", async () => {
    const { cookie } = await newUser("leaver");
    expect(await lookUpSession(headersOf(cookie))).not.toBeNull();
    await auth.api.signOut({ headers: headersOf(cookie) });
    expect(await lookUpSession(headersOf(cookie))).toBeNull();
  });

  it("carries a new name at once, and is nobody once the session is revoked from another", async () => {
    const { cookie, email } = await newUser("renamer");
    expect(await lookUpSession(headersOf(cookie))).toMatchObject({ name: email.split("@")[0] });
    await auth.api.updateUser({ headers: headersOf(cookie), body: { name: "A New Name" } });
    expect(await lookUpSession(headersOf(cookie))).toMatchObject({ name: "A New Name" });

    const signedIn = await auth.api.signInEmail({ headers: headersOf(""), body: { email, password: "a good passphrase" }, asResponse: true });
    const other = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith("better-auth.session_token="))!
      .split(";")[0]!;
    expect(await lookUpSession(headersOf(cookie))).not.toBeNull();
    await auth.api.revokeOtherSessions({ headers: headersOf(other) });
    expect(await lookUpSession(headersOf(cookie))).toBeNull();
    expect(await lookUpSession(headersOf(other))).toMatchObject({ email });
  });
});

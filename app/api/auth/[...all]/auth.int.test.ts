// Sign up, sign in and sign out through the real /api/auth route handlers on a real database.
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, sessionCookie, streamedRequest, TEST_BASE_URL as BASE, useFreshAppDatabase } from "@/test/support/app-routes";
import { queryRows } from "@/test/support/database";

let databaseUrl: string;
let routes: { GET: (request: Request) => Promise<Response>; POST: (request: Request) => Promise<Response> };

beforeAll(async () => {
  databaseUrl = await useFreshAppDatabase("auth");
  routes = await import("@/app/api/auth/[...all]/route");
});

function post(path: string, body: unknown, cookie?: string) {
  return routes.POST(jsonRequest(`/api/auth${path}`, body, cookie ? { cookie } : {}));
}

function getSession(cookie?: string) {
  return routes.GET(new Request(`${BASE}/api/auth/get-session`, { headers: cookie ? { cookie } : {} }));
}

const dbRow = async <Row extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<Row | undefined> =>
  (await queryRows<Row>(databaseUrl, sql, params))[0];

describe("accounts", () => {
  const email = "grace@example.com";
  const password = "a long enough passphrase";

  it("signs up a new user with an httpOnly session cookie and a hashed password", async () => {
    const response = await post("/sign-up/email", { name: "Grace", email, password });
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const session = await (await getSession(sessionCookie(response))).json();
    expect(session.user).toMatchObject({ email, name: "Grace" });

    const account = await dbRow<{ password: string }>(`SELECT a.password FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`, [email]);
    expect(account?.password).toBeTruthy();
    expect(account?.password).not.toContain(password);
  });

  it("refuses a second account with the same email", async () => {
    const response = await post("/sign-up/email", { name: "Impostor", email, password: "another passphrase" });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const users = await dbRow<{ n: string }>(`SELECT count(*) AS n FROM "User" WHERE email = $1`, [email]);
    expect(users?.n).toBe("1");
  });

  it("refuses a password shorter than 8 characters", async () => {
    const response = await post("/sign-up/email", { name: "Short", email: "short@example.com", password: "1234567" });
    expect(response.status).toBe(400);
    expect(await dbRow(`SELECT 1 FROM "User" WHERE email = $1`, ["short@example.com"])).toBeUndefined();
  });

  it("signs in with the right password only", async () => {
    const wrong = await post("/sign-in/email", { email, password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token=") && !c.includes("Max-Age=0"))).toBe(false);

    const right = await post("/sign-in/email", { email, password });
    expect(right.status).toBe(200);
    const session = await (await getSession(sessionCookie(right))).json();
    expect(session.user.email).toBe(email);
  });

  it("signs out: the session stops working", async () => {
    const cookie = sessionCookie(await post("/sign-in/email", { email, password }));
    expect((await (await getSession(cookie)).json())?.user?.email).toBe(email);
    const signOut = await post("/sign-out", {}, cookie);
    expect(signOut.status).toBe(200);
    expect(await (await getSession(cookie)).json()).toBeNull();
  });

  it("stops reading a chunked sign-up body without a length at the limit: 100 MB sent, at most the limit read", async () => {
    const { request, pulledBytes } = streamedRequest("/api/auth/sign-up/email", 100 * 1024 * 1024);
    const response = await routes.POST(request);
    expect(response.status).toBe(413);
    expect(pulledBytes()).toBeLessThan(1024 * 1024);
  });

  it("has no session for an anonymous caller or a forged cookie", async () => {
    expect(await (await getSession()).json()).toBeNull();
    expect(await (await getSession("better-auth.session_token=forged.signature")).json()).toBeNull();
  });
});

describe("teams", () => {
  it("creates a team whose creator is its owner", async () => {
    const cookie = sessionCookie(await post("/sign-up/email", { name: "Owner", email: "owner@example.com", password: "owner passphrase" }));
    const response = await post("/organization/create", { name: "Kernel Club", slug: "kernel-club" }, cookie);
    expect(response.status).toBe(200);
    const member = await dbRow<{ role: string }>(
      `SELECT m.role FROM "Member" m JOIN "Organization" o ON o.id = m."organizationId" JOIN "User" u ON u.id = m."userId"
       WHERE o.slug = $1 AND u.email = $2`,
      ["kernel-club", "owner@example.com"],
    );
    expect(member?.role).toBe("owner");
  });
});

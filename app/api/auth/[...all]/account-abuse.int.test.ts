// Accounts as an attacker would try them, through the real /api/auth route on a real database:
// guessing passwords from many addresses, making accounts in bulk, names that break cookies, weak
// passwords, roles osprep does not have, and invitations taken by whoever registers the address.
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { clientAddressOf, jsonRequest, sessionCookie, TEST_BASE_URL, useFreshAppDatabase } from "@/test/support/app-routes";
import { queryRows } from "@/test/support/database";

let databaseUrl: string;
let routes: { GET: (request: Request) => Promise<Response>; POST: (request: Request) => Promise<Response> };

beforeAll(async () => {
  databaseUrl = await useFreshAppDatabase("account_abuse");
  routes = await import("@/app/api/auth/[...all]/route");
});

const sql = <Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) => queryRows<Row>(databaseUrl, text, values);

/** A POST to /api/auth from `address` (as osprep's web server would write it), with a session cookie if given. */
function post(path: string, body: unknown, options: { address?: string; cookie?: string; origin?: string } = {}) {
  const headers: Record<string, string> = { "x-forwarded-for": options.address ?? clientAddressOf(`${path} ${JSON.stringify(body)}`) };
  if (options.cookie) headers.cookie = options.cookie;
  const request = jsonRequest(`/api/auth${path}`, body, headers);
  if (options.origin) request.headers.set("origin", options.origin);
  return routes.POST(request);
}

async function newAccount(email: string, password = "a good passphrase"): Promise<string> {
  const response = await post("/sign-up/email", { name: email.split("@")[0], email, password }, { address: clientAddressOf(email) });
  expect(response.status, await response.clone().text()).toBe(200);
  return sessionCookie(response);
}

const errorOf = async (response: Response) => {
  const body = await response.json();
  return (body.message ?? body.error?.message) as string;
};

describe("sign-in throttling", () => {
  it("locks an account after 10 attempts whatever address each comes from: the right password no longer works", async () => {
    await newAccount("victim@example.com", "the right passphrase");
    const statuses: number[] = [];
    for (let i = 0; i < 28; i++) {
      statuses.push((await post("/sign-in/email", { email: "victim@example.com", password: `guess ${i}` }, { address: `192.0.2.${i + 1}` })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(18).fill(429));
    const right = await post("/sign-in/email", { email: "victim@example.com", password: "the right passphrase" }, { address: "198.51.100.1" });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await errorOf(right)).toMatch(/^Too many sign-in attempts for this account\. Try again in \d+ minutes?\.$/);
  });

  it("counts parallel guesses too: 40 at once, at most 10 reach the password check", async () => {
    await newAccount("parallel@example.com");
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post("/sign-in/email", { email: "parallel@example.com", password: `guess ${i}` }, { address: `192.0.2.${100 + i}` }),
      ),
    );
    expect(responses.filter((r) => r.status === 401)).toHaveLength(10);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(30);
  });

  it("forgets the wrong passwords once the right one is given", async () => {
    await newAccount("forgetful@example.com", "the right passphrase");
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 9; i++) expect((await post("/sign-in/email", { email: "forgetful@example.com", password: "wrong passphrase" })).status).toBe(401);
      expect((await post("/sign-in/email", { email: "forgetful@example.com", password: "the right passphrase" })).status).toBe(200);
    }
  });

  it("limits sign-in attempts from one address across accounts", async () => {
    const address = "203.0.113.50";
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await post("/sign-in/email", { email: `nobody${i}@example.com`, password: "whatever it is" }, { address })).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses[30]).toBe(429);
    expect((await post("/sign-in/email", { email: "nobody@example.com", password: "whatever it is" }, { address: "203.0.113.51" })).status).toBe(401);
  });

  it("says the same for an unknown email and a wrong password", async () => {
    await newAccount("known@example.com");
    const unknown = await post("/sign-in/email", { email: "unknown@example.com", password: "a good passphrase" });
    const wrong = await post("/sign-in/email", { email: "known@example.com", password: "not the passphrase" });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });
});

describe("sign-up throttling", () => {
  it("makes at most 10 accounts an hour from one address, each with its own grading quota", async () => {
    const address = "203.0.113.9";
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await post("/sign-up/email", { name: "Bulk", email: `bulk${i}@example.com`, password: "a good passphrase" }, { address })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429, 429]);
    const refused = await post("/sign-up/email", { name: "Bulk", email: "bulk-last@example.com", password: "a good passphrase" }, { address });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect(await sql(`SELECT 1 FROM "User" WHERE email = 'bulk-last@example.com'`)).toEqual([]);
    expect(
      (await post("/sign-up/email", { name: "Elsewhere", email: "elsewhere@example.com", password: "a good passphrase" }, { address: "203.0.113.10" })).status,
    ).toBe(200);
  });
});

describe("names, emails and passwords, held on the server", () => {
  it.each([
    ["a 50 KB name", { name: "n".repeat(50 * 1024) }, "Keep your name to 80 characters."],
    ["an 81-character name", { name: "n".repeat(81) }, "Keep your name to 80 characters."],
    ["a blank name", { name: "   " }, "Tell us what to call you."],
    ["a control character in the name", { name: "Ada\u0007" }, "A name cannot hold control characters."],
    ["a NUL in the name", { name: "Ada\u0000" }, "cannot contain a NUL character"],
    ["a 255-character email", { email: `${"e".repeat(64)}@${"d".repeat(63)}.${"d".repeat(63)}.${"d".repeat(59)}.com` }, "at most 254 characters"],
    ["a 65-character local part", { email: `${"e".repeat(65)}@example.com` }, "before @ has at most 64"],
    ["a common password", { password: "Password123" }, "among the first ones anyone guesses"],
    ["a password of spaces", { password: "            " }, "among the first ones anyone guesses"],
    ["one character repeated", { password: "zzzzzzzzzzzz" }, "among the first ones anyone guesses"],
  ])("refuses %s at sign-up with a clear 400, storing nothing", async (_case, change, message) => {
    const email = `rules-${Math.random().toString(36).slice(2)}@example.com`;
    const response = await post("/sign-up/email", { name: "Ada", email, password: "a good passphrase", ...change });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toContain(message);
    expect(await sql(`SELECT 1 FROM "User" WHERE email = $1`, [(change as { email?: string }).email ?? email])).toEqual([]);
  });

  it("refuses a 100 KB name as too large a request", async () => {
    const response = await post("/sign-up/email", { name: "n".repeat(100 * 1024), email: "huge-name@example.com", password: "a good passphrase" });
    expect(response.status).toBe(413);
    expect(await sql(`SELECT 1 FROM "User" WHERE email = 'huge-name@example.com'`)).toEqual([]);
  });

  it("keeps an 80-character name (trimmed) in a session cookie a browser can send back", async () => {
    const name = "N".repeat(80);
    const response = await post("/sign-up/email", { name: `  ${name}  `, email: "long-name@example.com", password: "a good passphrase" });
    expect(response.status).toBe(200);
    const cookieBytes = response.headers.getSetCookie().reduce((total, cookie) => total + cookie.length, 0);
    expect(cookieBytes).toBeLessThan(4096);
    expect(await sql(`SELECT name FROM "User" WHERE email = 'long-name@example.com'`)).toEqual([{ name }]);
  });

  it("refuses a long name and a common new password on an existing account too", async () => {
    const cookie = await newAccount("existing@example.com");
    const rename = await post("/update-user", { name: "n".repeat(50 * 1024) }, { cookie });
    expect(rename.status).toBe(400);
    const change = await post("/change-password", { currentPassword: "a good passphrase", newPassword: "qwerty123" }, { cookie });
    expect(change.status).toBe(400);
    expect(await errorOf(change)).toContain("among the first ones anyone guesses");
  });

  it("answers a NUL in any field with a 4xx, never a database error", async () => {
    const cookie = await newAccount("nul-fields@example.com");
    const attempts: [string, unknown][] = [
      ["/sign-up/email", { name: "Nul", email: "nul\u0000@example.com", password: "a good passphrase" }],
      ["/sign-in/email", { email: "nul\u0000@example.com", password: "a good passphrase" }],
      ["/sign-in/email", { email: "nul-fields@example.com", password: "a good\u0000passphrase" }],
      ["/organization/create", { name: "Nul team", slug: "nul\u0000team" }],
      ["/organization/create", { name: "Nul\u0000team", slug: "nul-team" }],
      ["/organization/check-slug", { slug: "nul\u0000team" }],
      ["/update-user", { name: "ok", "im\u0000age": "x" }],
      ["/sign-up/email", { name: "Nul", email: "nul3@example.com", password: "a good\u0000passphrase" }],
    ];
    for (const [path, body] of attempts) {
      const response = await post(path, body, { cookie });
      expect(response.status, `${path} ${JSON.stringify(body)}: ${await response.clone().text()}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500);
    }
    const query = await routes.GET(new Request(`${TEST_BASE_URL}/api/auth/organization/get-invitation?id=%00`, { headers: { cookie } }));
    expect(query.status).toBe(400);
    // A backslash followed by "u0000" is ordinary text, not a NUL.
    expect((await post("/organization/create", { name: "Escapes \\u0000 team", slug: "escapes-team" }, { cookie })).status).toBe(200);
  });

  it("refuses an account request from another site", async () => {
    const response = await post(
      "/sign-up/email",
      { name: "Csrf", email: "csrf@example.com", password: "a good passphrase" },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(await sql(`SELECT 1 FROM "User" WHERE email = 'csrf@example.com'`)).toEqual([]);
  });
});

describe("teams: roles and invitations", () => {
  let owner: string;
  let organizationId: string;

  beforeAll(async () => {
    owner = await newAccount("team-owner@example.com");
    const created = await post("/organization/create", { name: "Scheduler Guild", slug: "scheduler-guild" }, { cookie: owner });
    expect(created.status).toBe(200);
    organizationId = (await created.json()).id;
  });

  it.each([["admin"], ["member"], ["owner,admin"], [["candidate", "member"]], [""]])(
    "refuses the role %j: only owner, interviewer and candidate exist",
    async (role) => {
      const response = await post("/organization/invite-member", { email: "someone@example.com", role, organizationId }, { cookie: owner });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toContain("A team role is one of owner, interviewer, candidate");
      expect(await sql(`SELECT 1 FROM "Invitation" WHERE email = 'someone@example.com'`)).toEqual([]);
    },
  );

  it("lets an invitation be accepted only through its link, not by whoever registers the address", async () => {
    const invited = await post("/organization/invite-member", { email: "invitee@example.com", role: "candidate", organizationId }, { cookie: owner });
    expect(invited.status).toBe(200);
    const invitation = await invited.json();
    const link = new URL(invitation.link);
    expect(link.origin).toBe(TEST_BASE_URL);
    expect(link.pathname).toBe(`/invitations/${invitation.id}`);
    const token = link.searchParams.get("token")!;

    // Someone registers the invited address (nothing verifies it) and finds the invitation listed.
    const impostor = await newAccount("invitee@example.com");
    for (const attempt of [
      { invitationId: invitation.id },
      { invitationId: invitation.id, token: "forged" },
      { invitationId: invitation.id, token: token.slice(1) },
    ]) {
      const accepted = await post("/organization/accept-invitation", attempt, { cookie: impostor });
      expect(accepted.status).toBe(403);
      expect(await errorOf(accepted)).toContain("Open the invitation's link");
      expect((await post("/organization/reject-invitation", attempt, { cookie: impostor })).status).toBe(403);
    }
    expect(await sql(`SELECT 1 FROM "Member" m JOIN "User" u ON u.id = m."userId" WHERE u.email = 'invitee@example.com'`)).toEqual([]);

    // With the link the inviter shared, the invitation is accepted with its role.
    const accepted = await post("/organization/accept-invitation", { invitationId: invitation.id, token }, { cookie: impostor });
    expect(accepted.status).toBe(200);
    expect(await sql(`SELECT m.role FROM "Member" m JOIN "User" u ON u.id = m."userId" WHERE u.email = 'invitee@example.com'`)).toEqual([
      { role: "candidate" },
    ]);
  });

  it("refuses to change a member's role to one osprep does not have", async () => {
    const interviewer = await post("/organization/invite-member", { email: "interviewer@example.com", role: "interviewer", organizationId }, { cookie: owner });
    const invitation = await interviewer.json();
    const cookie = await newAccount("interviewer@example.com");
    const token = new URL(invitation.link).searchParams.get("token");
    expect((await post("/organization/accept-invitation", { invitationId: invitation.id, token }, { cookie })).status).toBe(200);
    const [member] = await sql<{ id: string }>(`SELECT m.id FROM "Member" m JOIN "User" u ON u.id = m."userId" WHERE u.email = 'interviewer@example.com'`);
    for (const role of ["admin", "member"]) {
      const response = await post("/organization/update-member-role", { memberId: member!.id, role, organizationId }, { cookie: owner });
      expect(response.status).toBe(400);
    }
    expect((await post("/organization/update-member-role", { memberId: member!.id, role: "candidate", organizationId }, { cookie: owner })).status).toBe(200);
    expect(await sql(`SELECT role FROM "Member" WHERE id = $1`, [member!.id])).toEqual([{ role: "candidate" }]);
  });
});

// The team and interview pages over HTTP, for each kind of visitor: a team's page and an interview's
// room answer only their members and participants; everyone else is sent to sign in (anonymous) or
// told there is no such page, and a candidate's room never carries the interviewers' questions. A
// candidate's roadmap progress answers the team's owners and interviewers only.
import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { clientAddressOf } from "@/test/support/app-routes";
import { queryRows } from "@/test/support/database";

const base = () => inject("appUrl");
type Visitor = "anonymous" | "outsider" | "candidate" | "interviewer" | "owner" | "guest";

async function signUp(who: string): Promise<{ cookie: string; id: string }> {
  const email = `${who}-${randomBytes(4).toString("hex")}@example.com`;
  const response = await fetch(`${base()}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base(), "x-forwarded-for": clientAddressOf(email) },
    body: JSON.stringify({ name: who, email, password: "a good passphrase" }),
  });
  expect(response.ok).toBe(true);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const [user] = await queryRows<{ id: string }>(inject("appDatabaseUrl"), `SELECT id FROM "User" WHERE email = $1`, [email]);
  return { cookie, id: user!.id };
}

describe("team and interview pages × visitor", () => {
  it("answer members and participants only", async () => {
    const db = inject("appDatabaseUrl");
    const people = {
      owner: await signUp("owner"),
      interviewer: await signUp("interviewer"),
      candidate: await signUp("candidate"),
      outsider: await signUp("outsider"),
    };
    const tag = randomBytes(4).toString("hex");
    await queryRows(db, `INSERT INTO "Organization" (id, name, slug) VALUES ($1, 'Pages team', $1)`, [`team-${tag}`]);
    for (const role of ["owner", "interviewer", "candidate"] as const) {
      await queryRows(db, `INSERT INTO "Member" (id, "organizationId", "userId", role) VALUES ($1, $2, $3, $4)`, [
        `m-${role}-${tag}`,
        `team-${tag}`,
        people[role].id,
        role,
      ]);
    }
    const [memberInterview] = await queryRows<{ id: string }>(
      db,
      `INSERT INTO "Interview" (id, "organizationId", title, "plannedById", "candidateUserId", "exerciseSlugs", "durationMinutes", questions, "updatedAt")
       VALUES ($1, $2, 'Member round', $3, $4, ARRAY['lru-pager'], 30, ARRAY['Secret question'], now()) RETURNING id`,
      [`iv-${tag}`, `team-${tag}`, people.interviewer.id, people.candidate.id],
    );
    const cookies: Record<Visitor, string> = {
      anonymous: "",
      outsider: people.outsider.cookie,
      candidate: people.candidate.cookie,
      interviewer: people.interviewer.cookie,
      owner: people.owner.cookie,
      // A guest cookie the server did not make counts for nothing: this visitor is anonymous.
      guest: `osprep-guest-iv-${tag}=made-up.value`,
    };
    const visit = async (path: string, visitor: Visitor) => {
      const response = await fetch(`${base()}${path}`, { headers: { cookie: cookies[visitor] }, redirect: "manual" });
      const body = response.status === 200 ? await response.text() : "";
      return { status: response.status, location: response.headers.get("location") ?? "", body };
    };

    const team: Record<Visitor, number> = { anonymous: 307, outsider: 404, candidate: 200, interviewer: 200, owner: 200, guest: 307 };
    const room: Record<Visitor, number> = { anonymous: 307, outsider: 404, candidate: 200, interviewer: 200, owner: 200, guest: 307 };
    // A candidate's roadmap progress: the team's owners and interviewers only.
    const progress: Record<Visitor, number> = { anonymous: 307, outsider: 404, candidate: 404, interviewer: 200, owner: 200, guest: 307 };
    for (const visitor of Object.keys(cookies) as Visitor[]) {
      const teamPage = await visit(`/teams/team-${tag}`, visitor);
      expect([visitor, teamPage.status]).toEqual([visitor, team[visitor]]);
      if (teamPage.status === 307) expect(teamPage.location).toContain("/sign-in");
      const roomPage = await visit(`/interviews/${memberInterview!.id}`, visitor);
      expect([visitor, roomPage.status]).toEqual([visitor, room[visitor]]);
      if (roomPage.status === 307) expect(roomPage.location).toContain("/sign-in");
      if (roomPage.status === 200) expect([visitor, roomPage.body.includes("Secret question")]).toEqual([visitor, visitor !== "candidate"]);
      const progressPage = await visit(`/teams/team-${tag}/members/m-candidate-${tag}`, visitor);
      expect([visitor, progressPage.status]).toEqual([visitor, progress[visitor]]);
      if (progressPage.status === 200) expect(progressPage.body).toContain("candidate: roadmap progress");
      expect((await visit(`/teams/team-${tag}/members/m-interviewer-${tag}`, visitor)).status, visitor).not.toBe(200);
    }
  });
});

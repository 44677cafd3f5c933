// A team with one person in each role, an outsider, and interviews, written straight to the app's
// database: for tests of who may do what in teams and interview rooms.
import { randomBytes } from "node:crypto";

export const PEOPLE = ["owner", "interviewer", "candidate", "outsider"] as const;
export type Person = (typeof PEOPLE)[number];

export interface TeamFixture {
  teamId: string;
  teamSlug: string;
  users: Record<Person, { id: string; name: string; email: string }>;
}

const id = () => randomBytes(8).toString("hex");

/** Call after the app's environment points at its database (useFreshAppDatabase). */
export async function createTeamFixture(): Promise<TeamFixture> {
  const { db } = await import("@/lib/db");
  const tag = id();
  const teamId = `team-${tag}`;
  const teamSlug = `team-${tag}`;
  const users = {} as TeamFixture["users"];
  for (const person of PEOPLE) {
    users[person] = { id: `${person}-${tag}`, name: person[0]!.toUpperCase() + person.slice(1), email: `${person}-${tag}@example.com` };
    await db.user.create({ data: users[person] });
  }
  await db.organization.create({ data: { id: teamId, name: `Team ${tag}`, slug: teamSlug } });
  for (const person of ["owner", "interviewer", "candidate"] as const) {
    await db.member.create({ data: { id: `member-${person}-${tag}`, organizationId: teamId, userId: users[person].id, role: person } });
  }
  return { teamId, teamSlug, users };
}

export async function createInterview(
  team: TeamFixture,
  options: { guest?: boolean; exerciseSlugs?: string[]; startedAt?: Date | null; endsAt?: Date | null; endedAt?: Date | null } = {},
): Promise<string> {
  const { db } = await import("@/lib/db");
  const interview = await db.interview.create({
    data: {
      organizationId: team.teamId,
      title: "Mock interview",
      plannedById: team.users.interviewer.id,
      candidateUserId: options.guest ? null : team.users.candidate.id,
      exerciseSlugs: options.exerciseSlugs ?? ["lru-pager"],
      durationMinutes: 45,
      questions: ["What is a page fault?"],
      startedAt: options.startedAt ?? null,
      endsAt: options.endsAt ?? null,
      endedAt: options.endedAt ?? null,
    },
    select: { id: true },
  });
  return interview.id;
}

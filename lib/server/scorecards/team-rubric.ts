import "server-only";
// A team's scorecard rubric: read by its owners and interviewers (a candidate never sees how they
// are scored), written by its owners. A team that wrote none uses the default.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_RUBRIC, dimensionKey } from "@/lib/scorecards/rubric";
import { type Rubric, rubricSchema } from "@/lib/validations/scorecards";
import type { SaveRubricInput } from "@/lib/validations/scorecards";
import { requireTeamLeader } from "@/lib/server/teams/require-team-leader";

export interface TeamRubricView {
  teamId: string;
  teamName: string;
  teamSlug: string;
  dimensions: Rubric;
  /** The team has not written its own: this is the default. */
  isDefault: boolean;
  /** The viewer is an owner: theirs to edit. */
  mayEdit: boolean;
  updatedAt: Date | null;
  updatedByName: string | null;
}

/** A stored rubric, or null when there is none (or it no longer reads as one). */
function storedRubric(stored: { dimensions: unknown } | null): Rubric | null {
  const parsed = stored && rubricSchema.safeParse(stored.dimensions);
  return parsed?.success ? parsed.data : null;
}

/** The team's rubric as stored, or the default. */
export async function rubricOf(organizationId: string): Promise<Rubric> {
  return storedRubric(await db.teamRubric.findUnique({ where: { organizationId }, select: { dimensions: true } })) ?? DEFAULT_RUBRIC;
}

export async function getTeamRubric({ userId, slug }: { userId: string; slug: string }): Promise<TeamRubricView> {
  const { team, role } = await requireTeamLeader({ userId, slug });
  const stored = await db.teamRubric.findUnique({
    where: { organizationId: team.id },
    select: { dimensions: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  const own = storedRubric(stored);
  return {
    teamId: team.id,
    teamName: team.name,
    teamSlug: team.slug,
    dimensions: own ?? DEFAULT_RUBRIC,
    isDefault: own === null,
    mayEdit: role === "owner",
    updatedAt: stored?.updatedAt ?? null,
    updatedByName: stored?.updatedBy?.name ?? null,
  };
}

/** Replaces the team's rubric (owners); a new dimension gets a key from its name. Scorecards already opened keep the rubric they were opened with. */
export async function saveTeamRubric({ userId, input }: { userId: string; input: SaveRubricInput }): Promise<TeamRubricView> {
  const { slug } = input;
  const { team, role } = await requireTeamLeader({ userId, slug });
  if (role !== "owner") throw new AppError("FORBIDDEN", "Only the team's owners can change its rubric.");
  const taken = new Set(input.dimensions.flatMap((d) => (d.key ? [d.key] : [])));
  const dimensions = input.dimensions.map((d) => {
    if (d.key) return { ...d, key: d.key };
    const key = dimensionKey(d.name, taken);
    taken.add(key);
    return { ...d, key };
  });
  const checked = rubricSchema.safeParse(dimensions);
  if (!checked.success) throw new AppError("INVALID_INPUT", checked.error.issues[0]?.message ?? "That rubric is not valid.");
  const value = checked.data as unknown as Prisma.InputJsonValue;
  await db.teamRubric.upsert({
    where: { organizationId: team.id },
    create: { organizationId: team.id, dimensions: value, updatedById: userId },
    update: { dimensions: value, updatedById: userId },
  });
  return getTeamRubric({ userId, slug });
}

/** Goes back to the default rubric (owners). */
export async function resetTeamRubric({ userId, slug }: { userId: string; slug: string }): Promise<TeamRubricView> {
  const { team, role } = await requireTeamLeader({ userId, slug });
  if (role !== "owner") throw new AppError("FORBIDDEN", "Only the team's owners can change its rubric.");
  await db.teamRubric.deleteMany({ where: { organizationId: team.id } });
  return getTeamRubric({ userId, slug });
}

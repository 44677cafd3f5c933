import "server-only";
// Who may enter an interview's room, and as what (lib/interviews/room-rules.ts), for every page,
// action and route. Anyone else is told the interview does not exist, so ids reveal nothing.
import { cookies } from "next/headers";
import { guestCookieName, guestIdFromCookie } from "@/lib/auth/guest-link";
import { lookUpSession } from "@/lib/server/auth/look-up-session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { guestMayEnter, memberRoomRole } from "@/lib/interviews/room-rules";
import type { RoomParticipant } from "@/lib/interviews/room-token";
import { getCurrentUser } from "@/lib/server/auth/get-current-user";
import type { TeamRole } from "@/lib/auth/roles";

/** Who is asking: a signed-in user, a guest of this interview (by cookie), both or neither. */
export interface Viewer {
  user: { id: string; name: string } | null;
  guestId: string | null;
}

const interviewSelect = {
  id: true,
  organizationId: true,
  title: true,
  plannedById: true,
  candidateUserId: true,
  exerciseSlugs: true,
  durationMinutes: true,
  questions: true,
  questionSlugs: true,
  startedAt: true,
  endsAt: true,
  endedAt: true,
  finalCode: true,
  createdAt: true,
  organization: { select: { name: true, slug: true } },
  candidate: { select: { name: true } },
} as const;

export type InterviewRecord = NonNullable<Awaited<ReturnType<typeof findInterview>>>;

function findInterview(interviewId: string) {
  return db.interview.findUnique({ where: { id: interviewId }, select: interviewSelect });
}

export interface RoomAccess {
  interview: InterviewRecord;
  participant: RoomParticipant;
  /** The viewer's role in the team; null for a guest. */
  teamRole: TeamRole | null;
}

export const NO_SUCH_INTERVIEW = "There is no such interview, or you are not one of its participants. Ask its interviewer for the link.";

export async function teamRoleOf(userId: string, organizationId: string): Promise<TeamRole | null> {
  const member = await db.member.findUnique({ where: { organizationId_userId: { organizationId, userId } }, select: { role: true } });
  return (member?.role as TeamRole | undefined) ?? null;
}

/** The viewer's place in the interview's room, or null when they have none. */
export async function findRoomAccess({ interviewId, viewer }: { interviewId: string; viewer: Viewer }): Promise<RoomAccess | null> {
  if (!/^[\w-]{1,64}$/.test(interviewId)) return null;
  const interview = await findInterview(interviewId);
  if (!interview) return null;
  if (viewer.user) {
    const teamRole = await teamRoleOf(viewer.user.id, interview.organizationId);
    const asMember = (role: RoomParticipant["role"]): RoomAccess => ({
      interview,
      teamRole,
      participant: { kind: "member", id: viewer.user!.id, name: viewer.user!.name, role },
    });
    const role = memberRoomRole(teamRole, viewer.user.id, interview);
    if (role) return asMember(role);
  }
  if (viewer.guestId && guestMayEnter(interview)) {
    const guest = await db.interviewGuest.findFirst({ where: { id: viewer.guestId, interviewId }, select: { id: true, name: true } });
    if (guest) return { interview, teamRole: null, participant: { kind: "guest", id: guest.id, name: guest.name, role: "candidate" } };
  }
  return null;
}

export async function requireRoomAccess(options: { interviewId: string; viewer: Viewer }): Promise<RoomAccess> {
  const access = await findRoomAccess(options);
  if (!access) throw new AppError("NOT_FOUND", NO_SUCH_INTERVIEW);
  return access;
}

export async function requireInterviewer(options: { interviewId: string; viewer: Viewer }): Promise<RoomAccess> {
  const access = await requireRoomAccess(options);
  if (access.participant.role !== "interviewer") throw new AppError("FORBIDDEN", "Only the interview's interviewers can do that.");
  return access;
}

/** The viewer of an HTTP API request (route handlers): its session's user and this interview's guest cookie. */
export async function viewerFromRequest(request: Request, interviewId: string): Promise<Viewer> {
  const user = await lookUpSession(request.headers);
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === guestCookieName(interviewId));
  const value = cookie ? decodeURIComponent(cookie.slice(1).join("=")) : undefined;
  return { user: user && { id: user.id, name: user.name }, guestId: guestIdFromCookie(interviewId, value) };
}

/** The viewer of this request (server components and actions): the session's user and this interview's guest cookie. */
export async function currentViewer(interviewId: string): Promise<Viewer> {
  const [user, jar] = await Promise.all([getCurrentUser(), cookies()]);
  return { user: user && { id: user.id, name: user.name }, guestId: guestIdFromCookie(interviewId, jar.get(guestCookieName(interviewId))?.value) };
}

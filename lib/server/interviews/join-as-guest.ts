import "server-only";
import { isGuestLinkToken } from "@/lib/auth/guest-link";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { interviewPhase } from "@/lib/interviews/interview-phase";

export const GUEST_LINK_INVALID = "This interview link is not valid: check that you opened the whole link the interviewer shared, or ask them for it again.";
export const GUEST_LINK_EXPIRED = "This interview has ended, and its link with it.";

/** What a guest link's page shows: the interview it opens, when the link is good. */
export async function getGuestInvitation({ interviewId, token }: { interviewId: string; token: unknown }) {
  if (!/^[\w-]{1,64}$/.test(interviewId) || !isGuestLinkToken(interviewId, token)) throw new AppError("NOT_FOUND", GUEST_LINK_INVALID);
  const interview = await db.interview.findUnique({
    where: { id: interviewId },
    select: { id: true, title: true, candidateUserId: true, startedAt: true, endsAt: true, endedAt: true, organization: { select: { name: true } } },
  });
  // An interview whose candidate is a member has no guest.
  if (!interview || interview.candidateUserId !== null) throw new AppError("NOT_FOUND", GUEST_LINK_INVALID);
  if (interviewPhase(interview) === "finished") throw new AppError("FORBIDDEN", GUEST_LINK_EXPIRED);
  return { id: interview.id, title: interview.title, teamName: interview.organization.name };
}

/** Admits a guest by the interview's link under the name they gave; the caller sets the guest cookie. */
export async function joinAsGuest(options: { interviewId: string; token: string; name: string }): Promise<{ guestId: string }> {
  await getGuestInvitation(options);
  const guest = await db.interviewGuest.create({ data: { interviewId: options.interviewId, name: options.name }, select: { id: true } });
  return { guestId: guest.id };
}

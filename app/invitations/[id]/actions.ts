"use server";
// Answering an invitation from its link's page: better-auth's endpoint, with the link's token.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/server";

export async function answerInvitationAction(formData: FormData): Promise<void> {
  const invitationId = String(formData.get("invitationId") ?? "");
  const token = String(formData.get("token") ?? "");
  const accept = formData.get("answer") === "accept";
  const body = { invitationId, token } as { invitationId: string };
  const page = `/invitations/${encodeURIComponent(invitationId)}?token=${encodeURIComponent(token)}`;
  try {
    if (accept) await auth.api.acceptInvitation({ body, headers: await headers() });
    else await auth.api.rejectInvitation({ body, headers: await headers() });
  } catch (error) {
    const message = error instanceof Error && error.message ? error.message : "The invitation could not be answered.";
    redirect(`${page}&problem=${encodeURIComponent(message)}`);
  }
  redirect(accept ? "/interviews" : page);
}

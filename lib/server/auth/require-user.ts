import "server-only";
import { redirect } from "next/navigation";
import { type CurrentUser, getCurrentUser } from "@/lib/server/auth/get-current-user";

/** The signed-in user; anyone else is sent to sign in and brought back to `returnTo` afterwards. */
export async function requireUser(options: { returnTo: string }): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(options.returnTo)}`);
  return user;
}

import "server-only";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/server";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user of this request, or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, name, email } = session.user;
  return { id, name, email };
}

import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth/server";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user of this request, or null; looked up once per request (layout and page share it). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, name, email } = session.user;
  return { id, name, email };
});

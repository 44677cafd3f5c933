import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { lookUpSession } from "@/lib/server/auth/look-up-session";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user of this request, or null; looked up once per request (layout and page share it). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  return lookUpSession(await headers());
});

import "server-only";
import { lookUpSession } from "@/lib/server/auth/look-up-session";
import { AppError } from "@/lib/errors";

/** The user behind an API request (session cookie), or a 401 that says what to do. */
export async function requireApiUser(request: Request): Promise<{ id: string; name: string }> {
  const user = await lookUpSession(request.headers);
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in first: this endpoint needs a signed-in user.");
  return { id: user.id, name: user.name };
}

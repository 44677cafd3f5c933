import "server-only";
import { auth } from "@/lib/auth/server";
import { AppError } from "@/lib/errors";

/** The user behind an API request (session cookie), or a 401 that says what to do. */
export async function requireApiUser(request: Request): Promise<{ id: string }> {
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in first: this endpoint needs a signed-in user.");
  return { id: session.user.id };
}

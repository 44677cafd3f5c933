// Pages prerendered the same for everyone that only a signed-in user has any use for: the browser fills
// them in from an API that checks the session. A visitor without a session cookie who opens one is sent
// to sign in before the page is served (and brought back after). Whether a cookie is still valid, the
// API decides, and on its 401 the page sends the visitor to sign in itself; so it does for the app's own
// navigations (RSC requests), which are left alone here: the router keeps a prerendered page's payload,
// and a redirect kept for a prefetch made while signed out would still send the user to sign in after. Checked here, in osprep's web server,
// because a Next.js proxy would cost a prerendered page a third of its serving time.
import type { IncomingMessage } from "node:http";
import { getSessionCookie } from "better-auth/cookies";

export const SIGNED_IN_PAGES: readonly string[] = ["/dashboard"];

/** Where to send this request first (a sign-in address), or null to serve it. */
export function signInFirst(request: Pick<IncomingMessage, "url" | "headers">): string | null {
  const url = request.url ?? "/";
  const pathname = url.split("?", 1)[0]!;
  if (!SIGNED_IN_PAGES.includes(pathname) || request.headers.rsc !== undefined) return null;
  if (getSessionCookie(new Headers({ cookie: request.headers.cookie ?? "" }))) return null;
  return `/sign-in?${new URLSearchParams({ next: pathname })}`;
}

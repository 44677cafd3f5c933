import "server-only";
// Writes authenticated by the session cookie come from osprep's own pages only. A browser sends the
// cookie along with a form or fetch from any site; it also says where the request came from (Origin,
// Sec-Fetch-Site), and it lets another site send JSON only after a preflight osprep never answers.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const ownOrigin = () => new URL(env.OSPREP_URL).origin;

/** Refuses a request a browser says came from another site. */
export function requireSameSite(request: Request): void {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if ((origin !== null && origin !== ownOrigin()) || site === "cross-site") {
    throw new AppError("FORBIDDEN", `Requests to osprep's API come from osprep's own pages (${ownOrigin()}); this one came from ${origin ?? "another site"}.`);
  }
}

/** Same site, and a JSON body: a content type no other site can send without osprep's permission. */
export function requireSameSiteJson(request: Request): void {
  requireSameSite(request);
  const type = request.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the body as JSON with Content-Type: application/json${type ? `, not ${type}` : ""}.`);
  }
}

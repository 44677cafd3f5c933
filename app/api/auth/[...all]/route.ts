// GET|POST /api/auth/* — better-auth's own endpoints (sign up, sign in, sign out, session, teams).
// A POST's body is read here first, within a budget, so no oversized body reaches memory whole.
import { toNextJsHandler } from "better-auth/next-js";
import { apiRoute } from "@/lib/api/route-handler";
import { readBodyWithin } from "@/lib/api/read-body";
import { requireSameSite } from "@/lib/api/same-origin";
import { auth } from "@/lib/auth/server";

/** Far above any sign-up, sign-in or team request. */
const MAX_BODY_BYTES = 64 * 1024;

const handlers = toNextJsHandler(auth);

export const GET = handlers.GET;

export const POST = apiRoute(async (request) => {
  requireSameSite(request);
  const body = await readBodyWithin(request, MAX_BODY_BYTES, "The request is too large for an account or team request.");
  return handlers.POST(new Request(request.url, { method: "POST", headers: request.headers, body, signal: request.signal }));
});

// GET|POST /api/auth/* — better-auth's own endpoints (sign up, sign in, sign out, session, teams).
// A POST's body is read here first, within a budget, so no oversized body reaches memory whole;
// a NUL anywhere (which the database refuses in text) is a 400 before better-auth sees it.
import { toNextJsHandler } from "better-auth/next-js";
import { apiRoute } from "@/lib/api/route-handler";
import { readBodyWithin } from "@/lib/api/read-body";
import { requireSameSite } from "@/lib/api/same-origin";
import { auth } from "@/lib/auth/server";
import { AppError } from "@/lib/errors";

/** Far above any sign-up, sign-in or team request. */
const MAX_BODY_BYTES = 64 * 1024;

const handlers = toNextJsHandler(auth);

const NUL_REFUSED = "Text sent to osprep cannot contain a NUL character (\\0).";

export const GET = apiRoute(async (request) => {
  if ([...new URL(request.url).searchParams].some(([name, value]) => holdsNulText(name) || holdsNulText(value))) {
    throw new AppError("BAD_REQUEST", NUL_REFUSED);
  }
  return handlers.GET(request);
});

export const POST = apiRoute(async (request) => {
  requireSameSite(request);
  const body = await readBodyWithin(request, MAX_BODY_BYTES, "The request is too large for an account or team request.");
  if (holdsNul(body)) throw new AppError("BAD_REQUEST", NUL_REFUSED);
  return handlers.POST(new Request(request.url, { method: "POST", headers: request.headers, body, signal: request.signal }));
});

const holdsNulText = (text: string) => text.includes("\u0000");

/** A NUL byte, or a JSON body with a NUL in any string or key (written \u0000). */
function holdsNul(body: Uint8Array): boolean {
  if (body.includes(0)) return true;
  const text = new TextDecoder().decode(body);
  if (!/\\u0000/i.test(text)) return false;
  try {
    return holdsNulValue(JSON.parse(text));
  } catch {
    return false; // not JSON: better-auth refuses it
  }
}

function holdsNulValue(value: unknown): boolean {
  if (typeof value === "string") return holdsNulText(value);
  if (Array.isArray(value)) return value.some(holdsNulValue);
  if (value && typeof value === "object") return Object.entries(value).some(([key, inner]) => holdsNulText(key) || holdsNulValue(inner));
  return false;
}

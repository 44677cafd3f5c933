import "server-only";
// The rules better-auth's own endpoints do not hold, enforced around them for every caller (the
// forms, the HTTP API, anything else): names, emails and passwords as account-rules.ts says;
// sign-in and sign-up throttled per client address and sign-in per account; team roles only
// osprep's three; invitations accepted or declined only through their link's token.
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { getSessionCookie } from "better-auth/cookies";
import { emailProblem, NAME_MAX_LENGTH, nameProblem, passwordProblem } from "@/lib/auth/account-rules";
import { invitationLink, isInvitationToken } from "@/lib/auth/invitation-link";
import { forgetSession, forgetSessionsOf } from "@/lib/auth/session-memory";
import { teamRoles } from "@/lib/auth/roles";
import { countAttempt, forgetAttempts, type ThrottleRule } from "@/lib/auth/throttle";

/** Sign-in attempts from one address: enough for a classroom behind one router, too few to guess. */
export const SIGN_INS_PER_ADDRESS: ThrottleRule = { max: 30, windowSeconds: 15 * 60 };
/** Attempts at one account since its last right password, from anywhere. */
export const SIGN_INS_PER_ACCOUNT: ThrottleRule = { max: 10, windowSeconds: 15 * 60 };
/** New accounts from one address (each account has its own grading quota). */
export const SIGN_UPS_PER_ADDRESS: ThrottleRule = { max: 10, windowSeconds: 60 * 60 };

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

const body = (ctx: HookContext): Record<string, unknown> => (ctx.body && typeof ctx.body === "object" ? (ctx.body as Record<string, unknown>) : {});

function refuse(problem: string | null): void {
  if (problem) throw new APIError("BAD_REQUEST", { code: "INVALID_INPUT", message: problem });
}

/** The client, as osprep's web server wrote it (one address; see lib/web-server/client-address.ts). */
function clientAddress(ctx: HookContext): string {
  return ctx.headers?.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

async function throttle(key: string, rule: ThrottleRule, message: string): Promise<void> {
  const answer = await countAttempt(key, rule);
  if (answer.allowed) return;
  const minutes = Math.ceil(answer.retryAfterSeconds / 60);
  throw new APIError(
    "TOO_MANY_REQUESTS",
    { code: "RATE_LIMITED", message: `${message} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` },
    { "Retry-After": String(answer.retryAfterSeconds) },
  );
}

const TEAM_NAME_PROBLEM = `Give the team a name of 1 to ${NAME_MAX_LENGTH} characters.`;

const accountKey = (email: unknown) => `sign-in:account:${String(email).trim().toLowerCase().slice(0, 320)}`;

/** "owner", "interviewer,candidate" or ["candidate"]: every one must be one of osprep's roles. */
function roleProblem(role: unknown): string | null {
  const roles = Array.isArray(role) ? role : typeof role === "string" ? role.split(",") : [];
  const known = Object.keys(teamRoles);
  const unknown = roles.map((r) => String(r).trim()).filter((r) => !known.includes(r));
  if (roles.length === 0 || unknown.length > 0) return `A team role is one of ${known.join(", ")}${unknown.length ? `, not ${unknown.join(", ")}` : ""}.`;
  return null;
}

export const beforeAuthHook = createAuthMiddleware(async (ctx) => {
  const input = body(ctx);
  switch (ctx.path) {
    case "/sign-up/email":
      refuse(nameProblem(input.name));
      refuse(emailProblem(input.email));
      refuse(passwordProblem(input.password));
      await throttle(`sign-up:address:${clientAddress(ctx)}`, SIGN_UPS_PER_ADDRESS, "Too many new accounts from your network.");
      return { context: { body: { ...input, name: String(input.name).trim() } } };
    case "/sign-in/email":
      await throttle(`sign-in:address:${clientAddress(ctx)}`, SIGN_INS_PER_ADDRESS, "Too many sign-in attempts from your network.");
      await throttle(accountKey(input.email), SIGN_INS_PER_ACCOUNT, "Too many sign-in attempts for this account.");
      return;
    case "/update-user":
      if (!("name" in input)) return;
      refuse(nameProblem(input.name));
      return { context: { body: { ...input, name: String(input.name).trim() } } };
    case "/change-password":
    case "/reset-password":
      refuse(passwordProblem(input.newPassword));
      return;
    case "/organization/create":
      refuse(nameProblem(input.name) && TEAM_NAME_PROBLEM);
      return;
    case "/organization/update": {
      const data = (input.data ?? {}) as Record<string, unknown>;
      if ("name" in data) refuse(nameProblem(data.name) && TEAM_NAME_PROBLEM);
      return;
    }
    case "/organization/invite-member":
    case "/organization/update-member-role":
    case "/organization/add-member":
      refuse(roleProblem(input.role));
      return;
    case "/organization/accept-invitation":
    case "/organization/reject-invitation":
      if (!isInvitationToken(input.invitationId, input.token)) {
        throw new APIError("FORBIDDEN", {
          code: "INVITATION_LINK_REQUIRED",
          message: "Open the invitation's link to answer it: the link the person who invited you shared.",
        });
      }
      return;
  }
});

/** Endpoints after which a remembered session may be wrong: signed out, revoked, or its user's name or password changed. */
const SESSION_CHANGES = new Set([
  "/sign-out",
  "/update-user",
  "/change-password",
  "/change-email",
  "/set-password",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
  "/delete-user",
]);

export const afterAuthHook = createAuthMiddleware(async (ctx) => {
  const returned = ctx.context.returned;
  if (isAPIError(returned) || returned === undefined) return;
  if (SESSION_CHANGES.has(ctx.path)) {
    const token = ctx.headers && getSessionCookie(ctx.headers);
    if (token) forgetSession(token);
    const userId = ctx.context.session?.user.id;
    if (userId) forgetSessionsOf(userId);
  }
  if (ctx.path === "/sign-in/email") {
    // The right password: the wrong ones before it no longer count against the account.
    await forgetAttempts(accountKey(body(ctx).email));
  }
  if (ctx.path === "/organization/invite-member" && typeof returned === "object" && returned && "id" in returned) {
    // osprep sends no mail: the inviter gets the link to share.
    return ctx.json({ ...returned, link: invitationLink(String(returned.id)) });
  }
});

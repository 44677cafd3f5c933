// better-auth on Prisma: email + password accounts, httpOnly session cookies, teams (organizations).
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins/organization";
import { db } from "@/lib/db";
import { env, requireAuthSecret } from "@/lib/env";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/account-rules";
import { afterAuthHook, beforeAuthHook } from "@/lib/auth/hooks";
import { accessControl, teamRoles } from "@/lib/auth/roles";

export const auth = betterAuth({
  appName: "osprep",
  baseURL: env.OSPREP_URL,
  secret: requireAuthSecret(),
  database: prismaAdapter(db, { provider: "postgresql" }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: PASSWORD_MIN_LENGTH,
    maxPasswordLength: PASSWORD_MAX_LENGTH,
    autoSignIn: true,
  },
  session: {
    expiresIn: 60 * 60 * 24 * 30,
    updateAge: 60 * 60 * 24,
    // A signed cookie carries the session for a minute, sparing a database lookup on every page;
    // a sign-out elsewhere takes effect within that minute.
    cookieCache: { enabled: true, maxAge: 60 },
  },
  hooks: { before: beforeAuthHook, after: afterAuthHook },
  // osprep's throttles (lib/auth/hooks.ts) count in the database, shared by every web process and
  // said in one message; better-auth's own in-memory limiter would be a second, per-process one.
  rateLimit: { enabled: false },
  // better-auth's own warnings (a wrong password) go to the console unless osprep's logs are off.
  logger: { disabled: env.LOG_LEVEL === "silent" },
  advanced: {
    // Secure cookies follow the URL people use: https in production, plain http on localhost.
    useSecureCookies: env.OSPREP_URL.startsWith("https://"),
    // osprep's web server writes the client's address here, and only that (lib/web-server/serve.ts).
    ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
  },
  plugins: [
    organization({ ac: accessControl, roles: teamRoles, creatorRole: "owner" }),
    // Lets server actions set the session cookie; must stay the last plugin.
    nextCookies(),
  ],
});

export type AuthSession = typeof auth.$Infer.Session;

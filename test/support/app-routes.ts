// Calls the app's real route handlers in-process, as Next.js would, for integration tests.
import { createHash } from "node:crypto";
import { createMigratedDatabase } from "@/test/support/database";

export const TEST_BASE_URL = "http://localhost:3000";

/** Points the app's modules at a fresh database; call before importing any of them. */
export async function useFreshAppDatabase(prefix: string): Promise<string> {
  const databaseUrl = await createMigratedDatabase(prefix);
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: "test-secret-that-is-long-enough-0123456789",
    OSPREP_URL: TEST_BASE_URL,
    LOG_LEVEL: "silent",
  });
  return databaseUrl;
}

export function jsonRequest(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${TEST_BASE_URL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: TEST_BASE_URL, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/**
 * A client address of its own for each name (10.x.y.z), written where osprep's web server writes the
 * client's address: tests play many people, not one address making many accounts.
 */
export function clientAddressOf(name: string): string {
  const hash = createHash("sha256").update(name).digest();
  return `10.${hash[0]}.${hash[1]}.${hash[2]}`;
}

/** Signs up a new user through the real auth route and returns its session cookie. */
export async function signUp(email: string): Promise<string> {
  const { POST } = await import("@/app/api/auth/[...all]/route");
  const request = jsonRequest(
    "/api/auth/sign-up/email",
    { name: email.split("@")[0], email, password: "a good passphrase" },
    { "x-forwarded-for": clientAddressOf(email) },
  );
  const response = await POST(request);
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return sessionCookie(response);
}

/** The session cookie a response sets, as a request's Cookie header; throws when it sets none. */
export function sessionCookie(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  if (!setCookie) throw new Error(`no session cookie was set (status ${response.status})`);
  return setCookie.split(";")[0]!;
}

/**
 * A POST whose body is a chunked stream of `totalBytes` (no Content-Length), counting how much of
 * it the handler pulled: a handler that stops at its budget pulls little of a huge body.
 */
export function streamedRequest(path: string, totalBytes: number, headers: Record<string, string> = {}): { request: Request; pulledBytes: () => number } {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request(`${TEST_BASE_URL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: TEST_BASE_URL, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulledBytes: () => pulled };
}

// osprep's web server (lib/web-server/serve.ts) over plain HTTP: what it settles before Next.js sees
// a request: whether the path is well-formed, and who the client is.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RunningWebServer, startWebServer } from "@/e2e/support/web-server";
import { createMigratedDatabase } from "@/test/support/database";

const appUrl = () => inject("appUrl");

function signUp(base: string, email: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ name: "Client", email, password: "a good passphrase" }),
  });
}

const unique = (name: string) => `${name}-${randomBytes(4).toString("hex")}@example.com`;

describe("paths", () => {
  it.each(["/api/submissions/%FF", "/api/submissions/%C0%AF", "/exercises/%FF", "/%E0%A4%A"])("answers %s (not UTF-8 once decoded) with 400", async (path) => {
    const response = await fetch(`${appUrl()}${path}`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("percent-encoding");
  });

  it("answers a submission id holding a NUL with 404, for its owner too", async () => {
    const signedUp = await signUp(appUrl(), unique("nul"), { "x-forwarded-for": "198.51.100.77" });
    expect(signedUp.status).toBe(200);
    const cookie = signedUp.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    for (const path of ["/api/submissions/%00", "/api/submissions/a%00b/events"]) {
      expect((await fetch(`${appUrl()}${path}`, { headers: { cookie } })).status, path).toBe(404);
    }
  });
});

describe("the client's address", () => {
  let untrusting: RunningWebServer;

  beforeAll(async () => {
    // A server as osprep starts by default: no proxy trusted. Its own database keeps its counts apart.
    untrusting = await startWebServer({ databaseUrl: await createMigratedDatabase("web_server"), authSecret: randomBytes(32).toString("hex") });
  }, 90_000);

  afterAll(() => untrusting?.stop());

  it("is the peer's when no proxy is trusted: a client writing a new X-Forwarded-For per sign-up is still one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signUp(untrusting.url, unique("spoof"), { "x-forwarded-for": `192.0.2.${i + 1}` })).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429, 429]);
  });

  it("is what a trusted proxy forwarded (here the loopback is trusted): addresses are counted apart", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signUp(appUrl(), unique("proxied"), { "x-forwarded-for": "203.0.113.200" })).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    expect((await signUp(appUrl(), unique("proxied"), { "x-forwarded-for": "203.0.113.201" })).status).toBe(200);
  });
});

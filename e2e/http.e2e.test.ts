// The running app over plain HTTP: what a client without a browser sees.
import { describe, expect, inject, it } from "vitest";

const get = (path: string, init?: RequestInit) => fetch(`${inject("appUrl")}${path}`, { redirect: "manual", ...init });

describe("the running app", () => {
  it("serves the landing page", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("osprep is a self-hosted practice platform");
  });

  it("reports itself healthy with its database", async () => {
    const response = await get("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok", grading: "ok" });
  });

  it("sends an anonymous caller of a protected page to sign in, remembering where they were going", async () => {
    const response = await get("/dashboard");
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!, inject("appUrl"));
    expect(`${location.pathname}${location.search}`).toBe("/sign-in?next=%2Fdashboard");
  });

  it("answers an unknown page with 404", async () => {
    expect((await get("/no-such-page")).status).toBe(404);
  });
});

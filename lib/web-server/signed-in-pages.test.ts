import { describe, expect, it } from "vitest";
import { signInFirst } from "@/lib/web-server/signed-in-pages";

const request = (url: string, cookie?: string) => ({ url, headers: cookie === undefined ? {} : { cookie } });

describe("a page only signed-in users see", () => {
  it("sends a visitor without a session cookie to sign in, remembering the page (not its query)", () => {
    expect(signInFirst(request("/dashboard"))).toBe("/sign-in?next=%2Fdashboard");
    expect(signInFirst(request("/dashboard?tab=history"))).toBe("/sign-in?next=%2Fdashboard");
    expect(signInFirst(request("/dashboard", "theme=dark; other=1"))).toBe("/sign-in?next=%2Fdashboard");
    expect(signInFirst(request("/dashboard", "better-auth.session_token="))).toBe("/sign-in?next=%2Fdashboard");
  });

  it("serves it to whoever has a session cookie, over http or https (the API checks that it is valid)", () => {
    expect(signInFirst(request("/dashboard", "better-auth.session_token=abc.sig"))).toBeNull();
    expect(signInFirst(request("/dashboard", "theme=dark; __Secure-better-auth.session_token=abc.sig"))).toBeNull();
  });

  it("leaves the app's own navigations to it to the page (its payload is kept by the router)", () => {
    expect(signInFirst({ url: "/dashboard?_rsc=1x2y", headers: { rsc: "1" } })).toBeNull();
    expect(signInFirst({ url: "/dashboard", headers: { rsc: "1", "next-router-prefetch": "1" } })).toBeNull();
  });

  it("leaves every other page alone", () => {
    for (const url of ["/", "/roadmap", "/exercises/bankers-algorithm", "/api/progress/dashboard", "/dashboards", "/sign-in?next=%2Fdashboard"])
      expect(signInFirst(request(url))).toBeNull();
  });
});

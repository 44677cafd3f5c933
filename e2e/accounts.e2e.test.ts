import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { clientAddressOf } from "@/test/support/app-routes";
import { ARTIFACTS_DIR, uniqueEmail, useBrowser } from "@/e2e/support/browser";

const openContext = useBrowser();

describe("accounts in the browser", () => {
  it("a new user signs up, lands signed in, stays signed in across a reload, and signs out", async () => {
    const { page } = await openContext();
    const email = uniqueEmail("linus");

    await page.goto("/");
    await page.getByRole("link", { name: "Sign up" }).first().click();
    await page.waitForURL("**/sign-up");
    await page.getByLabel("Name").fill("Linus");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("freax-1991-minix");
    await page.getByRole("button", { name: "Create account" }).click();

    await page.waitForURL("**/dashboard");
    await page.getByRole("heading", { name: "Hello, Linus" }).waitFor();
    await expect(page.getByTestId("signed-in-as").textContent()).resolves.toBe("Linus");
    await expect(page.getByTestId("signed-in-as").getAttribute("title")).resolves.toBe(email);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "dashboard-signed-in.png"), fullPage: true });

    await page.reload();
    await expect(page.getByTestId("signed-in-as").textContent()).resolves.toBe("Linus");
    await expect(page.getByTestId("signed-in-as").getAttribute("title")).resolves.toBe(email);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("link", { name: "Sign in" }).first().waitFor();
    expect(await page.getByTestId("signed-in-as").count()).toBe(0);

    await page.goto("/dashboard");
    await page.waitForURL("**/sign-in?next=%2Fdashboard");
  });

  it("tells a user who mistypes their password, and signs them in to where they were going", async () => {
    const { page } = await openContext();
    const email = uniqueEmail("ken");
    const signUp = await page.request.post("/api/auth/sign-up/email", {
      data: { name: "Ken", email, password: "unix-since-1969" },
      headers: { origin: inject("appUrl"), "x-forwarded-for": clientAddressOf(email) },
    });
    expect(signUp.ok()).toBe(true);
    await page.context().clearCookies();

    await page.goto("/dashboard");
    await page.waitForURL("**/sign-in?next=%2Fdashboard");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("multics");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match" }).waitFor()).resolves.toBeUndefined();

    await page.getByLabel("Password").fill("unix-since-1969");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/dashboard");
    await page.getByRole("heading", { name: "Hello, Ken" }).waitFor();
  });

  it("gives the sign-in and sign-up fields the autocomplete a password manager needs", async () => {
    const { page } = await openContext();
    const autocomplete = (label: string) => page.getByLabel(label, { exact: true }).getAttribute("autocomplete");
    await page.goto("/sign-up");
    expect([await autocomplete("Name"), await autocomplete("Email"), await autocomplete("Password")]).toEqual(["name", "email", "new-password"]);
    await page.goto("/sign-in");
    expect([await autocomplete("Email"), await autocomplete("Password")]).toEqual(["email", "current-password"]);
  });

  it("shows what is wrong with a sign-up form before sending it", async () => {
    const { page } = await openContext();
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Tell us what to call you.").waitFor();
    await page.getByText("Enter a valid email address.").waitFor();
    await page.getByText("Use at least 8 characters.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-up");
  });

  it("loads every page from the app's own host only", async () => {
    const { page } = await openContext({ colorScheme: "dark" });
    const appHost = new URL(inject("appUrl")).host;
    const outside: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["data:", "blob:"].includes(url.protocol) && url.host !== appHost) outside.push(request.url());
    });
    for (const route of ["/", "/sign-up", "/sign-in", "/exercises", "/roadmap", "/interviews"]) {
      const response = await page.goto(route);
      expect(response?.status(), route).toBe(200);
    }
    await page.goto("/");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "landing-dark.png"), fullPage: true });
    expect(outside).toEqual([]);
  });
});

// The catalog and the landing page in Chromium: search that forgives typos, filters kept in the
// address (reload, Back), titles sorted as read, "/" to search; landing cards that open exercises.
import { describe, expect, it } from "vitest";
import { useBrowser } from "@/e2e/support/browser";

const openContext = useBrowser();

describe("the catalog", () => {
  it("finds 'bankers' and 'dedlock', keeps its filters in the address across a reload and Back, and focuses search on '/'", async () => {
    const { page } = await openContext();
    await page.goto("/exercises");
    const cards = page.getByRole("list", { name: "Exercises" }).getByRole("heading", { level: 2 });
    // Titles as a reader sorts them: "An epoll key-value server" under E.
    const titles = await cards.allTextContents();
    expect(titles.indexOf("An epoll key-value server")).toBeGreaterThan(titles.findIndex((title) => title.startsWith("Echo")));
    expect(titles[0]).toBe("Banker's algorithm");

    await page.locator("main h1").click(); // focus on the page, not in a field
    await page.keyboard.press("/");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("search");
    await page.keyboard.type("bankers");
    await expect(cards.first().textContent()).resolves.toBe("Banker's algorithm");
    await page.waitForURL("**/exercises?q=bankers");

    await page.getByLabel(/^Search/).fill("dedlock");
    await page.getByLabel("Language").selectOption("go");
    await page.waitForURL("**/exercises?q=dedlock&language=go");
    await expect(cards.allTextContents()).resolves.toEqual(["Deadlock detection", "Banker's algorithm"]);

    await page.reload();
    await expect(page.getByLabel(/^Search/).inputValue()).resolves.toBe("dedlock");
    await expect(page.getByLabel("Language").inputValue()).resolves.toBe("go");
    await expect(cards.allTextContents()).resolves.toEqual(["Deadlock detection", "Banker's algorithm"]);

    await cards.filter({ hasText: "Banker's algorithm" }).click();
    await page.waitForURL("**/exercises/bankers-algorithm");
    await page.goBack();
    await page.waitForURL("**/exercises?q=dedlock&language=go");
    await expect(page.getByLabel(/^Search/).inputValue()).resolves.toBe("dedlock");
    await expect(cards.allTextContents()).resolves.toEqual(["Deadlock detection", "Banker's algorithm"]);

    // A word in no exercise says so.
    await page.getByLabel(/^Search/).fill("kubernetes");
    await page.getByText("No exercise matches these filters").waitFor();
  });
});

describe("the landing page", () => {
  it("opens each exercise from its card, and claims nothing osprep does not do yet", async () => {
    const { page } = await openContext();
    await page.goto("/");
    for (const [title, slug] of [
      ["Banker's algorithm", "bankers-algorithm"],
      ["Producer–consumer", "producer-consumer"],
      ["LRU pager", "lru-pager"],
      ["epoll server", "epoll-server"],
    ]) {
      await expect(page.getByRole("link", { name: new RegExp(`^${title}`) }).getAttribute("href")).resolves.toBe(`/exercises/${slug}`);
    }
    await page.getByRole("link", { name: /^LRU pager/ }).click();
    await page.waitForURL("**/exercises/lru-pager");
    await page.goBack();
    expect(await page.locator("main").textContent()).not.toMatch(/scorecard|replay|shared live editor|mock interview/i);
  });
});

import { describe, expect, it } from "vitest";
import { byTitle, searchCatalog } from "@/lib/exercises/catalog-search";

const entry = (title: string, summary: string, ...topics: string[]) => ({ title, summary, topics: topics.map((t) => ({ title: t })) });
const catalog = [
  entry("An epoll key-value server", "A single-threaded, non-blocking TCP server on epoll.", "select, poll, epoll and event loops", "Sockets and TCP"),
  entry("Banker's algorithm", "Decide resource requests the way a deadlock-avoiding kernel would.", "Deadlock prevention, avoidance and detection"),
  entry("Echo with read(2) and write(2)", "Copy lines from one file descriptor to another with raw system calls.", "File descriptors, buffering and caching"),
  entry("LRU pager", "Simulate demand paging with least-recently-used replacement.", "Demand paging and page replacement"),
  entry(
    "Producer–consumer bounded buffer",
    "Build the bounded blocking buffer with a mutex and condition variables.",
    "Mutexes, semaphores and condition variables",
  ),
];
const titles = (query: string) => searchCatalog(catalog, query).map((e) => e.title);

describe("catalog search", () => {
  it("finds through a dropped apostrophe, plurals and typos", () => {
    expect(titles("bankers")[0]).toBe("Banker's algorithm");
    expect(titles("dedlock")).toEqual(["Banker's algorithm"]);
    expect(titles("semaphore")).toEqual(["Producer–consumer bounded buffer"]);
    expect(titles("mutexes")).toEqual(["Producer–consumer bounded buffer"]);
    expect(titles("epol")[0]).toBe("An epoll key-value server");
    expect(titles("paging")[0]).toBe("LRU pager");
  });

  it("wants every word, and finds nothing for a word in no exercise", () => {
    expect(titles("epoll tcp")).toEqual(["An epoll key-value server"]);
    expect(titles("epoll deadlock")).toEqual([]);
    expect(titles("kubernetes")).toEqual([]);
  });

  it("lists everything by title without a query, a leading article ignored", () => {
    expect(titles("  ")).toEqual([
      "Banker's algorithm",
      "Echo with read(2) and write(2)",
      "An epoll key-value server",
      "LRU pager",
      "Producer–consumer bounded buffer",
    ]);
    expect(byTitle([{ title: "The zebra" }, { title: "Apple" }, { title: "A moth" }]).map((e) => e.title)).toEqual(["Apple", "A moth", "The zebra"]);
  });
});

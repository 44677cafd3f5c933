import { describe, expect, it } from "vitest";
import { ArtifactCache } from "@/worker/artifact-cache";

const artifact = (bytes: number) => ({ language: "c" as const, tar: Buffer.alloc(bytes) });

describe("artifact cache", () => {
  it("drops the least recently used artifacts past its budget", () => {
    const cache = new ArtifactCache(300);
    cache.set("one", artifact(100));
    cache.set("two", artifact(100));
    cache.set("three", artifact(100));
    expect(cache.get("one")).toBeDefined(); // now the most recent
    cache.set("four", artifact(100));
    expect(cache.get("two")).toBeUndefined();
    expect(["one", "three", "four"].map((key) => cache.get(key) !== undefined)).toEqual([true, true, true]);
  });

  it("never keeps an artifact larger than the whole budget", () => {
    const cache = new ArtifactCache(50);
    cache.set("big", artifact(51));
    expect(cache.get("big")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { ArtifactCache, artifactKey } from "@/worker/artifact-cache";

const artifact = (bytes: number) => ({ language: "c" as const, tar: Buffer.alloc(bytes) });

describe("artifact cache", () => {
  it("keys by language and every file's name and content, not their order", () => {
    const a = { name: "a.c", content: "int a;" };
    const b = { name: "b.c", content: "int b;" };
    expect(artifactKey("c", [a, b])).toBe(artifactKey("c", [b, a]));
    expect(artifactKey("c", [a, b])).not.toBe(artifactKey("cpp", [a, b]));
    expect(artifactKey("c", [a, b])).not.toBe(artifactKey("c", [a, { ...b, content: "int b; " }]));
    expect(artifactKey("c", [a, b])).not.toBe(artifactKey("c", [a, { ...b, name: "c.c" }]));
    // A boundary moved between name and content is another input.
    expect(artifactKey("c", [{ name: "x", content: "yz" }])).not.toBe(artifactKey("c", [{ name: "xy", content: "z" }]));
  });

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

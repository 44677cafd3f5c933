import { describe, expect, it } from "vitest";
import { ArtifactCache } from "@/sandbox/docker/artifact-cache";
import type { CompileResult } from "@/sandbox/runner";

const artifact = (bytes: number) => ({ language: "c" as const, tar: Buffer.alloc(bytes) });
const compiles = (bytes: number) => async (): Promise<CompileResult> => ({ ok: true, artifact: artifact(bytes), output: "" });

describe("artifact cache", () => {
  it("drops the least recently used artifacts past its budget", async () => {
    const cache = new ArtifactCache(300);
    for (const key of ["one", "two", "three"]) await cache.compile(key, compiles(100));
    await cache.compile("one", compiles(100)); // now the most recent
    await cache.compile("four", compiles(100));
    expect(["one", "two", "three", "four"].map((key) => cache.has(key))).toEqual([true, false, true, true]);
  });

  it("never keeps an artifact larger than the whole budget, but hands it out", async () => {
    const cache = new ArtifactCache(50);
    const compiled = await cache.compile("big", compiles(51));
    expect(compiled.ok && compiled.artifact.tar.length).toBe(51);
    expect(cache.has("big")).toBe(false);
  });

  it("compiles once for two identical compiles asked for at once", async () => {
    const cache = new ArtifactCache();
    let compilations = 0;
    const slow = async (): Promise<CompileResult> => {
      compilations++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { ok: true, artifact: artifact(10), output: "" };
    };
    const [first, second] = await Promise.all([cache.compile("same", slow), cache.compile("same", slow)]);
    expect(compilations).toBe(1);
    expect(first.ok && second.ok && first.artifact === second.artifact).toBe(true);
  });

  it("keeps no failed compile: both callers get its output, the next call compiles again", async () => {
    const cache = new ArtifactCache();
    let compilations = 0;
    const failing = async (): Promise<CompileResult> => {
      compilations++;
      return { ok: false, output: "main.c:1: error" };
    };
    expect(await Promise.all([cache.compile("bad", failing), cache.compile("bad", failing)])).toEqual([
      { ok: false, output: "main.c:1: error" },
      { ok: false, output: "main.c:1: error" },
    ]);
    await cache.compile("bad", failing);
    expect(compilations).toBe(2);
  });
});

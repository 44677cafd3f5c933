import { describe, expect, it } from "vitest";
import { sourcesKey } from "@/sandbox/sources-key";

describe("sourcesKey", () => {
  it("keys by language and every file's name and content, not their order", () => {
    const a = { name: "a.c", content: "int a;" };
    const b = { name: "b.c", content: "int b;" };
    expect(sourcesKey("c", [a, b])).toBe(sourcesKey("c", [b, a]));
    expect(sourcesKey("c", [a, b])).not.toBe(sourcesKey("cpp", [a, b]));
    expect(sourcesKey("c", [a, b])).not.toBe(sourcesKey("c", [a, { ...b, content: "int b; " }]));
    expect(sourcesKey("c", [a, b])).not.toBe(sourcesKey("c", [a, { ...b, name: "c.c" }]));
    // A boundary moved between name and content is another input.
    expect(sourcesKey("c", [{ name: "x", content: "yz" }])).not.toBe(sourcesKey("c", [{ name: "xy", content: "z" }]));
  });
});

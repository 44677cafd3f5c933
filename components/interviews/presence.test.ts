import { describe, expect, it } from "vitest";
import { colorFor, cssString, presentPeople, remoteCursorStyles } from "@/components/interviews/presence";

describe("room presence", () => {
  it("lists people whose awareness says who they are, the viewer first, and ignores malformed states", () => {
    const states = new Map<number, Record<string, unknown>>([
      [3, { user: { name: "Zed", color: "#2563eb", role: "candidate" } }],
      [1, { user: { name: "Ann", color: "#db2777", role: "interviewer" } }],
      [2, { user: { name: "Me", color: "#16a34a", role: "interviewer" } }],
      [4, { user: { name: "Bad colour", color: "red; background: url(x)", role: "candidate" } }],
      [5, {}],
    ]);
    expect(presentPeople(states, 2).map((p) => [p.name, p.self])).toEqual([
      ["Me", true],
      ["Ann", false],
      ["Zed", false],
    ]);
  });

  it("gives a person the same colour every time", () => {
    expect(colorFor("user-1")).toBe(colorFor("user-1"));
    expect(colorFor("user-1")).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("writes a name into CSS so that no name can end the rule or the style element", () => {
    const evil = `"; } body { display: none } </style><script>x</script>`;
    const css = remoteCursorStyles([{ clientId: 7, name: evil, color: "#2563eb", role: "candidate", self: false }]);
    expect(css).not.toContain("</style>");
    expect(css).not.toMatch(/content: ".*";\s*}\s*body/);
    expect(cssString('a"b')).toBe('"a\\22 b"');
    expect(cssString("Grace Hopper")).toBe('"Grace Hopper"');
  });

  it("draws no cursor for the viewer themselves", () => {
    expect(remoteCursorStyles([{ clientId: 1, name: "Me", color: "#2563eb", role: "interviewer", self: true }])).toBe("");
  });
});

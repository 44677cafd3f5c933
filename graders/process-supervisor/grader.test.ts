import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSpec } from "@/graders/process-supervisor/checker";
import grader from "@/graders/process-supervisor/grader";

describe("process-supervisor grader", () => {
  const tests = grader.hiddenTests(grader.seed, "c");

  it("gives every hidden test an expected answer, so that the checker runs on it (an io test without one passes unread)", () => {
    for (const test of tests) expect(test.expected, test.name).toBeDefined();
  });

  it("writes specs the driver takes: a backoff, a grace, 1 to 32 children with different names and commands of at most 4,000 bytes", () => {
    for (const test of tests) {
      const spec = parseSpec(test.input);
      expect(spec, test.name).toBeDefined();
      expect(spec!.children.length).toBeLessThanOrEqual(32);
      expect(new Set(spec!.children.map((child) => child.name)).size).toBe(spec!.children.length);
      for (const child of spec!.children) expect(child.command.length).toBeLessThanOrEqual(4000);
      expect(test.input.split("\n").filter(Boolean)).toHaveLength(spec!.children.length + 2);
    }
  });

  it("covers the statement's checks: every policy, the backoff's cap and reset, process groups, the stubborn, SIGINT, 32 children, the CPU probe", () => {
    const inputs = tests.map((test) => test.input).join("\n");
    for (const policy of ["always", "on-failure", "never"]) expect(inputs).toContain(` ${policy} `);
    expect(inputs).toMatch(/^backoff 20 80$/m);
    expect(inputs).toContain("-g up");
    expect(inputs).toContain("ignores-term");
    expect(inputs).toContain("kill -INT $PPID");
    expect(tests.some((test) => parseSpec(test.input)!.children.length === 32)).toBe(true);
    expect(inputs).toContain("/proc/$PPID/stat");
    expect(inputs).toContain("State:.Z");
  });

  it("has the statement's examples as its public tests", () => {
    const readme = readFileSync("exercises/process-supervisor/README.md", "utf8");
    for (const example of [1, 2, 3]) {
      const input = readFileSync(`exercises/process-supervisor/examples/${example}.in`, "utf8");
      expect(parseSpec(input)).toBeDefined();
      expect(readme).toContain(input.trim());
    }
  });
});

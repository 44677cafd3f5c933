import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { IoTestCase } from "@/graders/core/types";
import { checkBanker } from "@/graders/bankers-algorithm/check";

const examples = path.join(import.meta.dirname, "../../exercises/bankers-algorithm/examples");
const example = (name: string, visibility: IoTestCase["visibility"] = "public"): IoTestCase => ({
  name: `example ${name}`,
  visibility,
  input: readFileSync(path.join(examples, `${name}.in`), "utf8"),
  expected: readFileSync(path.join(examples, `${name}.out`), "utf8"),
  description: "5 processes, 3 resource types, 9 operations",
});

/** The example's expected output with line `line` (1-based) replaced. */
function withLine(test: IoTestCase, line: number, text: string): string {
  const lines = test.expected!.trimEnd().split("\n");
  lines[line - 1] = text;
  return `${lines.join("\n")}\n`;
}

function rejection(test: IoTestCase, output: string): string {
  const outcome = checkBanker(test, output);
  if (outcome.ok) throw new Error("expected the output to be rejected");
  return outcome.message;
}

describe("bankers-algorithm checker", () => {
  it("accepts every example's own output", () => {
    for (const name of ["1", "2", "3"]) expect(checkBanker(example(name), example(name).expected!)).toEqual({ ok: true });
  });

  it("accepts any valid safe sequence, not only the reference's", () => {
    const textbook = example("1");
    expect(checkBanker(textbook, withLine(textbook, 1, "SAFE 3 1 4 2 0"))).toEqual({ ok: true });
    expect(checkBanker(textbook, withLine(textbook, 1, "SAFE 1 3 4 2 0"))).toEqual({ ok: true });
    const unsafeStart = example("3");
    expect(checkBanker(unsafeStart, withLine(unsafeStart, 6, "SAFE 3 1 2 0"))).toEqual({ ok: true });
  });

  it("ignores white space around tokens and Windows line ends", () => {
    const textbook = example("1");
    const spaced = textbook.expected!.replace(/ /g, "  ").replace(/\n/g, " \r\n");
    expect(checkBanker(textbook, spaced)).toEqual({ ok: true });
  });

  it("rejects a sequence in which a process cannot finish, saying where", () => {
    const message = rejection(example("1"), withLine(example("1"), 1, "SAFE 1 2 3 4 0"));
    expect(message).toBe(
      'Line 1, "SAFE?": expected a safe sequence such as "SAFE 1 3 4 0 2", got "SAFE 1 2 3 4 0": your safe sequence fails at position 2: process 2 needs more than is available then: it needs 6 0 0 and only 5 3 2 is free.',
    );
  });

  it("rejects short, repeated, out-of-range and non-numeric sequences", () => {
    const textbook = example("1");
    const fault = (sequence: string) => rejection(textbook, withLine(textbook, 1, sequence));
    expect(fault("SAFE 1 3 4 0")).toMatch(/lists 4 of the 5 processes \(process 2 is missing\)/);
    expect(fault("SAFE")).toMatch(/lists 0 of the 5 processes \(process 0 is missing\)/);
    expect(fault("SAFE 1 3 4 0 2 2")).toMatch(/names process 2 twice \(positions 5 and 6\)/);
    expect(fault("SAFE 1 3 3 4 0 2")).toMatch(/names process 3 twice \(positions 2 and 3\)/);
    expect(fault("SAFE 1 3 4 0 5")).toMatch(/"5" at position 5, which is not a process \(they are numbered 0 to 4\)/);
    expect(fault("SAFE 1 3 4 0 -2")).toMatch(/"-2" at position 5, which is not a process/);
    expect(fault("SAFE 1 3 4 0 two")).toMatch(/"two" at position 5/);
    // The first problem along the sequence is the one reported.
    expect(fault("SAFE 0 1 1 3 4")).toMatch(/fails at position 1: process 0 needs more/);
  });

  it("rejects UNSAFE for a safe state and SAFE for an unsafe one", () => {
    expect(rejection(example("1"), withLine(example("1"), 1, "UNSAFE"))).toMatch(
      /expected a safe sequence such as "SAFE 1 3 4 0 2", got "UNSAFE": the state is safe, but you answered UNSAFE\.$/,
    );
    const unsafeStart = example("3");
    expect(rejection(unsafeStart, withLine(unsafeStart, 1, "SAFE 0 1 2 3"))).toBe(
      'Line 1, "SAFE?": expected "UNSAFE", got "SAFE 0 1 2 3": the state is unsafe (no order lets every process finish), but you answered SAFE: your sequence fails at position 1: process 0 needs more than is available then: it needs 2 1 and only 1 0 is free.',
    );
  });

  it("names the right mistake for every wrong answer to a request", () => {
    const textbook = example("1");
    const answer = (line: number, text: string) => rejection(textbook, withLine(textbook, line, text));
    // Line 2 should be GRANT, 4 DENY AVAILABLE, 5 DENY UNSAFE, 6 DENY NEED.
    expect(answer(6, "GRANT")).toBe(
      'Line 6, "REQUEST 3 1 0 0": expected "DENY NEED", got "GRANT": you granted a request from process 3 that exceeds its declared need.',
    );
    expect(answer(4, "GRANT")).toMatch(/you granted a request from process 4 that asks for more than is available\.$/);
    expect(answer(5, "GRANT")).toMatch(/you granted a request from process 0 that would leave the system unsafe\.$/);
    expect(answer(2, "DENY UNSAFE")).toMatch(/expected "GRANT", got "DENY UNSAFE": you denied a request from process 1 that should be granted/);
    expect(answer(6, "DENY AVAILABLE")).toMatch(/exceeds its declared need, which is checked first\.$/);
    expect(answer(4, "DENY NEED")).toMatch(/is within its declared need but asks for more than is available\.$/);
    expect(answer(4, "DENY UNSAFE")).toMatch(/asks for more than is available, which is checked before safety\.$/);
    expect(answer(5, "DENY AVAILABLE")).toMatch(/it is denied because the state after it would be unsafe\.$/);
    expect(answer(2, "grant")).toMatch(/"grant" is not an answer to a request: answer GRANT, DENY NEED, DENY AVAILABLE or DENY UNSAFE\.$/);
    expect(answer(2, "DENY")).toMatch(/"DENY" is not an answer to a request/);
  });

  it("judges releases", () => {
    const textbook = example("1");
    expect(rejection(textbook, withLine(textbook, 8, "OK"))).toMatch(/process 2 releases more than it holds, so the release is INVALID and changes nothing\.$/);
    expect(rejection(textbook, withLine(textbook, 7, "INVALID"))).toMatch(/process 1 holds everything it releases, so the release is OK\.$/);
    expect(rejection(textbook, withLine(textbook, 7, "DONE"))).toMatch(/"DONE" is not an answer to a release: answer OK or INVALID\.$/);
  });

  it("follows the state the right answers leave, so a later answer is judged against it", () => {
    const textbook = example("1");
    // Valid at the start; after the GRANT on line 2 only 2 3 0 is free and process 3 cannot go first.
    expect(checkBanker(textbook, withLine(textbook, 1, "SAFE 3 1 4 2 0"))).toEqual({ ok: true });
    expect(rejection(textbook, withLine(textbook, 3, "SAFE 3 1 4 2 0"))).toMatch(
      /fails at position 1: process 3 needs more than is available then: it needs 0 1 1 and only 2 3 0 is free/,
    );
    // After process 1 released everything (line 7) it is valid again.
    expect(checkBanker(textbook, withLine(textbook, 9, "SAFE 3 1 4 2 0"))).toEqual({ ok: true });
  });

  it("rejects output that ends early or goes on", () => {
    const textbook = example("1");
    const lines = textbook.expected!.trimEnd().split("\n");
    expect(rejection(textbook, lines.slice(0, 7).join("\n"))).toBe(
      "Your output ends early: there are 9 operations, and operation 8 (a release from process 2) has no answer line.",
    );
    expect(rejection(textbook, `${textbook.expected}UNSAFE\n`)).toBe('Your output goes on too long: there are 9 operations, but line 10 is "UNSAFE".');
    expect(rejection(textbook, "")).toMatch(/operation 1 \(a SAFE\? query\) has no answer line/);
  });

  it("tells hidden tests what went wrong without showing their input", () => {
    const hidden = example("1", "hidden");
    expect(rejection(hidden, withLine(hidden, 6, "GRANT"))).toBe(
      "Wrong answer on a hidden test (5 processes, 3 resource types, 9 operations), operation 6: you granted a request from process 3 that exceeds its declared need.",
    );
    const sequence = rejection(hidden, withLine(hidden, 1, "SAFE 1 2 3 4 0"));
    expect(sequence).toBe(
      "Wrong answer on a hidden test (5 processes, 3 resource types, 9 operations), operation 1: your safe sequence fails at position 2: process 2 needs more than is available then (of resource type 0).",
    );
    expect(rejection(hidden, "SAFE 1 3 4 0 2\n")).toMatch(/^Your output ends early on a hidden test \(5 processes/);
  });

  it("compares custom input it cannot read with the reference's output line by line", () => {
    const custom: IoTestCase = { name: "your input", visibility: "public", input: "1 1\n0\n1\n2\n1\nSAFE?\n", expected: "UNSAFE\n" };
    expect(checkBanker(custom, "UNSAFE\n")).toEqual({ ok: true });
    expect(checkBanker(custom, "SAFE 0\n")).toMatchObject({ ok: false });
  });
});

// Ready-made checkers. Each compares what the program printed with the expected answer and, when they
// differ, says where: the first divergent line, which is what a person needs to find the bug.
import type { Checker, CheckOutcome, IoTestCase } from "@/graders/core/types";

const EXCERPT = 120;

/** Splits output into lines, ignoring trailing spaces and a missing or extra final newline. */
export function normalisedLines(text: string): string[] {
  const lines = text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function excerpt(text: string, max = EXCERPT): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this replaces
  const printable = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "\uFFFD");
  return printable.length > max ? `${printable.slice(0, max)}…` : printable;
}

/** A harness's or tool's JSON report as `field: value` lines for a person, without the run's nonce. */
export function describeReport(report: Record<string, unknown>): string {
  return Object.entries(report)
    .filter(([field]) => field !== "nonce")
    .map(([field, value]) => `${field}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join("\n");
}

export interface Divergence {
  /** 1-based line number. */
  line: number;
  expected: string | undefined;
  actual: string | undefined;
}

export function firstDivergence(expected: string[], actual: string[]): Divergence | null {
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    if (expected[i] !== actual[i]) return { line: i + 1, expected: expected[i], actual: actual[i] };
  }
  return null;
}

/** A sentence about a divergence: specific for public tests, a category for hidden ones. */
export function describeDivergence(test: IoTestCase, divergence: Divergence): string {
  const where = `line ${divergence.line.toLocaleString("en-US")}`;
  if (test.visibility === "hidden") {
    const what = test.description ? ` (${test.description})` : "";
    if (divergence.actual === undefined) return `Your output ends early on a hidden test${what}: ${where} is missing.`;
    if (divergence.expected === undefined) return `Your output goes on too long on a hidden test${what}, from ${where}.`;
    return `Wrong answer on a hidden test${what}: ${where} of your output is not what it should be.`;
  }
  if (divergence.actual === undefined) return `Your output ends early: ${where} should be "${excerpt(divergence.expected ?? "")}".`;
  if (divergence.expected === undefined) return `Your output goes on too long: ${where} is "${excerpt(divergence.actual)}", expected nothing more.`;
  return `At ${where}: expected "${excerpt(divergence.expected)}", got "${excerpt(divergence.actual)}".`;
}

/**
 * A wrong answer with an exercise's own explanation of its first differing line (what the program
 * should do there, and why): after the test's description on a hidden test, after the two lines on a
 * public one.
 */
export function explainedDivergence(test: IoTestCase, divergence: Divergence, explanation: string): CheckOutcome {
  if (test.visibility === "hidden") return { ok: false, message: `On a hidden test${test.description ? ` (${test.description})` : ""}: ${explanation}` };
  const shown = (text: string | undefined) => (text === undefined ? "nothing" : `"${excerpt(text)}"`);
  const sentence = `${explanation.charAt(0).toUpperCase()}${explanation.slice(1)}`;
  return {
    ok: false,
    message: `Line ${divergence.line.toLocaleString("en-US")}: expected ${shown(divergence.expected)}, got ${shown(divergence.actual)}. ${sentence}`,
  };
}

/** Line-by-line equality, trailing white space and final newlines ignored. */
export const exactLines: Checker = (test, output): CheckOutcome => {
  if (test.expected === undefined) throw new Error(`Test ${test.name} has no expected output for exactLines.`);
  const divergence = firstDivergence(normalisedLines(test.expected), normalisedLines(output));
  return divergence ? { ok: false, message: describeDivergence(test, divergence) } : { ok: true };
};

/**
 * A performance workload's output against the reference's (its `expected`, from the same job): a
 * difference is reported by line, not explained, since the hidden tests explain the same mistakes
 * and explaining would replay the workload in the oracle. Without an expected output, `check`
 * judges it.
 */
export function againstReference(check: Checker): Checker {
  return (test, output) => {
    if (test.expected === undefined) return check(test, output);
    const divergence = firstDivergence(normalisedLines(test.expected), normalisedLines(output));
    if (!divergence) return { ok: true };
    return {
      ok: false,
      message: `${describeDivergence({ ...test, visibility: "hidden" }, divergence).replace(/\.$/, "")}: it differs from the reference's answer.`,
    };
  };
}

/** Equality of white-space-separated tokens, for exercises where layout does not matter. */
export const tokens: Checker = (test, output): CheckOutcome => {
  if (test.expected === undefined) throw new Error(`Test ${test.name} has no expected output for tokens.`);
  const split = (text: string) => text.split(/\s+/).filter(Boolean);
  const divergence = firstDivergence(split(test.expected), split(output));
  if (!divergence) return { ok: true };
  const message = describeDivergence(test, divergence).replace(/\bline\b/g, "token");
  return { ok: false, message };
};

/** Byte-for-byte equality (as text): nothing is normalised, not even trailing spaces or the final newline. */
export const exactOutput: Checker = (test, output): CheckOutcome => {
  if (test.expected === undefined) throw new Error(`Test ${test.name} has no expected output for exactOutput.`);
  if (output === test.expected) return { ok: true };
  const divergence = firstDivergence(test.expected.split("\n"), output.split("\n")) ?? {
    line: 1,
    expected: test.expected,
    actual: output,
  };
  const message = describeDivergence(test, divergence);
  const onlyWhitespace = divergence.expected !== undefined && divergence.actual !== undefined && divergence.expected.trimEnd() === divergence.actual.trimEnd();
  return { ok: false, message: onlyWhitespace ? `${message} The difference is in white space at the end of the line.` : message };
};

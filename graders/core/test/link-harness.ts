// A link exercise's harness run on code of a test's own, in the real sandbox, linked as a submission
// is (the harness, its headers and the report helpers beside the user's file), without the source
// rules or the grader: for tests of what the harness itself catches, on code built to be caught.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Language } from "@/contracts/languages";
import { sharedFiles } from "@/lib/exercises/load-exercise";
import type { SandboxLimits } from "@/sandbox/limits";
import type { RunResult } from "@/sandbox/runner";
import { compileAndRun } from "@/sandbox/test/support";

/** The run's nonce, which the report must echo. */
export const NONCE = "0123456789abcdef01234567";

/** Runs `exercise`'s harness in `language` on its starter files with `files` in their place, on `scenario`. */
export async function runLinkHarness(
  exercise: string,
  language: Language,
  files: Record<string, string>,
  scenario: string,
  limits: Partial<SandboxLimits>,
): Promise<RunResult> {
  const starterDir = path.join("exercises", exercise, "starter", language);
  const starter = Object.fromEntries(readdirSync(starterDir).map((name) => [name, readFileSync(path.join(starterDir, name), "utf8")]));
  const shared = Object.fromEntries((await sharedFiles("link", language)).map((file) => [file.name, file.content]));
  const { compile, runs } = await compileAndRun(language, { ...shared, ...starter, ...files }, [`${NONCE}\n${scenario}`], limits);
  expect(compile.ok, compile.output).toBe(true);
  return runs[0]!;
}

/** `base` with `changes` made, each an exact snippet of it and what replaces it (a snippet not found fails the test). */
export function changed(base: string, ...changes: [string, string][]): string {
  return changes.reduce((code, [from, to]) => {
    expect(code).toContain(from);
    return code.replace(from, to);
  }, base);
}

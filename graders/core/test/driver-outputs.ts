// An io exercise's drivers in the real sandbox: the language's starter files with the user's file
// replaced by a stand-in (one that misbehaves on cue), run on each input (under the default run
// limits, or those given), must print exactly the lines given and exit with status 0 (a driver
// reports bad input and wrong answers on its output).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Language } from "@/contracts/languages";
import type { SandboxLimits } from "@/sandbox/limits";
import { compileAndRun } from "@/sandbox/test/support";

/** Each input, and the whole output the driver must print for it. */
export type DriverCases = [input: string, lines: string[]][];

export async function expectDriverOutputs(
  exercise: string,
  language: Language,
  userFile: { name: string; content: string },
  cases: DriverCases,
  limits: Partial<SandboxLimits> = {},
): Promise<void> {
  const folder = path.join("exercises", exercise, "starter", language);
  const files = Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name), "utf8")]));
  if (!(userFile.name in files)) throw new Error(`${folder} has no ${userFile.name} to replace.`);
  files[userFile.name] = userFile.content;
  const { compile, runs } = await compileAndRun(
    language,
    files,
    cases.map(([input]) => input),
    limits,
  );
  expect(compile.ok, compile.output).toBe(true);
  runs.forEach((run, i) => {
    const [input, lines] = cases[i]!;
    expect({ input, stdout: run.stdout, exit: run.exitCode }).toEqual({ input, stdout: `${lines.join("\n")}\n`, exit: 0 });
  });
}

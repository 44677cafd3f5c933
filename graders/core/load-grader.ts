// Finds an exercise's judging material in graders/<slug>/: the grader module and the reference and
// known-bad solutions. Only the worker and the self-tests read this folder.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { GOLDEN_FILE, type GoldenReason, goldenReasonSchema, type LanguageReason } from "@/graders/core/golden-reasons";
import type { Grader } from "@/graders/core/types";
import type { SourceFile } from "@/contracts/programs";
import type { Language } from "@/contracts/languages";
import { type Verdict, VERDICTS } from "@/contracts/verdicts";
import { readSourceFolder } from "@/lib/exercises/load-exercise";
import { GRADERS_DIR } from "@/lib/paths";

export { GRADERS_DIR };

export async function loadGrader(slug: string, gradersDir = GRADERS_DIR): Promise<Grader> {
  const file = path.join(gradersDir, slug, "grader.ts");
  if (!existsSync(file)) throw new Error(`No grader at ${file}.`);
  const module = (await import(pathToFileURL(file).href)) as { default?: Grader };
  if (!module.default) throw new Error(`${file} has no default export (defineIoGrader(...)).`);
  return module.default;
}

/** The reference solution's version of the file the user writes. */
export async function readReferenceSolution(slug: string, language: Language, editFile: string, gradersDir = GRADERS_DIR): Promise<string> {
  return readFile(path.join(gradersDir, slug, "reference", language, editFile), "utf8");
}

/** A server exercise's trusted tool: the files of graders/<slug>/tool/. */
export async function readToolFiles(slug: string, gradersDir = GRADERS_DIR): Promise<SourceFile[]> {
  const dir = path.join(gradersDir, slug, "tool");
  if (!existsSync(dir)) throw new Error(`${slug} is a server exercise but ${dir} does not exist.`);
  return readSourceFolder(dir);
}

export interface KnownBadSolution {
  /** The folder name, `<verdict>-<what is wrong>`. */
  name: string;
  expected: Verdict;
  language: Language;
  code: string;
  /** Why it must fail in this language (its folder's expected.json); absent for an AC- solution, one whose failure varies (a race), or where none is written yet. */
  reason?: LanguageReason;
}

const BAD_FOLDER = new RegExp(`^(${VERDICTS.join("|")})-[a-z0-9]+(-[a-z0-9]+)*$`);

/**
 * Every graders/<slug>/bad/<verdict>-<what>/<lang>/<edit file>; with `reasons`, each with its folder's
 * golden reason (exercises:check reads those itself, to report each file apart).
 */
export async function readKnownBadSolutions(
  slug: string,
  editFiles: Partial<Record<Language, string>>,
  gradersDir = GRADERS_DIR,
  { reasons = true }: { reasons?: boolean } = {},
): Promise<KnownBadSolution[]> {
  const dir = path.join(gradersDir, slug, "bad");
  if (!existsSync(dir)) return [];
  const solutions: KnownBadSolution[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const match = BAD_FOLDER.exec(name);
    if (!match) throw new Error(`${dir}/${name}: known-bad folders are named <verdict>-<what-is-wrong>, e.g. WA-off-by-one.`);
    const golden = reasons ? await readGoldenReason(path.join(dir, name)) : null;
    for (const [language, editFile] of Object.entries(editFiles) as [Language, string][]) {
      const file = path.join(dir, name, language, editFile);
      if (existsSync(file))
        solutions.push({
          name,
          expected: match[1] as Verdict,
          language,
          code: await readFile(file, "utf8"),
          reason: golden?.varies ? undefined : golden?.reasons?.[language],
        });
    }
  }
  return solutions;
}

/** A known-bad folder's expected.json, or null when it has none; throws (naming the file) when it is malformed. */
export async function readGoldenReason(folder: string): Promise<GoldenReason | null> {
  const file = path.join(folder, GOLDEN_FILE);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message}).`);
  }
  const golden = goldenReasonSchema.safeParse(parsed);
  if (!golden.success) throw new Error(`${file}: ${golden.error.issues.map((issue) => `${issue.path.join(".") || "(top)"}: ${issue.message}`).join("; ")}.`);
  return golden.data;
}

// Reads an exercise package (exercises/<slug>/): what a person sees of an exercise. Nothing here
// is secret; judging material lives in graders/<slug>/ and is read by the worker only.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { byTitle } from "@/lib/exercises/catalog-search";
import type { Language } from "@/contracts/languages";
import { type ExerciseManifest, exerciseManifestSchema } from "@/lib/exercises/manifest";
import { EXERCISES_DIR, SHARED_EXERCISE_FILES_DIR } from "@/lib/paths";
import type { SourceFile } from "@/contracts/programs";

export { EXERCISES_DIR };

export interface StarterFiles {
  /** The file the user writes, with its starter content. */
  edit: SourceFile;
  /**
   * Driver, header and other files compiled with it, shown read-only: the exercise's own, then those
   * every exercise of its kind shares (a link harness's report: exercises/_shared/link/<language>/).
   */
  support: SourceFile[];
}

export interface PublicExample {
  name: string;
  input: string;
  output: string;
}

export interface ExercisePackage {
  manifest: ExerciseManifest;
  /** The statement, Markdown. */
  statement: string;
  starters: Partial<Record<Language, StarterFiles>>;
  examples: PublicExample[];
}

export class ExercisePackageError extends Error {
  override name = "ExercisePackageError";
}

export async function readManifest(dir: string): Promise<ExerciseManifest> {
  const file = path.join(dir, "exercise.yaml");
  const result = exerciseManifestSchema.safeParse(parse(await readFile(file, "utf8")));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
    throw new ExercisePackageError(`${file}: ${problems.join("; ")}`);
  }
  return result.data;
}

export async function readSourceFolder(dir: string): Promise<SourceFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(files.map(async (name) => ({ name, content: await readFile(path.join(dir, name), "utf8") })));
}

export async function loadExercise(slug: string, exercisesDir = EXERCISES_DIR): Promise<ExercisePackage> {
  const dir = path.join(exercisesDir, slug);
  if (!/^[a-z0-9-]+$/.test(slug) || !existsSync(path.join(dir, "exercise.yaml"))) {
    throw new ExercisePackageError(`There is no exercise "${slug}".`);
  }
  const manifest = await readManifest(dir);
  const starters: Partial<Record<Language, StarterFiles>> = {};
  for (const [language, spec] of Object.entries(manifest.languages) as [Language, { edit: string }][]) {
    const files = await readSourceFolder(path.join(dir, "starter", language));
    const edit = files.find((file) => file.name === spec.edit);
    if (!edit) throw new ExercisePackageError(`${dir}/starter/${language}/ has no ${spec.edit}.`);
    starters[language] = { edit, support: [...files.filter((file) => file !== edit), ...(await sharedFiles(manifest.kind, language))] };
  }
  return {
    manifest,
    statement: await readFile(path.join(dir, "README.md"), "utf8"),
    starters,
    examples: await readExamples(path.join(dir, "examples")),
  };
}

/** The files every exercise of `kind` shares in `language` (none for most kinds). */
export async function sharedFiles(kind: string, language: Language): Promise<SourceFile[]> {
  const dir = path.join(SHARED_EXERCISE_FILES_DIR, kind, language);
  return existsSync(dir) ? readSourceFolder(dir) : [];
}

/** Every exercise's manifest, by title (a leading article ignored). */
export async function listExercises(exercisesDir = EXERCISES_DIR): Promise<ExerciseManifest[]> {
  const entries = await readdir(exercisesDir, { withFileTypes: true });
  const dirs = entries.filter((entry) => entry.isDirectory() && existsSync(path.join(exercisesDir, entry.name, "exercise.yaml")));
  const manifests = await Promise.all(dirs.map((entry) => readManifest(path.join(exercisesDir, entry.name))));
  return byTitle(manifests);
}

/** Public examples: examples/<name>.in with examples/<name>.out, in name order. */
async function readExamples(dir: string): Promise<PublicExample[]> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir))
    .filter((name) => name.endsWith(".in"))
    .map((name) => name.slice(0, -3))
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      input: await readFile(path.join(dir, `${name}.in`), "utf8"),
      output: await readFile(path.join(dir, `${name}.out`), "utf8"),
    })),
  );
}

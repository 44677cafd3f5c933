// Validates every exercise package and its grader folder, saying exactly what is wrong where.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { EXERCISES_DIR, readManifest } from "@/lib/exercises/load-exercise";
import type { Language } from "@/contracts/languages";
import type { ExerciseManifest } from "@/lib/exercises/manifest";
import { loadRoadmap, ROADMAP_FILE, topicIds } from "@/lib/exercises/roadmap";
import { GOLDEN_FILE } from "@/graders/core/golden-reasons";
import { GRADERS_DIR, type KnownBadSolution, loadGrader, readGoldenReason, readKnownBadSolutions } from "@/graders/core/load-grader";

export interface PackageProblem {
  /** A path relative to the repository root. */
  where: string;
  problem: string;
}

const GRADER_SUPPORT = new Set(["core"]);

export async function checkExercisePackages(
  options: { exercisesDir?: string; gradersDir?: string; roadmapFile?: string; root?: string } = {},
): Promise<{ checked: string[]; problems: PackageProblem[] }> {
  const exercisesDir = options.exercisesDir ?? EXERCISES_DIR;
  const gradersDir = options.gradersDir ?? GRADERS_DIR;
  const root = options.root ?? path.resolve(exercisesDir, "..");
  const rel = (file: string) => path.relative(root, file);
  const problems: PackageProblem[] = [];
  const problem = (file: string, text: string) => problems.push({ where: rel(file), problem: text });
  const topics = topicIds(await loadRoadmap(options.roadmapFile ?? ROADMAP_FILE));

  // exercises/_shared/ holds what exercises of a kind share: not an exercise.
  const slugs = (await readdir(exercisesDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith("_"))
    .map((e) => e.name)
    .sort();
  for (const slug of slugs) {
    const dir = path.join(exercisesDir, slug);
    let manifest: ExerciseManifest;
    try {
      manifest = await readManifest(dir);
    } catch (error) {
      problem(path.join(dir, "exercise.yaml"), error instanceof Error ? error.message.replace(`${path.join(dir, "exercise.yaml")}: `, "") : String(error));
      continue;
    }
    const manifestFile = path.join(dir, "exercise.yaml");
    if (manifest.slug !== slug) problem(manifestFile, `slug is "${manifest.slug}" but the folder is "${slug}": they must match.`);
    manifest.topics.forEach((topic, i) => {
      if (!topics.has(topic)) problem(manifestFile, `topics[${i}]: "${topic}" is not a topic of roadmap/roadmap.yaml.`);
    });

    const statement = path.join(dir, "README.md");
    if (!existsSync(statement)) problem(statement, "missing: the statement people read.");
    else if (!/^# \S/m.test(await readFile(statement, "utf8"))) problem(statement, "has no title (a first-level `# ` heading).");

    for (const [language, spec] of Object.entries(manifest.languages) as [Language, { edit: string }][]) {
      const starter = path.join(dir, "starter", language, spec.edit);
      if (!existsSync(starter)) problem(starter, `missing: the ${language} file the user edits (languages.${language}.edit).`);
    }
    for (const language of existsSync(path.join(dir, "starter")) ? await readdir(path.join(dir, "starter")) : []) {
      if (!(language in manifest.languages)) problem(path.join(dir, "starter", language), `starter for ${language}, which exercise.yaml does not offer.`);
    }
    await checkExamples(path.join(dir, "examples"), manifest, problem);
    await checkGraderFolder(path.join(gradersDir, slug), manifest, problem);
  }

  const graderFolders = existsSync(gradersDir) ? (await readdir(gradersDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name) : [];
  for (const name of graderFolders) {
    if (!GRADER_SUPPORT.has(name) && !slugs.includes(name))
      problem(path.join(gradersDir, name), `a grader for "${name}", but exercises/ has no such exercise.`);
  }
  return { checked: slugs, problems };
}

async function checkExamples(dir: string, manifest: ExerciseManifest, problem: (file: string, text: string) => void): Promise<void> {
  const files = existsSync(dir) ? await readdir(dir) : [];
  if (manifest.kind === "io" && !files.some((file) => file.endsWith(".in"))) {
    problem(dir, "an io exercise needs at least one public example (examples/<name>.in and .out).");
  }
  for (const file of files) {
    const [stem, ext] = [file.replace(/\.(in|out)$/, ""), path.extname(file)];
    if (ext !== ".in" && ext !== ".out") problem(path.join(dir, file), "examples/ holds only <name>.in and <name>.out files.");
    else if (!files.includes(`${stem}${ext === ".in" ? ".out" : ".in"}`))
      problem(path.join(dir, file), `has no matching ${stem}${ext === ".in" ? ".out" : ".in"}.`);
  }
}

async function checkGraderFolder(dir: string, manifest: ExerciseManifest, problem: (file: string, text: string) => void): Promise<void> {
  const graderFile = path.join(dir, "grader.ts");
  if (!existsSync(graderFile)) {
    problem(graderFile, "missing: every exercise needs a grader (graders/<slug>/grader.ts).");
    return;
  }
  try {
    const grader = await loadGrader(manifest.slug, path.dirname(dir));
    if (grader.kind !== manifest.kind) problem(graderFile, `is a ${grader.kind} grader but exercise.yaml says kind: ${manifest.kind}.`);
  } catch (error) {
    problem(graderFile, `does not load: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (manifest.kind === "server") {
    const tool = path.join(dir, "tool");
    if (!existsSync(tool) || (await readdir(tool)).length === 0)
      problem(tool, "missing: a server exercise's trusted tool (graders/<slug>/tool/), which probes the submission.");
  }
  const editFiles = Object.fromEntries(Object.entries(manifest.languages).map(([language, spec]) => [language, spec.edit])) as Partial<
    Record<Language, string>
  >;
  for (const [language, editFile] of Object.entries(editFiles) as [Language, string][]) {
    const reference = path.join(dir, "reference", language, editFile);
    if (!existsSync(reference)) problem(reference, `missing: the ${language} reference solution, which must be accepted.`);
  }
  const badDir = path.join(dir, "bad");
  if (!existsSync(badDir)) return;
  try {
    const bad = await readKnownBadSolutions(manifest.slug, editFiles, path.dirname(dir), { reasons: false });
    for (const name of await readdir(badDir)) {
      const solutions = bad.filter((solution) => solution.name === name);
      if (solutions.length === 0) {
        problem(path.join(badDir, name), `holds no solution: expected <language>/<edit file> for one of ${Object.keys(editFiles).join(", ")}.`);
        continue;
      }
      await checkGoldenReason(path.join(badDir, name), solutions, problem);
    }
  } catch (error) {
    problem(badDir, error instanceof Error ? error.message : String(error));
  }
}

/** A known-bad folder states why it fails (expected.json, written by `npm run graders:check -- --why`), for each of its languages. */
async function checkGoldenReason(folder: string, solutions: KnownBadSolution[], problem: (file: string, message: string) => void): Promise<void> {
  const file = path.join(folder, GOLDEN_FILE);
  const golden = await readGoldenReason(folder).catch((error: Error) => {
    problem(file, error.message);
    return undefined;
  });
  if (golden === undefined) return;
  const write = `write it with \`npm run graders:check -- --why --solution ${path.basename(folder)}\``;
  if (golden === null) return problem(file, `missing: why this solution must fail (the verdict, the test, words of the message); ${write}.`);
  const expected = solutions[0]!.expected;
  if (golden.verdict !== expected) problem(file, `says ${golden.verdict}, but the folder's name says ${expected}.`);
  if (expected === "AC") return;
  const without = solutions.filter((solution) => !golden.reasons?.[solution.language]).map((solution) => solution.language);
  if (without.length > 0) problem(file, `has no reason for ${without.join(", ")}; ${write}.`);
}

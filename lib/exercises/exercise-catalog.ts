// Exercise packages read once per process: they are files shipped with the code and do not change while it runs.
import { AppError } from "@/lib/errors";
import { type ExercisePackage, loadExercise, listExercises } from "@/lib/exercises/load-exercise";
import type { ExerciseManifest } from "@/lib/exercises/manifest";

let manifests: Promise<ExerciseManifest[]> | undefined;
const packages = new Map<string, Promise<ExercisePackage>>();

export function getExerciseManifests(): Promise<ExerciseManifest[]> {
  manifests ??= listExercises();
  return manifests;
}

export async function findExerciseManifest(slug: string): Promise<ExerciseManifest | undefined> {
  return (await getExerciseManifests()).find((manifest) => manifest.slug === slug);
}

/** The manifest of the exercise a request names; NOT_FOUND (a 404 at the API) when there is none. */
export async function requireExerciseManifest(slug: string): Promise<ExerciseManifest> {
  const manifest = await findExerciseManifest(slug);
  if (!manifest) throw new AppError("NOT_FOUND", `There is no exercise "${slug}".`);
  return manifest;
}

/** The package of an exercise known to exist (check with findExerciseManifest first). */
export function getExercisePackage(slug: string): Promise<ExercisePackage> {
  let pkg = packages.get(slug);
  if (!pkg) {
    pkg = loadExercise(slug);
    packages.set(slug, pkg);
    pkg.catch(() => packages.delete(slug));
  }
  return pkg;
}

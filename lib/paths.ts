// Where osprep's content lives. Every entry point (Next.js, the launcher, the worker, the tests)
// runs from the repository root; bundled server code has no reliable import.meta.dirname.
import path from "node:path";

export const PROJECT_ROOT = process.cwd();
export const EXERCISES_DIR = path.join(process.cwd(), "exercises");
/** Files every exercise of a kind shares, by language (the link harnesses' report): exercises/_shared/<kind>/<language>/. */
export const SHARED_EXERCISE_FILES_DIR = path.join(EXERCISES_DIR, "_shared");
export const GRADERS_DIR = path.join(process.cwd(), "graders");
export const ROADMAP_FILE = path.join(process.cwd(), "roadmap", "roadmap.yaml");
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
export const QUESTIONS_DIR = path.join(process.cwd(), "questions");

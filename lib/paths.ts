// Where osprep's content lives. Every entry point (Next.js, the launcher, the worker, the tests)
// runs from the repository root; bundled server code has no reliable import.meta.dirname.
import path from "node:path";

export const PROJECT_ROOT = process.cwd();
export const EXERCISES_DIR = path.join(process.cwd(), "exercises");
export const GRADERS_DIR = path.join(process.cwd(), "graders");
export const ROADMAP_FILE = path.join(process.cwd(), "roadmap", "roadmap.yaml");
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
export const QUESTIONS_DIR = path.join(process.cwd(), "questions");

// Sandbox images are tagged with a hash of their build context (their folder, and the supervisor's
// sources), so an unchanged image is never rebuilt and a changed one never runs under the old tag.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
/** The repository root: every entry point runs from it (bundled code has no reliable import.meta.dirname). */
export const PROJECT_ROOT = process.cwd();
export const IMAGES_DIR = path.join(PROJECT_ROOT, "sandbox", "images");
/** The languages' images, and `redis`: a real Redis and its clients for the epoll server's self-tests, never a submission's. */
export const SANDBOX_IMAGES = ["c", "cpp", "go", "python", "redis"] as const;
export type SandboxImage = (typeof SANDBOX_IMAGES)[number];

const tags = new Map<SandboxImage, string>();

/** The run supervisor's sources: every image that runs submissions builds it (sandbox/supervisor/). */
const SUPERVISOR_DIR = path.join(PROJECT_ROOT, "sandbox", "supervisor");
const RUNS_SUBMISSIONS: Record<SandboxImage, boolean> = { c: true, cpp: true, go: true, python: true, redis: false };

/** The build context of `image`: its folder, plus the supervisor's sources under supervisor/ where it runs submissions. */
export function imageContext(image: SandboxImage): { name: string; file: string }[] {
  const own = readdirSync(path.join(IMAGES_DIR, image)).map((name) => ({ name, file: path.join(IMAGES_DIR, image, name) }));
  const supervisor = RUNS_SUBMISSIONS[image]
    ? readdirSync(SUPERVISOR_DIR).map((name) => ({ name: `supervisor/${name}`, file: path.join(SUPERVISOR_DIR, name) }))
    : [];
  return [...own, ...supervisor].sort((a, b) => a.name.localeCompare(b.name));
}

export function imageTag(image: SandboxImage): string {
  let tag = tags.get(image);
  if (!tag) {
    const hash = createHash("sha256");
    for (const { name, file } of imageContext(image)) hash.update(name).update("\0").update(readFileSync(file)).update("\0");
    tag = `osprep-sandbox-${image}:${hash.digest("hex").slice(0, 12)}`;
    tags.set(image, tag);
  }
  return tag;
}

// Sandbox images are tagged with a hash of their folder, so an unchanged image is never rebuilt and
// a changed one never runs under the old tag.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/paths";

export const IMAGES_DIR = path.join(PROJECT_ROOT, "sandbox", "images");
/** The languages' images, and `redis`: a real Redis and its clients for the epoll server's self-tests, never a submission's. */
export const SANDBOX_IMAGES = ["c", "cpp", "go", "python", "redis"] as const;
export type SandboxImage = (typeof SANDBOX_IMAGES)[number];

const tags = new Map<SandboxImage, string>();

export function imageContextFiles(image: SandboxImage): string[] {
  return readdirSync(path.join(IMAGES_DIR, image)).sort();
}

export function imageTag(image: SandboxImage): string {
  let tag = tags.get(image);
  if (!tag) {
    const hash = createHash("sha256");
    for (const file of imageContextFiles(image)) {
      hash.update(file).update("\0").update(readFileSync(path.join(IMAGES_DIR, image, file))).update("\0");
    }
    tag = `osprep-sandbox-${image}:${hash.digest("hex").slice(0, 12)}`;
    tags.set(image, tag);
  }
  return tag;
}

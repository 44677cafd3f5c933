// Builds the sandbox images that are missing (by content-hash tag) from sandbox/images/<lang>/Dockerfile.
// Where debian:bookworm-slim is missing too, scripts/setup-docker.sh creates it with debootstrap.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type Docker from "dockerode";
import { dockerCall, SandboxError } from "@/sandbox/errors";
import { imageContext, imageTag, PROJECT_ROOT, SANDBOX_IMAGES, type SandboxImage } from "@/sandbox/images/image-tags";
import { packTar } from "@/sandbox/tar";

const BASE_IMAGE = "debian:bookworm-slim";

export async function imageExists(docker: Docker, tag: string): Promise<boolean> {
  try {
    await docker.getImage(tag).inspect();
    return true;
  } catch {
    return false;
  }
}

export async function ensureSandboxImages(options: { docker: Docker; log: (line: string) => void; images?: readonly SandboxImage[] }): Promise<void> {
  const { docker, log } = options;
  const missing: SandboxImage[] = [];
  for (const image of options.images ?? SANDBOX_IMAGES) if (!(await imageExists(docker, imageTag(image)))) missing.push(image);
  if (missing.length === 0) return;
  if (!(await imageExists(docker, BASE_IMAGE))) {
    log(`${BASE_IMAGE} is missing: creating it with scripts/setup-docker.sh (debootstrap)`);
    execFileSync("bash", [path.join(PROJECT_ROOT, "scripts", "setup-docker.sh")], { stdio: "inherit" });
  }
  for (const image of missing) {
    const tag = imageTag(image);
    log(`building ${tag}`);
    const context = await packTar(
      imageContext(image).map(({ name, file }) => ({ name, content: readFileSync(file) })),
      { uid: 0, gid: 0 },
    );
    const stream = await dockerCall("buildImage", undefined, () =>
      docker.buildImage(context as unknown as NodeJS.ReadableStream, { t: tag, rm: true, forcerm: true }),
    );
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(stream, (error, events) => {
        const failure = error ?? (events as { error?: string }[]).find((event) => event.error)?.error;
        if (failure) reject(new SandboxError(`Building ${tag} failed: ${failure instanceof Error ? failure.message : failure}`, { operation: "buildImage" }));
        else resolve();
      });
    });
  }
}

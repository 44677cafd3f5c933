// `npm run sandbox:images`: builds the sandbox images that are missing.
import { connectDocker } from "@/sandbox/docker/docker-runner";
import { ensureSandboxImages } from "@/sandbox/images/build-images";
import { imageTag, SANDBOX_IMAGES } from "@/sandbox/images/image-tags";

try {
  const docker = await connectDocker();
  await ensureSandboxImages({ docker, log: (line) => console.log(line) });
  console.log(`sandbox images ready: ${SANDBOX_IMAGES.map((image) => imageTag(image)).join(", ")}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}

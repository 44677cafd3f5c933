// Vitest global setup for the sandbox tests: the real Docker engine, with the images built.
import { connectDocker } from "@/sandbox/docker/docker-runner";
import { ensureSandboxImages } from "@/sandbox/images/build-images";

export default async function setup() {
  const docker = await connectDocker(); // fails with "Docker engine not reachable at …" when it is not
  await ensureSandboxImages({ docker, log: (line) => console.log(`[sandbox images] ${line}`) });
}

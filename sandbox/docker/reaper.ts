// Removes sandbox containers that outlived their job (a worker crashed, or Docker lost a remove):
// every container carries our label and an expiry time.
import type Docker from "dockerode";
import type { Logger } from "pino";
import { SANDBOX_LABEL } from "@/sandbox/docker/container-config";

export async function reapExpiredContainers(options: { docker: Docker; logger: Logger; now?: number; owner?: string }): Promise<number> {
  const now = options.now ?? Date.now();
  const containers = await options.docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`] } });
  let removed = 0;
  for (const info of containers) {
    const expired = Number(info.Labels["osprep.expires"] ?? 0) < now;
    const orphan = options.owner !== undefined && info.Labels["osprep.owner"] === options.owner;
    if (!expired && !orphan) continue;
    await options.docker
      .getContainer(info.Id)
      .remove({ force: true, v: true })
      .then(() => removed++)
      .catch((error: unknown) => options.logger.warn({ err: error, containerId: info.Id }, "could not reap a sandbox container"));
  }
  if (removed > 0) options.logger.info({ removed }, "reaped stale sandbox containers");
  return removed;
}

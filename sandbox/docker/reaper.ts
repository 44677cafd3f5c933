// Removes sandbox containers that outlived their job (a worker crashed, or Docker lost a remove):
// every container carries our label, an expiry time and its owner (host:pid:start, see
// process-identity.ts). A container whose owner was a process of this host that is gone (its pid
// free, or another process's now) is removed at once: its uids may be handed out again.
import type Docker from "dockerode";
import type { Logger } from "pino";
import { SANDBOX_LABEL } from "@/sandbox/docker/container-config";
import { processIsGone } from "@/sandbox/docker/process-identity";

export async function reapExpiredContainers(options: { docker: Docker; logger: Logger; now?: number; owner?: string }): Promise<number> {
  const now = options.now ?? Date.now();
  const containers = await options.docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`] } });
  let removed = 0;
  for (const info of containers) {
    const owner = info.Labels["osprep.owner"];
    const expired = Number(info.Labels["osprep.expires"] ?? 0) < now;
    const orphan = (options.owner !== undefined && owner === options.owner) || processIsGone(owner);
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

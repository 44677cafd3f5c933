// Removes sandbox containers that outlived their job (a worker crashed, or Docker lost a remove):
// every container carries our label, an expiry time and its owner (host:pid). A container whose
// owner was a process of this host that is gone is removed at once: its uids may be handed out again.
import { hostname } from "node:os";
import type Docker from "dockerode";
import type { Logger } from "pino";
import { SANDBOX_LABEL } from "@/sandbox/docker/container-config";

/** Whether `owner` ("host:pid") names a process of this host that no longer exists. */
export function ownerIsGone(owner: string | undefined, host = hostname()): boolean {
  const match = /^(.*):(\d+)$/.exec(owner ?? "");
  if (!match || match[1] !== host) return false;
  try {
    process.kill(Number(match[2]), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

export async function reapExpiredContainers(options: { docker: Docker; logger: Logger; now?: number; owner?: string }): Promise<number> {
  const now = options.now ?? Date.now();
  const containers = await options.docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`] } });
  let removed = 0;
  for (const info of containers) {
    const owner = info.Labels["osprep.owner"];
    const expired = Number(info.Labels["osprep.expires"] ?? 0) < now;
    const orphan = (options.owner !== undefined && owner === options.owner) || ownerIsGone(owner);
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

// What happens around the runs: an unreachable engine, and containers that outlive their job.
import Docker from "dockerode";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { SANDBOX_LABEL } from "@/sandbox/docker/container-config";
import { connectDocker } from "@/sandbox/docker/docker-runner";
import { reapExpiredContainers } from "@/sandbox/docker/reaper";
import { imageTag } from "@/sandbox/images/image-tags";

describe("the Docker engine", () => {
  it("says where it looked and what to do when the engine is not reachable", async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = "unix:///nonexistent/docker.sock";
    try {
      await expect(connectDocker()).rejects.toThrow("Docker engine not reachable at unix:///nonexistent/docker.sock: start it or set DOCKER_HOST.");
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });

  it("reaps our containers past their expiry and leaves the others", async () => {
    const docker = new Docker();
    const make = (expires: number, ours = true) =>
      docker.createContainer({
        Image: imageTag("c"),
        Cmd: ["true"],
        Labels: ours ? { [SANDBOX_LABEL]: "true", "osprep.expires": String(expires), "osprep.owner": "reaper-test" } : { "reaper-test": "true" },
      });
    const expired = await make(Date.now() - 1000);
    const fresh = await make(Date.now() + 60_000);
    const foreign = await make(0, false);
    try {
      await reapExpiredContainers({ docker, logger: pino({ level: "silent" }) });
      const exists = (c: Docker.Container) =>
        c.inspect().then(
          () => true,
          () => false,
        );
      expect(await exists(expired)).toBe(false);
      expect(await exists(fresh)).toBe(true);
      expect(await exists(foreign)).toBe(true);
    } finally {
      await Promise.all([expired, fresh, foreign].map((c) => c.remove({ force: true }).catch(() => undefined)));
    }
  });
});

// What happens around the runs: an unreachable engine, an exec Docker cannot start, and containers
// that outlive their job.
import Docker from "dockerode";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { SANDBOX_LABEL } from "@/sandbox/docker/container-config";
import { SandboxContainers } from "@/sandbox/docker/containers";
import { connectDocker } from "@/sandbox/docker/docker-runner";
import { reapExpiredContainers } from "@/sandbox/docker/reaper";
import { uidAllocatorFor } from "@/sandbox/docker/sandbox-uids";
import { SandboxError } from "@/sandbox/errors";
import { imageTag } from "@/sandbox/images/image-tags";
import { runLimitsFor } from "@/sandbox/limits";

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

  it("takes an exec Docker never started for its own failure, not for the program's status 126 and words", async () => {
    // Docker writes its runtime's error ("OCI runtime exec failed", "failed to start io pipe copy")
    // into the exec's output and gives it status 126, as if a program had printed it and exited;
    // a build would read it as a compile error.
    const containers = new SandboxContainers(await connectDocker(), pino({ level: "silent" }), 0, uidAllocatorFor());
    const container = await containers.createContainer("c", "run", runLimitsFor());
    try {
      const exec = (cmd: string[]) => containers.exec(container, cmd, { workingDir: "/", wallMs: 5_000, outputBytes: 4096 });
      const failed = await exec(["/nonexistent/program"]).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(SandboxError);
      expect((failed as SandboxError).message).toMatch(/^Docker could not start the process in container [0-9a-f]{12}: OCI runtime exec failed/);
      // A program that runs and fails keeps its own status and words.
      expect(await exec(["sh", "-c", "echo oops >&2; exit 126"])).toMatchObject({ exitCode: 126, stderr: "oops\n" });
    } finally {
      await containers.remove(container);
      await containers.settled();
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

// Server mode: the submission runs as a long-lived process in a run container; trusted tools run in
// their own hardened containers that share only that container's network namespace (its loopback).
import type Docker from "dockerode";
import type { ServerProcess, ToolRun } from "@/contracts/programs";
import type { CgroupReader } from "@/sandbox/cgroup/reader";
import { classifyRun } from "@/sandbox/docker/classify-run";
import { runRlimits } from "@/sandbox/docker/container-config";
import { CONTAINER_LIFETIME_MS, type ExecResult, IDLE_PROCESSES, type SandboxContainers } from "@/sandbox/docker/containers";
import { serverProcesses } from "@/sandbox/docker/proc-probes";
import { dockerCall } from "@/sandbox/errors";
import type { SandboxImage } from "@/sandbox/images/image-tags";
import { TOOLCHAINS } from "@/sandbox/languages";
import type { SandboxLimits } from "@/sandbox/limits";
import type { Artifact, RunResult, ServerSession, ToolProgram } from "@/sandbox/runner";
import { packTar } from "@/sandbox/tar";

/** A submission serving in a run container, probed by trusted tools next to it. */
export class DockerServerSession implements ServerSession {
  /**
   * The trusted tools' containers, by tool and limits: made at a tool's first probe and kept for the
   * next ones (a container costs ~0.3 s; an exec ~50 ms), removed with the server. A probe that runs
   * out of time kills its container, which is then made anew.
   */
  private readonly tools = new Map<string, Promise<Docker.Container>>();

  private constructor(
    private readonly containers: SandboxContainers,
    private readonly container: Docker.Container,
    private readonly cgroup: CgroupReader,
    private readonly before: { cpuNanos: number; oomKills: number },
    private readonly server: Promise<ExecResult>,
    private readonly limits: SandboxLimits,
  ) {}

  static async start(
    containers: SandboxContainers,
    options: { artifact: Artifact; limits: SandboxLimits } | { image: SandboxImage; command: string[]; limits: SandboxLimits },
  ): Promise<DockerServerSession> {
    const { limits } = options;
    const container =
      "artifact" in options ? await containers.take(options.artifact.language, "run", limits) : await containers.createContainer(options.image, "run", limits);
    const { cgroup } = "artifact" in options ? await containers.installArtifact(container, options.artifact) : await containers.findCgroup(container);
    try {
      const before = await dockerCall("cgroup read", container.id, () => cgroup.snapshot());
      const command = "artifact" in options ? TOOLCHAINS[options.artifact.language].run : options.command;
      // The server runs until stop(); its wall limit is the session's whole life.
      const server = containers.exec(container, [...runRlimits(limits), ...command], {
        workingDir: "artifact" in options ? "/box/out" : "/tmp",
        wallMs: CONTAINER_LIFETIME_MS,
        outputBytes: limits.outputKiB * 1024,
      });
      server.catch(() => undefined);
      return new DockerServerSession(containers, container, cgroup, before, server, limits);
    } catch (error) {
      await containers.remove(container);
      throw error;
    }
  }

  prepareTool(options: ToolProgram & { limits?: Partial<SandboxLimits> }): void {
    this.toolFor(options).catch(() => undefined);
  }

  /** The tool's container: the one made for it before, or a new one. */
  private toolFor(options: ToolProgram & { limits?: Partial<SandboxLimits> }): Promise<Docker.Container> {
    const toolKey = this.toolKey(options);
    let made = this.tools.get(toolKey);
    if (!made) {
      made = this.toolContainer(options);
      this.tools.set(toolKey, made);
      made.catch(() => this.tools.delete(toolKey));
    }
    return made;
  }

  private toolKey(options: ToolProgram & { limits?: Partial<SandboxLimits> }): string {
    return `${"artifact" in options ? artifactId(options.artifact) : JSON.stringify([options.image, options.files, options.command])}\0${JSON.stringify(options.limits ?? {})}`;
  }

  async probe(options: ToolProgram & { wallSeconds: number; limits?: Partial<SandboxLimits> }): Promise<ToolRun> {
    const toolKey = this.toolKey(options);
    const tool = await this.toolFor(options);
    const command = "artifact" in options ? [...TOOLCHAINS[options.artifact.language].run, ...options.args] : options.command;
    const report = await this.containers.exec(tool, command, { workingDir: "/box/out", wallMs: options.wallSeconds * 1000, outputBytes: 1024 * 1024 });
    // exec kills the container when a probe runs out of time or floods: the next probe gets a new one.
    if (report.timedOut || report.flooded) {
      this.tools.delete(toolKey);
      await this.containers.remove(tool);
    }
    return { exitCode: report.exitCode, stdout: report.stdout, stderr: report.stderr, timedOut: report.timedOut };
  }

  /** A tool's container next to the server, its files in place; each probe's wall limit is its exec's, the CPU limit per process generous (the tool is ours). */
  private async toolContainer(options: ToolProgram & { limits?: Partial<SandboxLimits> }): Promise<Docker.Container> {
    const limits = { ...this.limits, ...options.limits, cpuSeconds: CONTAINER_LIFETIME_MS / 1000, wallSeconds: CONTAINER_LIFETIME_MS / 1000 };
    const image = "artifact" in options ? TOOLCHAINS[options.artifact.language].image : options.image;
    const tool = await this.containers.createContainer(image, "tool", limits, this.container.id);
    try {
      const contents =
        "artifact" in options
          ? options.artifact.tar
          : await packTar(
              [
                { name: "out", type: "directory", content: "", mode: 0o755 },
                ...options.files.map((file) => ({ name: `out/${file.name}`, content: file.content, mode: 0o555 })),
              ],
              { uid: 0, gid: 0 },
            );
      await dockerCall("putArchive", tool.id, () => tool.putArchive(contents, { path: "/box" }));
      return tool;
    } catch (error) {
      await this.containers.remove(tool);
      throw error;
    }
  }

  /** Removes the tools' containers (with the server, or before it). */
  private async removeTools(): Promise<void> {
    const tools = [...this.tools.values()];
    this.tools.clear();
    await Promise.all(
      tools.map((made) =>
        made.then(
          (tool) => this.containers.remove(tool),
          () => undefined,
        ),
      ),
    );
  }

  async processes(options: { epoll?: boolean } = {}): Promise<ServerProcess[]> {
    const pids = await this.cgroup.processIds().catch(() => []);
    return serverProcesses(pids, this.containers.uidsOf(this.container).program, options);
  }

  async cpuMs(): Promise<number> {
    const now = await this.cgroup.snapshot();
    return (now.cpuNanos - this.before.cpuNanos) / 1e6;
  }

  async stop(): Promise<RunResult> {
    const after = await this.cgroup.snapshot().catch(() => null);
    const stillRunning = after !== null && after.pids > IDLE_PROCESSES;
    await this.removeTools();
    await this.container.kill({ signal: "SIGKILL" }).catch(() => undefined);
    const outcome = await this.server;
    await this.containers.remove(this.container);
    const cpuMs = after ? (after.cpuNanos - this.before.cpuNanos) / 1e6 : 0;
    const oomKilled = after ? after.oomKills > this.before.oomKills : false;
    // A server is expected to be still serving when stopped; one that already exited crashed or quit.
    const verdict = classifyRun({
      flooded: outcome.flooded,
      timedOut: false,
      exitCode: outcome.exitCode,
      oomKilled,
      cpuMs,
      cpuLimitMs: this.limits.cpuSeconds * 1000,
      stillServing: stillRunning,
    });
    return {
      verdict,
      exitCode: stillRunning ? null : outcome.exitCode,
      signal: null,
      cpuMs,
      wallMs: outcome.wallMs,
      memoryKiB: after ? Math.round(after.memoryPeakBytes / 1024) : 0,
      oomKilled,
      stdout: outcome.stdout,
      stderr: outcome.stderr,
      stdoutTruncated: outcome.stdoutTruncated,
      stderrTruncated: outcome.stderrTruncated,
    };
  }
}

const artifactIds = new WeakMap<Artifact, number>();
let nextArtifactId = 0;
/** A number per artifact (one object per build, kept by the workers' cache), to know a tool's container again. */
function artifactId(artifact: Artifact): number {
  let id = artifactIds.get(artifact);
  if (id === undefined) artifactIds.set(artifact, (id = nextArtifactId++));
  return id;
}

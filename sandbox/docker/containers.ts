// The sandbox's containers: made from the warm pool or anew (each pinned to a CPU, with a uid pair
// of its own), commands executed in them under a wall-clock limit with capped output, removed in
// the background. Compiles, run sessions and server sessions are built on these.
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import type Docker from "dockerode";
import type { Logger } from "pino";
import type { Language } from "@/contracts/languages";
import { CgroupReader } from "@/sandbox/cgroup/reader";
import { type ContainerRole, sandboxContainerOptions } from "@/sandbox/docker/container-config";
import { OutputCollector } from "@/sandbox/docker/output-collector";
import { processIdentity } from "@/sandbox/docker/process-identity";
import { processAlive } from "@/sandbox/docker/proc-probes";
import type { SandboxUids, UidAllocator } from "@/sandbox/docker/sandbox-uids";
import { type Lease, WarmPool } from "@/sandbox/docker/warm-pool";
import { dockerCall, SandboxError } from "@/sandbox/errors";
import { imageTag, type SandboxImage } from "@/sandbox/images/image-tags";
import { TOOLCHAINS } from "@/sandbox/languages";
import type { SandboxLimits } from "@/sandbox/limits";
import type { Artifact } from "@/sandbox/runner";

/** A session's containers outlive no grading by more than this; then the reaper removes them. */
export const CONTAINER_LIFETIME_MS = 30 * 60_000;
/** How often an exec whose output ends with its process asks Docker whether the process ended. */
const EXIT_POLL_MS = 20;
/** sleep (root) and the init process. */
export const IDLE_PROCESSES = 2;

/** How a command executed in a container ended. */
export interface ExecResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  /** Killed at its wall-clock limit. */
  timedOut: boolean;
  /** Killed for writing more than its output cap. */
  flooded: boolean;
  wallMs: number;
}

let nextCpu = 0;
/**
 * Each container is pinned to one CPU: the one fewest of `pinned` (the live containers' CPUs) are
 * on, in turn among equals, so two containers of one job (a build and the race-detector build, a
 * submission and its reference) rarely share a CPU. A tool that probes a server gets every CPU but
 * the server's, so a load generator never shares the CPU of the server it measures (taken in turn,
 * every other load test did, and halved the server's figures).
 */
function pickCpu(pinned: Iterable<string>, awayFrom?: string): string {
  const cpus = Array.from({ length: availableParallelism() }, (_, cpu) => String(cpu));
  const others = cpus.filter((cpu) => cpu !== awayFrom);
  if (awayFrom !== undefined && others.length > 0) return others.join(",");
  const load = new Map(cpus.map((cpu) => [cpu, 0]));
  for (const pin of pinned) if (load.has(pin)) load.set(pin, load.get(pin)! + 1);
  const least = Math.min(...load.values());
  const candidates = cpus.filter((cpu) => load.get(cpu) === least);
  return candidates[nextCpu++ % candidates.length]!;
}

export class SandboxContainers {
  /** Labels every container, so the reaper knows whose they are. */
  readonly owner = processIdentity();
  private readonly pool: WarmPool;
  /** Container removals and compile containers on their way back to the pool. */
  private readonly pending = new Set<Promise<void>>();
  /** The CPUs each live container is pinned to. */
  private readonly pinned = new Map<string, string>();
  /** The uid pair of each live container. */
  private readonly containerUids = new Map<string, SandboxUids>();
  private readonly poolLimits = new Map<string, { language: Language; role: ContainerRole; limits: SandboxLimits }>();

  constructor(
    readonly docker: Docker,
    readonly logger: Logger,
    /** Idle containers kept ready per language, role and limits (0: create each on demand). */
    warmContainers: number,
    /** Where each container's uid pair comes from. */
    private readonly uids: UidAllocator,
  ) {
    this.pool = new WarmPool(
      warmContainers,
      (key) => {
        const spec = this.poolLimits.get(key)!;
        return this.createContainer(TOOLCHAINS[spec.language].image, spec.role, spec.limits);
      },
      (container) => this.remove(container),
    );
  }

  private poolKey(language: Language, role: ContainerRole, limits: SandboxLimits): string {
    const key = `${language}:${role}:${JSON.stringify(limits)}`;
    this.poolLimits.set(key, { language, role, limits });
    return key;
  }

  /** A started container for `language`, `role` and `limits`, from the warm pool when one is there. */
  take(language: Language, role: ContainerRole, limits: SandboxLimits): Promise<Docker.Container> {
    return this.pool.take(this.poolKey(language, role, limits));
  }

  /** Lends a container that goes back to the pool (`giveBack`) instead of being removed: compile containers. */
  lend(language: Language, role: ContainerRole, limits: SandboxLimits): Promise<Lease> {
    return this.pool.lend(this.poolKey(language, role, limits));
  }

  /** Returns a lent container, off the caller's path: `clean` decides whether the pool keeps it (after `check`). */
  giveBack(language: Language, role: ContainerRole, limits: SandboxLimits, lease: Lease, check: () => Promise<boolean>): void {
    const key = this.poolKey(language, role, limits);
    const returning: Promise<void> = check()
      .then((clean) => this.pool.giveBack(key, lease, clean))
      .finally(() => this.pending.delete(returning));
    this.pending.add(returning);
  }

  /** Removes the idle warm containers and waits for every removal (at shutdown). */
  async close(): Promise<void> {
    await this.settled();
    await this.pool.drain();
    await this.settled();
  }

  /** Puts the artifact into a run container and finds its cgroup; removes the container on failure. */
  async installArtifact(container: Docker.Container, artifact: Artifact): Promise<{ cgroup: CgroupReader; pid: number }> {
    try {
      await dockerCall("putArchive", container.id, () => container.putArchive(artifact.tar, { path: "/box" }));
    } catch (error) {
      await this.remove(container);
      throw error;
    }
    return this.findCgroup(container);
  }

  /** The cgroup of a container that needs nothing put in; removes the container on failure. */
  async findCgroup(container: Docker.Container): Promise<{ cgroup: CgroupReader; pid: number }> {
    try {
      const info = await dockerCall("inspect", container.id, () => container.inspect());
      const cgroup = await dockerCall("cgroup lookup", container.id, () => CgroupReader.forPid(info.State.Pid));
      return { cgroup, pid: info.State.Pid };
    } catch (error) {
      await this.remove(container);
      throw error;
    }
  }

  /** A started container of `image` for `role` under `limits`; `joinNetworkOf`: a tool's, on that container's loopback. */
  async createContainer(image: SandboxImage, role: ContainerRole, limits: SandboxLimits, joinNetworkOf?: string): Promise<Docker.Container> {
    const cpu = pickCpu(this.pinned.values(), joinNetworkOf === undefined ? undefined : this.pinned.get(joinNetworkOf));
    const uids = await this.uids.allocate();
    const options = sandboxContainerOptions({
      image: imageTag(image),
      role,
      limits,
      cpu,
      uids,
      owner: this.owner,
      expiresAt: Date.now() + CONTAINER_LIFETIME_MS,
      joinNetworkOf,
    });
    options.name = `osprep-${role}-${randomBytes(6).toString("hex")}`;
    const container = await dockerCall("createContainer", undefined, () => this.docker.createContainer(options)).catch((error: unknown) => {
      this.uids.release(uids);
      throw error;
    });
    this.pinned.set(container.id, cpu);
    this.containerUids.set(container.id, uids);
    try {
      await dockerCall("start", container.id, () => container.start());
    } catch (error) {
      await this.remove(container);
      throw error;
    }
    return container;
  }

  /**
   * Removes a container and its tmpfs volumes in the background, off the job's critical
   * path; never throws (the reaper is the backstop). `settled()` waits for the removals under way.
   */
  remove(container: Docker.Container): Promise<void> {
    this.pinned.delete(container.id);
    const uids = this.containerUids.get(container.id);
    this.containerUids.delete(container.id);
    const removal = container
      .remove({ force: true, v: true })
      // Its uids go to another container only once it is gone (a container still removing keeps them).
      .then(() => uids && this.uids.release(uids))
      .catch((error: unknown) => {
        // 404: already gone (a killed container Docker removed first); nothing is left for the reaper.
        if ((error as { statusCode?: number }).statusCode === 404) {
          if (uids) this.uids.release(uids);
          return;
        }
        this.logger.warn({ err: error, containerId: container.id }, "could not remove a sandbox container; the reaper will");
      })
      .finally(() => this.pending.delete(removal));
    this.pending.add(removal);
    return Promise.resolve();
  }

  /** Resolves when every container this runner discarded is gone. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /**
   * Whether an exec that ended with `exitCode` (null: unknown) ended because its container
   * died (killed from outside, Docker restarting) rather than by itself. Only the endings a dying
   * container produces are looked at, a moment later, when the container shows that it is dying:
   * SIGKILL (also the kernel's OOM killer or CPU limit in a live container), and 126/127 or no
   * status (the runtime could not start the process).
   */
  async diedUnder(container: Docker.Container, exitCode: number | null): Promise<boolean> {
    if (exitCode !== null && exitCode !== 128 + 9 && exitCode !== 126 && exitCode !== 127) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const info = await container.inspect().catch(() => null);
    if (info?.State.Running !== true) return true;
    // Under load Docker may not have noticed yet; the container's init on the host tells at once.
    return !(await processAlive(info.State.Pid));
  }

  /** The uid pair of one of these live containers. */
  uidsOf(container: Docker.Container): SandboxUids {
    const uids = this.containerUids.get(container.id);
    if (!uids)
      throw new SandboxError("The container has no sandbox uids: it was not created by this runner, or is already removed.", {
        operation: "exec",
        containerId: container.id,
      });
    return uids;
  }

  /** Runs a command in the container as its program's user (or `user`), with a wall-clock limit. */
  async exec(
    container: Docker.Container,
    cmd: string[],
    /**
     * `stdin` is written to the process through the exec's own stream, then closed; without it, stdin
     * is empty. `untilExit`: the output ends when the exec's process ends, not when the last process
     * holding its streams (a child left behind) closes them.
     */
    options: { workingDir: string; wallMs: number; outputBytes: number; stdin?: string | Buffer; user?: number; untilExit?: boolean },
  ): Promise<ExecResult> {
    const withStdin = options.stdin !== undefined;
    const exec = await dockerCall("exec", container.id, () =>
      container.exec({
        Cmd: cmd,
        User: `${options.user ?? this.uidsOf(container).program}:${options.user ?? this.uidsOf(container).program}`,
        WorkingDir: options.workingDir,
        AttachStdin: withStdin,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
      }),
    );
    let timedOut = false;
    let flooded = false;
    const kill = () => container.kill({ signal: "SIGKILL" }).catch(() => undefined);
    const stdout = new OutputCollector(options.outputBytes, () => {
      flooded = true;
      void kill();
    });
    const stderr = new OutputCollector(options.outputBytes, () => {
      flooded = true;
      void kill();
    });
    const started = performance.now();
    const stream = await dockerCall("exec start", container.id, () => exec.start({ hijack: true, stdin: withStdin }));
    // A program that exits without reading all its input closes the pipe under us: not an error.
    stream.on("error", () => undefined);
    if (withStdin) stream.write(options.stdin, () => stream.end());
    const timer = setTimeout(() => {
      timedOut = true;
      void kill();
    }, options.wallMs);
    let watching: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve) => {
        this.docker.modem.demuxStream(stream, stdout, stderr);
        stream.on("end", resolve);
        stream.on("close", resolve);
        stream.on("error", () => resolve());
        if (options.untilExit) {
          // Docker says the exec's process ended while its children may still hold the streams.
          const watch = async () => {
            const state = await exec.inspect().catch(() => null);
            if (state?.Running === false) {
              stdout.freeze();
              stderr.freeze();
              stream.destroy();
              resolve();
            } else watching = setTimeout(watch, EXIT_POLL_MS);
          };
          watching = setTimeout(watch, EXIT_POLL_MS);
        }
      });
    } finally {
      clearTimeout(timer);
      clearTimeout(watching);
    }
    const wallMs = performance.now() - started;
    const info = await exec.inspect().catch(() => null);
    if (info?.Running === false && !info.Pid) {
      // Docker never started the process (the runtime failed: "failed to start io pipe copy", "OCI
      // runtime exec failed"): it writes its error into the exec's output and gives the exec a status
      // (126), which would read as the program's own. Every command run here exists, so it is ours.
      const said = (stdout.text() + stderr.text()).trim().slice(0, 300);
      throw new SandboxError(`Docker could not start the process in container ${container.id.slice(0, 12)}${said ? `: ${said}` : "."}`, {
        operation: "exec start",
        containerId: container.id,
      });
    }
    return {
      exitCode: info?.Running === false ? (info.ExitCode ?? null) : null,
      stdout: stdout.text(),
      stderr: stderr.text(),
      stdoutTruncated: stdout.truncated,
      stderrTruncated: stderr.truncated,
      timedOut,
      flooded,
      wallMs,
    };
  }
}

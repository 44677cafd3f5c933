// The Runner on a Docker engine. A build compiles in a throw-away container and keeps only
// /box/out (as a tar in memory). Runs exec that artifact in a second, long-lived container where it
// is read-only, one run at a time, measured from the container's cgroup; a run that times out,
// floods, leaves processes or files behind gets the container replaced before the next run.
import { randomBytes } from "node:crypto";
import { availableParallelism, hostname } from "node:os";
import Docker from "dockerode";
import type { Logger } from "pino";
import type { SourceFile } from "@/lib/exercises/load-exercise";
import type { Language } from "@/lib/exercises/manifest";
import { CgroupReader } from "@/sandbox/cgroup/reader";
import { sandboxContainerOptions, USER_ID } from "@/sandbox/docker/container-config";
import { OutputCollector } from "@/sandbox/docker/output-collector";
import { WarmPool } from "@/sandbox/docker/warm-pool";
import { dockerCall, SandboxError } from "@/sandbox/errors";
import { imageTag } from "@/sandbox/images/image-tags";
import { TOOLCHAINS } from "@/sandbox/languages";
import { COMPILE_LIMITS, type SandboxLimits } from "@/sandbox/limits";
import type { Artifact, CompileResult, RunResult, Runner, RunSession, ServerSession, ToolReport } from "@/sandbox/runner";
import { packTar, readTar } from "@/sandbox/tar";

const MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;
const COMPILER_OUTPUT_BYTES = 64 * 1024;
/** A session's containers outlive no grading by more than this; then the reaper removes them. */
const CONTAINER_LIFETIME_MS = 30 * 60_000;
/** sleep (root) and the init process. */
const IDLE_PROCESSES = 2;

const SIGNALS: Record<number, string> = { 4: "SIGILL", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM", 24: "SIGXCPU", 25: "SIGXFSZ", 31: "SIGSYS" };

/** A run of the artifact: standard input from the root-owned /io/stdin, the program exec'd in place of the shell. */
function runCommand(language: Language): string[] {
  return ["sh", "-c", 'exec "$@" < /io/stdin', "sh", ...TOOLCHAINS[language].run];
}

let nextCpu = 0;
/** Each container is pinned to one CPU, taken in turn. */
function pickCpu(): string {
  return String(nextCpu++ % availableParallelism());
}

export class DockerRunner implements Runner {
  readonly owner = `${hostname()}:${process.pid}`;
  private readonly pool: WarmPool;
  private readonly removals = new Set<Promise<void>>();
  private readonly poolLimits = new Map<string, { language: Language; role: "compile" | "run"; limits: SandboxLimits }>();

  constructor(
    readonly docker: Docker,
    private readonly logger: Logger,
    /** Idle containers kept ready per language, role and limits (0: create each on demand). */
    warmContainers = 1,
  ) {
    this.pool = new WarmPool(
      warmContainers,
      (key) => {
        const spec = this.poolLimits.get(key)!;
        return this.createContainer(spec.language, spec.role, spec.limits);
      },
      (container) => this.remove(container),
    );
  }

  /** A started container, warm from the pool when one is ready. */
  private takeContainer(language: Language, role: "compile" | "run", limits: SandboxLimits): Promise<Docker.Container> {
    const key = `${language}:${role}:${JSON.stringify(limits)}`;
    this.poolLimits.set(key, { language, role, limits });
    return this.pool.take(key);
  }

  /** Removes the idle warm containers and waits for every removal (at shutdown). */
  async close(): Promise<void> {
    await this.pool.drain();
    await this.settled();
  }

  async compile({ language, files }: { language: Language; files: SourceFile[] }): Promise<CompileResult> {
    const toolchain = TOOLCHAINS[language];
    const container = await this.takeContainer(language, "compile", COMPILE_LIMITS);
    try {
      const sources = await packTar(
        [{ name: "src", type: "directory", content: "" }, ...files.map((file) => ({ name: `src/${file.name}`, content: file.content }))],
        { uid: USER_ID, gid: USER_ID },
      );
      await dockerCall("putArchive", container.id, () => container.putArchive(sources, { path: "/box" }));
      const run = await this.exec(container, toolchain.build(files.map((f) => f.name)), {
        workingDir: "/box/src",
        wallMs: COMPILE_LIMITS.wallSeconds * 1000,
        outputBytes: COMPILER_OUTPUT_BYTES,
      });
      const output = (run.stdout + run.stderr).trim();
      if (run.timedOut) return { ok: false, output: `${output}\nThe compiler ran for more than ${COMPILE_LIMITS.wallSeconds} s and was stopped.`.trim() };
      if (run.exitCode !== 0) return { ok: false, output: output || `The compiler exited with status ${run.exitCode}.` };
      const archive = await dockerCall("getArchive", container.id, () => container.getArchive({ path: "/box/out" }));
      const entries = await readTar(archive, MAX_ARTIFACT_BYTES);
      // The artifact goes into run containers owned by root and read-only to the program.
      const tar = await packTar(entries.map((entry) => ({ name: `out/${entry.name}`, content: entry.content, mode: 0o555 })), { uid: 0, gid: 0 });
      return { ok: true, artifact: { language, tar }, output };
    } finally {
      await this.remove(container);
    }
  }

  async startRuns({ artifact, limits }: { artifact: Artifact; limits: SandboxLimits }): Promise<RunSession> {
    return new DockerRunSession(this, artifact, limits);
  }

  async startServer({ artifact, limits }: { artifact: Artifact; limits: SandboxLimits }): Promise<ServerSession> {
    return DockerServerSession.start(this, artifact, limits);
  }

  /** @internal Puts the artifact into a run container and finds its cgroup; removes the container on failure. */
  async installArtifact(container: Docker.Container, artifact: Artifact): Promise<CgroupReader> {
    try {
      await dockerCall("putArchive", container.id, () => container.putArchive(artifact.tar, { path: "/box" }));
      const info = await dockerCall("inspect", container.id, () => container.inspect());
      return await dockerCall("cgroup lookup", container.id, () => CgroupReader.forPid(info.State.Pid));
    } catch (error) {
      await this.remove(container);
      throw error;
    }
  }

  /** @internal */
  takeRunContainer(language: Language, limits: SandboxLimits): Promise<Docker.Container> {
    return this.takeContainer(language, "run", limits);
  }

  /** @internal */
  async createContainer(language: Language, role: "compile" | "run" | "tool", limits: SandboxLimits, joinNetworkOf?: string): Promise<Docker.Container> {
    const options = sandboxContainerOptions({
      image: imageTag(TOOLCHAINS[language].image),
      role,
      limits,
      cpu: pickCpu(),
      owner: this.owner,
      expiresAt: Date.now() + CONTAINER_LIFETIME_MS,
      joinNetworkOf,
    });
    options.name = `osprep-${role}-${randomBytes(6).toString("hex")}`;
    const container = await dockerCall("createContainer", undefined, () => this.docker.createContainer(options));
    try {
      await dockerCall("start", container.id, () => container.start());
    } catch (error) {
      await this.remove(container);
      throw error;
    }
    return container;
  }

  /**
   * @internal Removes a container and its tmpfs volumes in the background, off the job's critical
   * path; never throws (the reaper is the backstop). `settled()` waits for the removals under way.
   */
  remove(container: Docker.Container): Promise<void> {
    const removal = container
      .remove({ force: true, v: true })
      .catch((error: unknown) => {
        this.logger.warn({ err: error, containerId: container.id }, "could not remove a sandbox container; the reaper will");
      })
      .finally(() => this.removals.delete(removal));
    this.removals.add(removal);
    return Promise.resolve();
  }

  /** Resolves when every container this runner discarded is gone. */
  async settled(): Promise<void> {
    while (this.removals.size > 0) await Promise.all([...this.removals]);
  }

  /** @internal Runs a command in the container as the unprivileged user, with a wall-clock limit. */
  async exec(
    container: Docker.Container,
    cmd: string[],
    options: { workingDir: string; wallMs: number; outputBytes: number; onStart?: () => void },
  ): Promise<{ exitCode: number | null; stdout: string; stderr: string; stdoutTruncated: boolean; stderrTruncated: boolean; timedOut: boolean; flooded: boolean; wallMs: number }> {
    const exec = await dockerCall("exec", container.id, () =>
      container.exec({ Cmd: cmd, User: `${USER_ID}:${USER_ID}`, WorkingDir: options.workingDir, AttachStdout: true, AttachStderr: true, Tty: false }),
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
    const stream = await dockerCall("exec start", container.id, () => exec.start({ hijack: true, stdin: false }));
    options.onStart?.();
    const timer = setTimeout(() => {
      timedOut = true;
      void kill();
    }, options.wallMs);
    try {
      await new Promise<void>((resolve) => {
        this.docker.modem.demuxStream(stream, stdout, stderr);
        stream.on("end", resolve);
        stream.on("close", resolve);
        stream.on("error", () => resolve());
      });
    } finally {
      clearTimeout(timer);
    }
    const wallMs = performance.now() - started;
    const info = await exec.inspect().catch(() => null);
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

class DockerRunSession implements RunSession {
  private container: Docker.Container | null = null;
  private cgroup: CgroupReader | null = null;
  private closed = false;
  /** The last run may have left files in /tmp or /dev/shm. */
  private scratchUsed = false;

  constructor(
    private readonly runner: DockerRunner,
    private readonly artifact: Artifact,
    private readonly limits: SandboxLimits,
  ) {}

  async run({ stdin }: { stdin: string }): Promise<RunResult> {
    if (this.closed) throw new SandboxError("This run session is closed.", { operation: "run" });
    const { container, cgroup } = await this.ready();
    const input = await packTar([{ name: "stdin", content: stdin, mode: 0o444 }], { uid: 0, gid: 0 });
    await dockerCall("putArchive", container.id, () => container.putArchive(input, { path: "/io" }));
    await cgroup.resetPeak();
    const before = await cgroup.snapshot().catch(async (error: unknown) => {
      await this.discardContainer();
      throw new SandboxError("The sandbox container stopped before a run.", { operation: "run", containerId: container.id }, { cause: error });
    });
    const outcome = await this.runner.exec(container, runCommand(this.artifact.language), {
      workingDir: "/box/out",
      wallMs: this.limits.wallSeconds * 1000,
      outputBytes: this.limits.outputKiB * 1024,
    });
    const after = await cgroup.snapshot().catch(() => null);
    if (!after && !outcome.timedOut && !outcome.flooded) {
      // We did not stop it: the container died under the run (Docker restarted, killed from outside).
      await this.discardContainer();
      throw new SandboxError("The sandbox container stopped during a run.", { operation: "run", containerId: container.id });
    }

    const cpuMs = after ? (after.cpuNanos - before.cpuNanos) / 1e6 : this.limits.cpuSeconds * 1000;
    const oomKilled = after ? after.oomKills > before.oomKills : false;
    const signalNumber = outcome.exitCode !== null && outcome.exitCode > 128 ? outcome.exitCode - 128 : null;
    const verdict: RunResult["verdict"] = outcome.flooded
      ? "OLE"
      : outcome.timedOut || cpuMs > this.limits.cpuSeconds * 1000 || signalNumber === 24
        ? "TLE"
        : oomKilled
          ? "MLE"
          : outcome.exitCode === 0
            ? "OK"
            : "RE";

    // Anything the run left behind (processes, a killed container) must not meet the next run; its
    // scratch files are emptied before the next run starts (not now: the session may end here).
    const dirty = outcome.flooded || outcome.timedOut || !after || after.pids > IDLE_PROCESSES;
    if (dirty) await this.discardContainer();
    else this.scratchUsed = true;

    return {
      verdict,
      exitCode: outcome.timedOut || outcome.flooded ? null : outcome.exitCode,
      signal: signalNumber ? (SIGNALS[signalNumber] ?? `signal ${signalNumber}`) : null,
      cpuMs: Math.min(cpuMs, this.limits.cpuSeconds * 1000 * 2),
      wallMs: outcome.wallMs,
      memoryKiB: after ? Math.round(after.memoryPeakBytes / 1024) : this.limits.memoryMiB * 1024,
      oomKilled,
      stdout: outcome.stdout,
      stderr: outcome.stderr,
      stdoutTruncated: outcome.stdoutTruncated,
      stderrTruncated: outcome.stderrTruncated,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.discardContainer();
  }

  private async ready(): Promise<{ container: Docker.Container; cgroup: CgroupReader }> {
    if (this.container && this.scratchUsed) {
      this.scratchUsed = false;
      if (!(await this.cleanScratch(this.container))) await this.discardContainer();
    }
    if (this.container && this.cgroup) return { container: this.container, cgroup: this.cgroup };
    const container = await this.runner.takeRunContainer(this.artifact.language, this.limits);
    this.cgroup = await this.runner.installArtifact(container, this.artifact);
    this.container = container;
    return { container, cgroup: this.cgroup };
  }

  /** Empties /tmp and /dev/shm after a run; false when something there could not be removed. */
  private async cleanScratch(container: Docker.Container): Promise<boolean> {
    const cleanup = await this.runner
      .exec(container, ["sh", "-c", 'chmod -R u+rwx /tmp/* /dev/shm/* 2>/dev/null; find /tmp /dev/shm -mindepth 1 -delete 2>/dev/null; [ -z "$(ls -A /tmp)$(ls -A /dev/shm)" ]'], {
        workingDir: "/",
        wallMs: 5_000,
        outputBytes: 1024,
      })
      .catch(() => null);
    return cleanup?.exitCode === 0;
  }

  private async discardContainer(): Promise<void> {
    const container = this.container;
    this.container = null;
    this.cgroup = null;
    if (container) await this.runner.remove(container);
  }
}

/**
 * Server mode: the submission runs as a long-lived process in a run container; trusted tools run in
 * their own hardened containers that share only that container's network namespace (its loopback).
 */
class DockerServerSession implements ServerSession {
  private constructor(
    private readonly runner: DockerRunner,
    private readonly container: Docker.Container,
    private readonly cgroup: CgroupReader,
    private readonly before: { cpuNanos: number; oomKills: number },
    private readonly server: ReturnType<DockerRunner["exec"]>,
    private readonly limits: SandboxLimits,
  ) {}

  static async start(runner: DockerRunner, artifact: Artifact, limits: SandboxLimits): Promise<DockerServerSession> {
    const container = await runner.createContainer(artifact.language, "run", limits);
    const cgroup = await runner.installArtifact(container, artifact);
    try {
      const empty = await packTar([{ name: "stdin", content: "", mode: 0o444 }], { uid: 0, gid: 0 });
      await dockerCall("putArchive", container.id, () => container.putArchive(empty, { path: "/io" }));
      const before = await cgroup.snapshot();
      // The server runs until stop(); its wall limit is the session's whole life.
      const server = runner.exec(container, runCommand(artifact.language), { workingDir: "/box/out", wallMs: CONTAINER_LIFETIME_MS, outputBytes: limits.outputKiB * 1024 });
      server.catch(() => undefined);
      return new DockerServerSession(runner, container, cgroup, before, server, limits);
    } catch (error) {
      await runner.remove(container);
      throw error;
    }
  }

  async probe(options: { image: Language; command: string[]; files: SourceFile[]; wallSeconds: number }): Promise<ToolReport> {
    const tool = await this.runner.createContainer(options.image, "tool", { ...this.limits, cpuSeconds: options.wallSeconds, wallSeconds: options.wallSeconds }, this.container.id);
    try {
      const files = await packTar(
        [{ name: "out", type: "directory", content: "", mode: 0o755 }, ...options.files.map((file) => ({ name: `out/${file.name}`, content: file.content, mode: 0o555 }))],
        { uid: 0, gid: 0 },
      );
      await dockerCall("putArchive", tool.id, () => tool.putArchive(files, { path: "/box" }));
      const report = await this.runner.exec(tool, options.command, { workingDir: "/box/out", wallMs: options.wallSeconds * 1000, outputBytes: 1024 * 1024 });
      return { exitCode: report.exitCode, stdout: report.stdout, stderr: report.stderr, timedOut: report.timedOut };
    } finally {
      await this.runner.remove(tool);
    }
  }

  async stop(): Promise<RunResult> {
    const after = await this.cgroup.snapshot().catch(() => null);
    const stillRunning = after !== null && after.pids > IDLE_PROCESSES;
    await this.container.kill({ signal: "SIGKILL" }).catch(() => undefined);
    const outcome = await this.server;
    await this.runner.remove(this.container);
    const cpuMs = after ? (after.cpuNanos - this.before.cpuNanos) / 1e6 : 0;
    const oomKilled = after ? after.oomKills > this.before.oomKills : false;
    // A server is expected to be still serving when stopped; one that already exited crashed or quit.
    const verdict: RunResult["verdict"] = outcome.flooded ? "OLE" : oomKilled ? "MLE" : cpuMs > this.limits.cpuSeconds * 1000 ? "TLE" : stillRunning ? "OK" : "RE";
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

/** Connects to the engine (DOCKER_HOST or the local socket), failing with a sentence if it is not there. */
export async function connectDocker(): Promise<Docker> {
  const docker = new Docker();
  try {
    await docker.ping();
  } catch (error) {
    const where = process.env.DOCKER_HOST ?? "/var/run/docker.sock";
    throw new SandboxError(`Docker engine not reachable at ${where}: start it or set DOCKER_HOST.`, { operation: "ping" }, { cause: error });
  }
  return docker;
}

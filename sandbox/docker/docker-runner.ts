// The Runner on a Docker engine. A submission builds and runs in one job container; a reference
// compiles apart (the artifact kept as a tar in memory) and runs in a run container where it is
// read-only. A session's runs go one at a time through its supervisor (one exec; see
// sandbox/supervisor/), measured from the container's cgroup; a run the supervisor could not serve
// is replayed in an exec of its own, and a container something was left in is replaced.
import { randomBytes } from "node:crypto";
import { readdir, readFile, readlink } from "node:fs/promises";
import { availableParallelism, hostname } from "node:os";
import Docker from "dockerode";
import type { Logger } from "pino";
import type { SourceFile, BuildVariant, ServerProcess, ToolRun } from "@/contracts/programs";
import type { Language } from "@/contracts/languages";
import { CgroupReader, type CgroupSnapshot } from "@/sandbox/cgroup/reader";
import { classifyRun } from "@/sandbox/docker/classify-run";
import { type ContainerRole, runLimitsUpdate, runRlimits, runRlimitValues, sandboxContainerOptions } from "@/sandbox/docker/container-config";
import { type SandboxUids, type UidAllocator, uidAllocatorFor } from "@/sandbox/docker/sandbox-uids";
import { OutputCollector } from "@/sandbox/docker/output-collector";
import { SupervisorClient } from "@/sandbox/docker/supervisor-client";
import { type Lease, WarmPool } from "@/sandbox/docker/warm-pool";
import { dockerCall, SandboxError } from "@/sandbox/errors";
import { imageTag, type SandboxImage } from "@/sandbox/images/image-tags";
import { buildScript, objectsScript, TOOLCHAINS } from "@/sandbox/languages";
import { COMPILE_LIMITS, type SandboxLimits } from "@/sandbox/limits";
import type { Artifact, BuildAndRunResult, BuildSpec, CompileResult, RunResult, Runner, RunSession, ServerSession, ToolProgram } from "@/sandbox/runner";
import { sourcesKey } from "@/sandbox/sources-key";
import { packTar, readTar, type TarEntry } from "@/sandbox/tar";

const MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;
const COMPILER_OUTPUT_BYTES = 64 * 1024;
/** A session's containers outlive no grading by more than this; then the reaper removes them. */
const CONTAINER_LIFETIME_MS = 30 * 60_000;
/** The build script's status when the sources could not be unpacked (no toolchain exits with it). */
const UNPACK_FAILED = 125;
/** A compile container serves builds for this long at most, well inside its lifetime. */
const COMPILE_CONTAINER_REUSE_MS = 10 * 60_000;
/** Exercises' objects kept per runner (each a few KiB: a driver compiled per language and variant). */
const SHARED_OBJECTS_KEPT = 256;
/** File names that may appear in a build script as they are. */
const SIMPLE_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** How often an exec whose output ends with its process asks Docker whether the process ended. */
const EXIT_POLL_MS = 20;
/** sleep (root) and the init process. */
const IDLE_PROCESSES = 2;

const SIGNALS: Record<number, string> = {
  4: "SIGILL",
  6: "SIGABRT",
  7: "SIGBUS",
  8: "SIGFPE",
  9: "SIGKILL",
  11: "SIGSEGV",
  13: "SIGPIPE",
  15: "SIGTERM",
  24: "SIGXCPU",
  25: "SIGXFSZ",
  31: "SIGSYS",
};

/** Where a run may leave files; emptied before the next run of the session. */
const SCRATCH_DIRS = ["/tmp", "/dev/shm"];

/** A command that empties `dirs` (whatever permissions their contents were given) and fails unless they end empty. */
function emptyDirectories(dirs: string[]): string[] {
  const contents = dirs.map((dir) => `${dir}/*`).join(" ");
  const listings = dirs.map((dir) => `$(ls -A ${dir})`).join("");
  return ["sh", "-c", `chmod -R u+rwx ${contents} 2>/dev/null; find ${dirs.join(" ")} -mindepth 1 -delete 2>/dev/null; [ -z "${listings}" ]`];
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

export class DockerRunner implements Runner {
  readonly owner = `${hostname()}:${process.pid}`;
  private readonly pool: WarmPool;
  /** Container removals and compile containers on their way back to the pool. */
  private readonly pending = new Set<Promise<void>>();
  /** The CPUs each live container of this runner is pinned to. */
  private readonly pinned = new Map<string, string>();
  /** The uid pair of each live container of this runner. */
  private readonly containerUids = new Map<string, SandboxUids>();
  private readonly poolLimits = new Map<string, { language: Language; role: ContainerRole; limits: SandboxLimits }>();
  /** The objects of exercises' own sources by content (see withSharedObjects); null: they did not compile. */
  private readonly sharedObjects = new Map<string, Promise<TarEntry[] | null>>();

  constructor(
    readonly docker: Docker,
    readonly logger: Logger,
    /** Idle containers kept ready per language, role and limits (0: create each on demand). */
    warmContainers = 1,
    /** Where each container's uid pair comes from (one allocator per range and process by default). */
    private readonly uids: UidAllocator = uidAllocatorFor(),
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

  /** Removes the idle warm containers and waits for every removal (at shutdown). */
  async close(): Promise<void> {
    await this.settled();
    await this.pool.drain();
    await this.settled();
  }

  async compile({ language, files, variant = "standard", userFiles }: BuildSpec): Promise<CompileResult> {
    const built = await this.compileInPool(language, files, buildScript(language, variant, userFiles));
    if (!built.ok) return built;
    // The artifact goes into run containers owned by root and read-only to the program.
    const tar = await packTar(
      built.entries.map((entry) => ({ name: `out/${entry.name}`, content: entry.content, mode: 0o555 })),
      { uid: 0, gid: 0 },
    );
    return { ok: true, artifact: { language, tar }, output: built.output };
  }

  /** Runs `script` on `files` in a compile container from the pool; what it left in /box/out comes back as tar entries. */
  private async compileInPool(
    language: Language,
    files: TarEntry[],
    script: string,
  ): Promise<{ ok: true; entries: TarEntry[]; output: string } | { ok: false; output: string }> {
    const key = this.poolKey(language, "compile", COMPILE_LIMITS);
    const lease = await this.pool.lend(key);
    const { container } = lease;
    let reusable = false;
    try {
      const build = await this.build(container, files, this.uidsOf(container).program, script);
      reusable = build.ok || !build.timedOut;
      if (!build.ok) return { ok: false, output: build.output };
      const archive = await dockerCall("getArchive", container.id, () => container.getArchive({ path: "/box/out" }));
      return { ok: true, entries: await readTar(archive, MAX_ARTIFACT_BYTES), output: build.output };
    } catch (error) {
      reusable = false;
      throw error;
    } finally {
      // Off the job's critical path: wiped and checked, the container serves the next build.
      const returning: Promise<void> = this.wipeCompileContainer(lease, reusable)
        .then((clean) => this.pool.giveBack(key, lease, clean))
        .finally(() => this.pending.delete(returning));
      this.pending.add(returning);
    }
  }

  /**
   * The files a build of `files` is given: where the language has objects (C, C++) and every file
   * the user wrote is a source, the exercise's own sources (`shared`: the same in every build) are
   * replaced by their objects, compiled once per runner and kept by content; the user's files and
   * the exercise's headers go as they are. The build links what it is given, so the program is the
   * same; the build only skips recompiling the exercise's driver each time.
   */
  private async withSharedObjects(language: Language, files: SourceFile[], shared: string[], variant: BuildVariant): Promise<TarEntry[]> {
    const extension = TOOLCHAINS[language].objects?.extension;
    const sharedNames = new Set(shared);
    const sources = files.filter((file) => sharedNames.has(file.name) && extension && file.name.endsWith(extension));
    const own = files.filter((file) => !sharedNames.has(file.name));
    const usable =
      extension && sources.length > 0 && own.every((file) => file.name.endsWith(extension)) && files.every((file) => SIMPLE_FILE_NAME.test(file.name));
    if (!usable) return files;
    const script = objectsScript(
      language,
      variant,
      sources.map((file) => file.name),
    )!;
    const exerciseFiles = files.filter((file) => sharedNames.has(file.name));
    const key = `${imageTag(TOOLCHAINS[language].image)}\0${script}\0${sourcesKey(language, exerciseFiles)}`;
    let objects = this.sharedObjects.get(key);
    if (!objects) {
      objects = this.compileInPool(language, exerciseFiles, script).then(
        (built) => (built.ok ? built.entries : null),
        () => null,
      );
      this.sharedObjects.set(key, objects);
      // Not kept if it failed: the next build tries again (and meanwhile builds from the sources).
      void objects.then((built) => built ?? this.sharedObjects.delete(key));
      if (this.sharedObjects.size > SHARED_OBJECTS_KEPT) this.sharedObjects.delete(this.sharedObjects.keys().next().value!);
    }
    const built = await objects;
    if (!built) {
      this.logger.warn({ language, shared }, "the exercise's own sources did not compile to objects; building from sources");
      return files;
    }
    const compiled = new Set(sources.map((file) => file.name));
    return [...files.filter((file) => !compiled.has(file.name)), ...built];
  }

  /**
   * A compile container runs only the toolchain, never submitted code, so it may serve many builds,
   * one at a time: after each, its sources, output and scratch are removed and it must hold nothing
   * and run nothing (besides its idle processes) before the next build's sources go in.
   */
  private async wipeCompileContainer(lease: Lease, reusable: boolean): Promise<boolean> {
    if (!reusable || Date.now() - lease.createdAt > COMPILE_CONTAINER_REUSE_MS) return false;
    const dirs = ["/box", ...SCRATCH_DIRS];
    const wipe = await this.exec(lease.container, emptyDirectories(dirs), {
      workingDir: "/",
      wallMs: 5_000,
      outputBytes: 1024,
    }).catch(() => null);
    if (wipe?.exitCode !== 0) return false;
    const info = await lease.container.inspect().catch(() => null);
    if (!info?.State.Running) return false;
    const processes = await CgroupReader.forPid(info.State.Pid)
      .then((cgroup) => cgroup.snapshot())
      .catch(() => null);
    return processes !== null && processes.pids <= IDLE_PROCESSES;
  }

  async startRuns({ artifact, limits }: { artifact: Artifact; limits: SandboxLimits }): Promise<RunSession> {
    return new DockerRunSession(this, artifact.language, limits, () => this.provisionRunContainer(artifact, limits));
  }

  /**
   * Builds and runs in one container (a job container): the sources go in, the toolchain builds
   * them in place as the builder user, the container's limits are narrowed to the run limits, and
   * runs exec what was built as the program's user, to whom it is read-only. One container per
   * submission instead of a compile container plus a run container and the artifact's round trip.
   */
  async buildAndStartRuns({
    language,
    files,
    limits,
    variant = "standard",
    shared = [],
    userFiles,
  }: BuildSpec & { limits: SandboxLimits; shared?: string[] }): Promise<BuildAndRunResult> {
    const given = this.withSharedObjects(language, files, shared, variant);
    const container = await this.pool.take(this.poolKey(language, "job", limits));
    try {
      // Where the container's cgroup is, looked up while it builds.
      const located = dockerCall("inspect", container.id, () => container.inspect());
      located.catch(() => undefined);
      const build = await this.build(container, await given, this.uidsOf(container).builder, buildScript(language, variant, userFiles));
      if (!build.ok) {
        await this.remove(container);
        return { ok: false, output: build.output };
      }
      await dockerCall("update", container.id, () => container.update(runLimitsUpdate(limits)));
      const info = await located;
      const cgroup = await dockerCall("cgroup lookup", container.id, () => CgroupReader.forPid(info.State.Pid));
      const idle = await dockerCall("cgroup read", container.id, () => cgroup.snapshot());
      if (idle.pids > IDLE_PROCESSES || !(await scratchLooksEmpty(info.State.Pid))) {
        throw new SandboxError("The build left processes or scratch files behind.", { operation: "compile", containerId: container.id });
      }
      const prepared = { container, cgroup, pid: info.State.Pid };
      // A replacement container (after a run that had to be stopped) is rare: it builds again, apart.
      const provision = async () => {
        const compiled = await this.compile({ language, files, variant, userFiles });
        if (!compiled.ok) throw new SandboxError("The code did not compile again for a fresh container.", { operation: "compile" });
        return this.provisionRunContainer(compiled.artifact, limits);
      };
      return { ok: true, output: build.output, session: new DockerRunSession(this, language, limits, provision, prepared) };
    } catch (error) {
      await this.remove(container);
      throw error;
    }
  }

  /**
   * Unpacks `files` into /box/src and runs the toolchain's `script` there as `user`, in one exec
   * (the sources arrive as a tar on its standard input); what it builds is left in /box/out.
   */
  private async build(
    container: Docker.Container,
    files: TarEntry[],
    user: number,
    toolchainScript: string,
  ): Promise<{ ok: true; output: string } | { ok: false; output: string; timedOut: boolean }> {
    const sources = await packTar(files, { uid: user, gid: user });
    const script = [
      `mkdir /box/src && tar -x -C /box/src || exit ${UNPACK_FAILED}`,
      "cd /box/src",
      toolchainScript,
      // The toolchain's scratch (a build cache, temporary files) is removed by the build's own user.
      `status=$?; find ${SCRATCH_DIRS.join(" ")} -mindepth 1 -delete 2>/dev/null; exit $status`,
    ].join("\n");
    const run = await this.exec(container, ["sh", "-c", script], {
      workingDir: "/box",
      wallMs: COMPILE_LIMITS.wallSeconds * 1000,
      outputBytes: COMPILER_OUTPUT_BYTES,
      user,
      stdin: sources,
    });
    if (run.exitCode === UNPACK_FAILED)
      throw new SandboxError(`The sources could not be unpacked: ${run.stderr.slice(0, 200)}`, { operation: "compile", containerId: container.id });
    const output = (run.stdout + run.stderr).trim();
    // A compiler that failed in a container that is gone did not fail on the code: it was stopped under us.
    if (!run.timedOut && !run.flooded && (await this.diedUnder(container, run.exitCode))) {
      throw new SandboxError("The sandbox container stopped during the build.", { operation: "compile", containerId: container.id });
    }
    if (run.timedOut)
      return { ok: false, timedOut: true, output: `${output}\nThe compiler ran for more than ${COMPILE_LIMITS.wallSeconds} s and was stopped.`.trim() };
    if (run.exitCode !== 0 || run.flooded) return { ok: false, timedOut: run.flooded, output: output || `The compiler exited with status ${run.exitCode}.` };
    return { ok: true, output };
  }

  /** A run container from the pool with the artifact installed. */
  private async provisionRunContainer(artifact: Artifact, limits: SandboxLimits): Promise<PreparedContainer> {
    const container = await this.takeRunContainer(artifact.language, limits);
    return { container, ...(await this.installArtifact(container, artifact)) };
  }

  /** @internal A started run container for `language` under `limits`, from the warm pool when one is there. */
  takeRunContainer(language: Language, limits: SandboxLimits): Promise<Docker.Container> {
    return this.pool.take(this.poolKey(language, "run", limits));
  }

  async startServer(
    options: { artifact: Artifact; limits: SandboxLimits } | { image: SandboxImage; command: string[]; limits: SandboxLimits },
  ): Promise<ServerSession> {
    return DockerServerSession.start(this, options);
  }

  /** @internal Puts the artifact into a run container and finds its cgroup; removes the container on failure. */
  async installArtifact(container: Docker.Container, artifact: Artifact): Promise<{ cgroup: CgroupReader; pid: number }> {
    try {
      await dockerCall("putArchive", container.id, () => container.putArchive(artifact.tar, { path: "/box" }));
    } catch (error) {
      await this.remove(container);
      throw error;
    }
    return this.findCgroup(container);
  }

  /** @internal The cgroup of a container that needs nothing put in; removes the container on failure. */
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

  /** @internal */
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
   * @internal Removes a container and its tmpfs volumes in the background, off the job's critical
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
   * @internal Whether an exec that ended with `exitCode` (null: unknown) ended because its container
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

  /** @internal The uid pair of one of this runner's live containers. */
  uidsOf(container: Docker.Container): SandboxUids {
    const uids = this.containerUids.get(container.id);
    if (!uids)
      throw new SandboxError("The container has no sandbox uids: it was not created by this runner, or is already removed.", {
        operation: "exec",
        containerId: container.id,
      });
    return uids;
  }

  /** @internal Runs a command in the container as its program's user (or `user`), with a wall-clock limit. */
  async exec(
    container: Docker.Container,
    cmd: string[],
    /**
     * `stdin` is written to the process through the exec's own stream, then closed; without it, stdin
     * is empty. `untilExit`: the output ends when the exec's process ends, not when the last process
     * holding its streams (a child left behind) closes them.
     */
    options: { workingDir: string; wallMs: number; outputBytes: number; stdin?: string | Buffer; user?: number; untilExit?: boolean },
  ): Promise<{
    exitCode: number | null;
    stdout: string;
    stderr: string;
    stdoutTruncated: boolean;
    stderrTruncated: boolean;
    timedOut: boolean;
    flooded: boolean;
    wallMs: number;
  }> {
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

/** A started container ready for runs: where to read its cgroup, and its init's host pid. */
interface PreparedContainer {
  container: Docker.Container;
  cgroup: CgroupReader;
  pid: number;
  /** The session's supervisor in this container, once started. */
  supervisor?: SupervisorClient;
  /** Its start, begun as soon as the container was ready (null: it did not start). */
  starting?: Promise<SupervisorClient | null>;
  /** Removed: a supervisor that could not start in it is no news. */
  discarded?: boolean;
}

/** How a run ended, as the exec or the supervisor saw it, before the cgroup's reading is added. */
interface RunOutcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  timedOut: boolean;
  flooded: boolean;
  wallMs: number;
}

/**
 * Runs go through the container's supervisor (one exec for the whole session, the program forked
 * once per run); a run whose supervisor died or stopped answering (the program shares its uid and
 * may have killed it) is replayed in an exec of its own in a fresh container, and so are the
 * session's later runs.
 */
class DockerRunSession implements RunSession {
  private prepared: PreparedContainer | null;
  private closed = false;
  /** The last run may have left files in /tmp or /dev/shm. */
  private scratchUsed = false;
  /** Runs go one exec each: the supervisor could not serve this session. */
  private execPerRun = false;

  /** The first container, being made since the session was (its first run need not wait for it from scratch). */
  private provisioning: Promise<PreparedContainer> | null = null;

  constructor(
    private readonly runner: DockerRunner,
    private readonly language: Language,
    private readonly limits: SandboxLimits,
    /** A fresh container with the program in place, for the first run or after one was discarded. */
    private readonly provision: () => Promise<PreparedContainer>,
    initial?: PreparedContainer,
  ) {
    this.prepared = initial ?? null;
    if (initial) this.warm(initial);
    else {
      this.provisioning = provision();
      this.provisioning.then(
        (prepared) => this.warm(prepared),
        () => undefined,
      );
    }
  }

  /** Starts the container's supervisor ahead of the first run (~50 ms off its path). */
  private warm(prepared: PreparedContainer): void {
    if (this.execPerRun || this.closed || prepared.supervisor || prepared.starting) return;
    prepared.starting = this.startSupervisor(prepared).catch(() => null);
  }

  async run({ stdin }: { stdin: string }): Promise<RunResult> {
    if (this.closed) throw new SandboxError("This run session is closed.", { operation: "run" });
    if (!this.execPerRun) {
      const supervised = await this.runSupervised(stdin);
      if (supervised) return supervised;
      this.execPerRun = true;
    }
    return this.runInOwnExec(stdin);
  }

  /** One run through the supervisor; null when it could not give one (the run is then replayed). */
  private async runSupervised(stdin: string): Promise<RunResult | null> {
    const prepared = await this.ready();
    const { container, cgroup } = prepared;
    this.warm(prepared);
    prepared.supervisor ??= (await prepared.starting) ?? undefined;
    const { supervisor } = prepared;
    if (!supervisor) return null;
    const before = await this.snapshotBefore(container, cgroup);
    const reply = await supervisor.run(stdin, this.limits.wallSeconds * 1000);
    if (!reply) {
      // Killed, stopped, or its container died: only the last is not the program's own doing.
      const containerDied = await this.runner.diedUnder(container, null);
      await this.discardContainer();
      if (containerDied) throw stoppedDuringRun(container);
      this.runner.logger.info(
        { containerId: container.id, message: supervisor.message },
        "the supervisor ended during a run; replaying it in an exec of its own",
      );
      return null;
    }
    // The supervisor is one of the container's processes now, besides its idle ones.
    const after = await idleSnapshot(cgroup, IDLE_PROCESSES + 1);
    if (!after) {
      await this.discardContainer();
      throw stoppedDuringRun(container);
    }
    const outcome: RunOutcome = {
      exitCode: reply.status,
      stdout: reply.stdout.toString("utf8"),
      stderr: reply.stderr.toString("utf8"),
      stdoutTruncated: reply.stdoutFlooded,
      stderrTruncated: reply.stderrFlooded,
      timedOut: reply.timedOut,
      flooded: reply.stdoutFlooded || reply.stderrFlooded,
      wallMs: reply.wallMs,
    };
    // The supervisor killed whatever the run left running; anything still there means the container goes.
    if (after.pids > IDLE_PROCESSES + 1) await this.discardContainer();
    else this.scratchUsed = !(await scratchLooksEmpty(prepared.pid));
    return this.result(outcome, before, after);
  }

  /** Starts the container's supervisor; null (logged) when it cannot start: the session then goes one exec per run. */
  private async startSupervisor(prepared: PreparedContainer): Promise<SupervisorClient | null> {
    const { container } = prepared;
    const started = await SupervisorClient.start(this.runner.docker, container, {
      command: TOOLCHAINS[this.language].run,
      workingDir: "/box/out",
      user: this.runner.uidsOf(container).program,
      limits: { ...runRlimitValues(this.limits), outputBytes: this.limits.outputKiB * 1024, wallMs: this.limits.wallSeconds * 1000 },
    });
    if (started.client) return started.client;
    if (prepared.discarded) return null;
    this.runner.logger.warn({ containerId: container.id, message: started.message }, "the run supervisor did not start; runs go one exec each");
    return null;
  }

  /**
   * One run in an exec of its own, the program under prlimit, its streams those of the exec: the way
   * of a session whose supervisor could not serve it (the program killed or stopped it), so slow is fine.
   */
  private async runInOwnExec(stdin: string): Promise<RunResult> {
    const { container, cgroup } = await this.ready();
    const before = await this.snapshotBefore(container, cgroup);
    const outcome = await this.runner.exec(container, [...runRlimits(this.limits), ...TOOLCHAINS[this.language].run], {
      workingDir: "/box/out",
      wallMs: this.limits.wallSeconds * 1000,
      outputBytes: this.limits.outputKiB * 1024,
      stdin,
      untilExit: true,
    });
    // A live container always holds its idle processes; fewer means it is dead or dying.
    let after = await idleSnapshot(cgroup);
    if (after && !outcome.timedOut && !outcome.flooded && (await this.runner.diedUnder(container, outcome.exitCode))) after = null;
    if (!after && !outcome.timedOut && !outcome.flooded) {
      // We did not stop it: the container died under the run (Docker restarted, killed from outside).
      await this.discardContainer();
      throw stoppedDuringRun(container);
    }
    // Here nobody cleans up after the run (processes, scratch files, IPC objects): the next run gets a new container.
    await this.discardContainer();
    return this.result(outcome, before, after);
  }

  /** The cgroup's reading before a run, its peak-memory gauge started afresh. */
  private async snapshotBefore(container: Docker.Container, cgroup: CgroupReader): Promise<CgroupSnapshot> {
    await cgroup.resetPeak();
    return cgroup.snapshot().catch(async (error: unknown) => {
      await this.discardContainer();
      throw new SandboxError("The sandbox container stopped before a run.", { operation: "run", containerId: container.id }, { cause: error });
    });
  }

  /** The run's result from how it ended and the cgroup's readings around it (`after` null: the container was killed). */
  private result(outcome: RunOutcome, before: CgroupSnapshot, after: CgroupSnapshot | null): RunResult {
    const cpuMs = after ? (after.cpuNanos - before.cpuNanos) / 1e6 : this.limits.cpuSeconds * 1000;
    const oomKilled = after ? after.oomKills > before.oomKills : false;
    const signalNumber = outcome.exitCode !== null && outcome.exitCode > 128 ? outcome.exitCode - 128 : null;
    const verdict = classifyRun({
      flooded: outcome.flooded,
      timedOut: outcome.timedOut,
      exitCode: outcome.exitCode,
      oomKilled,
      cpuMs,
      cpuLimitMs: this.limits.cpuSeconds * 1000,
    });
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
    const provisioning = this.provisioning;
    this.provisioning = null;
    if (provisioning) this.prepared ??= await provisioning.catch(() => null);
    await this.discardContainer();
  }

  private async ready(): Promise<PreparedContainer> {
    if (this.prepared && this.scratchUsed) {
      this.scratchUsed = false;
      if (!(await this.cleanScratch(this.prepared.container))) await this.discardContainer();
    }
    if (!this.prepared) {
      const pending = this.provisioning ?? this.provision();
      this.provisioning = null;
      this.prepared = await pending;
    }
    return this.prepared;
  }

  /** Empties /tmp and /dev/shm after a run; false when something there could not be removed. */
  private async cleanScratch(container: Docker.Container): Promise<boolean> {
    const cleanup = await this.runner
      .exec(container, emptyDirectories(SCRATCH_DIRS), {
        workingDir: "/",
        wallMs: 5_000,
        outputBytes: 1024,
      })
      .catch(() => null);
    return cleanup?.exitCode === 0;
  }

  private async discardContainer(): Promise<void> {
    const prepared = this.prepared;
    this.prepared = null;
    if (!prepared) return;
    prepared.discarded = true;
    prepared.supervisor?.close();
    void prepared.starting?.then((started) => started?.close());
    await this.runner.remove(prepared.container);
  }
}

/**
 * Server mode: the submission runs as a long-lived process in a run container; trusted tools run in
 * their own hardened containers that share only that container's network namespace (its loopback).
 */
class DockerServerSession implements ServerSession {
  /**
   * The trusted tools' containers, by tool and limits: made at a tool's first probe and kept for the
   * next ones (a container costs ~0.3 s; an exec ~50 ms), removed with the server. A probe that runs
   * out of time kills its container, which is then made anew.
   */
  private readonly tools = new Map<string, Promise<Docker.Container>>();

  private constructor(
    private readonly runner: DockerRunner,
    private readonly container: Docker.Container,
    private readonly cgroup: CgroupReader,
    private readonly before: { cpuNanos: number; oomKills: number },
    private readonly server: ReturnType<DockerRunner["exec"]>,
    private readonly limits: SandboxLimits,
  ) {}

  static async start(
    runner: DockerRunner,
    options: { artifact: Artifact; limits: SandboxLimits } | { image: SandboxImage; command: string[]; limits: SandboxLimits },
  ): Promise<DockerServerSession> {
    const { limits } = options;
    const container =
      "artifact" in options ? await runner.takeRunContainer(options.artifact.language, limits) : await runner.createContainer(options.image, "run", limits);
    const { cgroup } = "artifact" in options ? await runner.installArtifact(container, options.artifact) : await runner.findCgroup(container);
    try {
      const before = await dockerCall("cgroup read", container.id, () => cgroup.snapshot());
      const command = "artifact" in options ? TOOLCHAINS[options.artifact.language].run : options.command;
      // The server runs until stop(); its wall limit is the session's whole life.
      const server = runner.exec(container, [...runRlimits(limits), ...command], {
        workingDir: "artifact" in options ? "/box/out" : "/tmp",
        wallMs: CONTAINER_LIFETIME_MS,
        outputBytes: limits.outputKiB * 1024,
      });
      server.catch(() => undefined);
      return new DockerServerSession(runner, container, cgroup, before, server, limits);
    } catch (error) {
      await runner.remove(container);
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
    const report = await this.runner.exec(tool, command, { workingDir: "/box/out", wallMs: options.wallSeconds * 1000, outputBytes: 1024 * 1024 });
    // exec kills the container when a probe runs out of time or floods: the next probe gets a new one.
    if (report.timedOut || report.flooded) {
      this.tools.delete(toolKey);
      await this.runner.remove(tool);
    }
    return { exitCode: report.exitCode, stdout: report.stdout, stderr: report.stderr, timedOut: report.timedOut };
  }

  /** A tool's container next to the server, its files in place; each probe's wall limit is its exec's, the CPU limit per process generous (the tool is ours). */
  private async toolContainer(options: ToolProgram & { limits?: Partial<SandboxLimits> }): Promise<Docker.Container> {
    const limits = { ...this.limits, ...options.limits, cpuSeconds: CONTAINER_LIFETIME_MS / 1000, wallSeconds: CONTAINER_LIFETIME_MS / 1000 };
    const image = "artifact" in options ? TOOLCHAINS[options.artifact.language].image : options.image;
    const tool = await this.runner.createContainer(image, "tool", limits, this.container.id);
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
      await this.runner.remove(tool);
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
          (tool) => this.runner.remove(tool),
          () => undefined,
        ),
      ),
    );
  }

  async processes(options: { epoll?: boolean } = {}): Promise<ServerProcess[]> {
    const { program } = this.runner.uidsOf(this.container);
    const pids = await this.cgroup.processIds().catch(() => []);
    const found = await Promise.all(
      pids.map(async (pid) => {
        try {
          const status = await readFile(`/proc/${pid}/status`, "utf8");
          const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
          if (uid !== program) return null;
          const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1]);
          const descriptors = await readdir(`/proc/${pid}/fd`);
          const server: ServerProcess = { pid, threads, openFiles: descriptors.length };
          if (options.epoll) server.epollInstances = await epollsWatchingSockets(pid, descriptors);
          return server;
        } catch {
          return null; // exited meanwhile
        }
      }),
    );
    return found.filter((process): process is ServerProcess => process !== null);
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
    await this.runner.remove(this.container);
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

/**
 * How many of process `pid`'s epoll instances watch at least one of its sockets. An epoll
 * descriptor's fdinfo lists each watched file ("tfd: 5 events: 19 data: 0 pos:0 ino:61af sdev:8",
 * the inode in hex); a socket descriptor links to "socket:[<inode>]".
 */
async function epollsWatchingSockets(pid: number, descriptors: string[]): Promise<number> {
  const links = await Promise.all(descriptors.map(async (fd) => ({ fd, link: await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "") })));
  const sockets = new Set(links.flatMap(({ link }) => /^socket:\[(\d+)\]$/.exec(link)?.[1] ?? []));
  let watching = 0;
  for (const { fd, link } of links) {
    if (link !== "anon_inode:[eventpoll]") continue;
    const info = await readFile(`/proc/${pid}/fdinfo/${fd}`, "utf8").catch(() => "");
    const watched = [...info.matchAll(/^tfd:.*\bino:([0-9a-f]+)/gm)].map((match) => BigInt(`0x${match[1]}`).toString());
    if (watched.some((inode) => sockets.has(inode))) watching++;
  }
  return watching;
}

const artifactIds = new WeakMap<Artifact, number>();
let nextArtifactId = 0;
/** A number per artifact (one object per build, kept by the workers' cache), to know a tool's container again. */
function artifactId(artifact: Artifact): number {
  let id = artifactIds.get(artifact);
  if (id === undefined) artifactIds.set(artifact, (id = nextArtifactId++));
  return id;
}

/** A container that died under a run without our doing (killed from outside, Docker restarting): our fault, retried. */
function stoppedDuringRun(container: Docker.Container): SandboxError {
  return new SandboxError("The sandbox container stopped during a run.", { operation: "run", containerId: container.id });
}

/** The kernel's flag (include/linux/sched.h) on a task that has begun to exit. */
const PF_EXITING = 0x4;

/** Whether host process `pid` is alive: present, not exiting, neither a zombie nor dead. */
async function processAlive(pid: number): Promise<boolean> {
  if (!pid) return false;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // After the command name: state, ppid, pgrp, session, tty, tpgid, flags.
    const [state = "", , , , , , flags = "0"] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // A killed init stays "S" while it waits for the rest of its pid namespace to die; the kernel
    // marks it exiting from the start (PF_EXITING), before its processes are gone.
    return state !== "Z" && state !== "X" && (Number(flags) & PF_EXITING) === 0;
  } catch {
    return false;
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

/** The cgroup's reading, or null when the container no longer holds its `idle` processes (dead or dying). */
async function idleSnapshot(cgroup: CgroupReader, idle = IDLE_PROCESSES): Promise<CgroupSnapshot | null> {
  const snapshot = await cgroup.snapshot().catch(() => null);
  return snapshot && snapshot.pids >= idle ? snapshot : null;
}

/**
 * Whether a run left nothing in the container's scratch directories, read from the host through
 * /proc/<pid>/root (listing only, never following what the program made). When the listing is not
 * possible, the answer is "not empty" and the session cleans up inside the container.
 */
async function scratchLooksEmpty(pid: number): Promise<boolean> {
  if (!pid) return false;
  try {
    const listings = await Promise.all(SCRATCH_DIRS.map((dir) => readdir(`/proc/${pid}/root${dir}`)));
    return listings.every((entries) => entries.length === 0);
  } catch {
    return false;
  }
}

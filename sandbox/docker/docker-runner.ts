// The Runner on a Docker engine. A submission builds and runs in one job container; a reference
// compiles apart (compile-pool.ts; the artifact kept as a tar in memory) and runs in a run container
// where it is read-only (run-session.ts); a server runs in a run container probed by trusted tools
// (server-session.ts). Containers, their pool and execs: containers.ts; what the host reads of
// their processes: proc-probes.ts; how a run ended: classify-run.ts.
import Docker from "dockerode";
import type { Logger } from "pino";
import { CgroupReader } from "@/sandbox/cgroup/reader";
import { buildIn, CompilePool } from "@/sandbox/docker/compile-pool";
import { runLimitsUpdate } from "@/sandbox/docker/container-config";
import { IDLE_PROCESSES, SandboxContainers } from "@/sandbox/docker/containers";
import { scratchLooksEmpty } from "@/sandbox/docker/proc-probes";
import { DockerRunSession, type PreparedContainer } from "@/sandbox/docker/run-session";
import { type UidAllocator, uidAllocatorFor } from "@/sandbox/docker/sandbox-uids";
import { DockerServerSession } from "@/sandbox/docker/server-session";
import { dockerCall, SandboxError } from "@/sandbox/errors";
import type { SandboxImage } from "@/sandbox/images/image-tags";
import { buildScript } from "@/sandbox/languages";
import type { SandboxLimits } from "@/sandbox/limits";
import type { Artifact, BuildAndRunResult, BuildSpec, CompileResult, Runner, RunSession, ServerSession } from "@/sandbox/runner";

export class DockerRunner implements Runner {
  private readonly containers: SandboxContainers;
  private readonly compiler: CompilePool;
  /** Labels this runner's containers, so the reaper knows whose they are. */
  readonly owner: string;

  constructor(
    readonly docker: Docker,
    readonly logger: Logger,
    /** Idle containers kept ready per language, role and limits (0: create each on demand). */
    warmContainers = 1,
    /** Where each container's uid pair comes from (one allocator per range and process by default). */
    uids: UidAllocator = uidAllocatorFor(),
  ) {
    this.containers = new SandboxContainers(docker, logger, warmContainers, uids);
    this.compiler = new CompilePool(this.containers, logger);
    this.owner = this.containers.owner;
  }

  /** Removes the idle warm containers and waits for every removal (at shutdown). */
  close(): Promise<void> {
    return this.containers.close();
  }

  /** Resolves when every container this runner discarded is gone. */
  settled(): Promise<void> {
    return this.containers.settled();
  }

  compile(spec: BuildSpec): Promise<CompileResult> {
    return this.compiler.compile(spec);
  }

  async startRuns({ artifact, limits }: { artifact: Artifact; limits: SandboxLimits }): Promise<RunSession> {
    return new DockerRunSession(this.containers, artifact.language, limits, () => this.provisionRunContainer(artifact, limits));
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
    const given = this.compiler.withSharedObjects(language, files, shared, variant);
    const container = await this.containers.take(language, "job", limits);
    try {
      // Where the container's cgroup is, looked up while it builds.
      const located = dockerCall("inspect", container.id, () => container.inspect());
      located.catch(() => undefined);
      const build = await buildIn(
        this.containers,
        container,
        await given,
        this.containers.uidsOf(container).builder,
        buildScript(language, variant, userFiles),
      );
      if (!build.ok) {
        await this.containers.remove(container);
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
      return { ok: true, output: build.output, session: new DockerRunSession(this.containers, language, limits, provision, prepared) };
    } catch (error) {
      await this.containers.remove(container);
      throw error;
    }
  }

  /** A run container from the pool with the artifact installed. */
  private async provisionRunContainer(artifact: Artifact, limits: SandboxLimits): Promise<PreparedContainer> {
    const container = await this.containers.take(artifact.language, "run", limits);
    return { container, ...(await this.containers.installArtifact(container, artifact)) };
  }

  async startServer(
    options: { artifact: Artifact; limits: SandboxLimits } | { image: SandboxImage; command: string[]; limits: SandboxLimits },
  ): Promise<ServerSession> {
    return DockerServerSession.start(this.containers, options);
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

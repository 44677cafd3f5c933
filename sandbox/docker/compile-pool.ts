// The compile pool: builds in compile containers that serve one build after another (they run only
// the toolchain, never submitted code), wiped and checked between builds; and the build itself, as
// one exec that unpacks the sources and runs the toolchain (also how a job container builds).
import type Docker from "dockerode";
import type { Logger } from "pino";
import { LRUCache } from "lru-cache";
import type { Language } from "@/contracts/languages";
import type { BuildVariant, SourceFile } from "@/contracts/programs";
import { CgroupReader } from "@/sandbox/cgroup/reader";
import { emptyDirectories, SCRATCH_DIRS } from "@/sandbox/docker/container-config";
import { IDLE_PROCESSES, type SandboxContainers } from "@/sandbox/docker/containers";
import type { Lease } from "@/sandbox/docker/warm-pool";
import { dockerCall, SandboxError } from "@/sandbox/errors";
import { imageTag } from "@/sandbox/images/image-tags";
import { buildScript, objectsScript, TOOLCHAINS } from "@/sandbox/languages";
import { COMPILE_LIMITS } from "@/sandbox/limits";
import type { BuildSpec, CompileResult } from "@/sandbox/runner";
import { sourcesKey } from "@/sandbox/sources-key";
import { packTar, readTar, type TarEntry } from "@/sandbox/tar";

const MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;
const COMPILER_OUTPUT_BYTES = 64 * 1024;
/** The build script's status when the sources could not be unpacked (no toolchain exits with it). */
const UNPACK_FAILED = 125;
/** A compile container serves builds for this long at most, well inside its lifetime. */
const COMPILE_CONTAINER_REUSE_MS = 10 * 60_000;
/** Exercises' objects kept per runner (each a few KiB: a driver compiled per language and variant). */
const SHARED_OBJECTS_KEPT = 256;
/** File names that may appear in a build script as they are. */
const SIMPLE_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

type Built = { ok: true; entries: TarEntry[]; output: string } | { ok: false; output: string };

export class CompilePool {
  /** The objects of exercises' own sources by content (see withSharedObjects); a failed compile is not kept. */
  private readonly sharedObjects: LRUCache<string, TarEntry[], { language: Language; files: SourceFile[]; script: string }>;

  constructor(
    private readonly containers: SandboxContainers,
    private readonly logger: Logger,
  ) {
    this.sharedObjects = new LRUCache({
      max: SHARED_OBJECTS_KEPT,
      fetchMethod: async (_key, _stale, { context }) => {
        const built = await this.run(context.language, context.files, context.script);
        return built.ok ? built.entries : undefined;
      },
    });
  }

  async compile({ language, files, variant = "standard", userFiles }: BuildSpec): Promise<CompileResult> {
    const built = await this.run(language, files, buildScript(language, variant, userFiles));
    if (!built.ok) return built;
    // The artifact goes into run containers owned by root and read-only to the program.
    const tar = await packTar(
      built.entries.map((entry) => ({ name: `out/${entry.name}`, content: entry.content, mode: 0o555 })),
      { uid: 0, gid: 0 },
    );
    return { ok: true, artifact: { language, tar }, output: built.output };
  }

  /** Runs `script` on `files` in a compile container from the pool; what it left in /box/out comes back as tar entries. */
  async run(language: Language, files: TarEntry[], script: string): Promise<Built> {
    const lease = await this.containers.lend(language, "compile", COMPILE_LIMITS);
    const { container } = lease;
    let reusable = false;
    try {
      const build = await buildIn(this.containers, container, files, this.containers.uidsOf(container).program, script);
      reusable = build.ok || !build.timedOut;
      if (!build.ok) return { ok: false, output: build.output };
      const archive = await dockerCall("getArchive", container.id, () => container.getArchive({ path: "/box/out" }));
      return { ok: true, entries: await readTar(archive, MAX_ARTIFACT_BYTES), output: build.output };
    } catch (error) {
      reusable = false;
      throw error;
    } finally {
      // Off the job's critical path: wiped and checked, the container serves the next build.
      const clean = reusable;
      this.containers.giveBack(language, "compile", COMPILE_LIMITS, lease, () => this.wipe(lease, clean));
    }
  }

  /**
   * The files a build of `files` is given: where the language has objects (C, C++) and every file
   * the user wrote is a source, the exercise's own sources (`shared`: the same in every build) are
   * replaced by their objects, compiled once per runner and kept by content (the least recently used
   * go first); the user's files and
   * the exercise's headers go as they are. The build links what it is given, so the program is the
   * same; the build only skips recompiling the exercise's driver each time.
   */
  async withSharedObjects(language: Language, files: SourceFile[], shared: string[], variant: BuildVariant): Promise<TarEntry[]> {
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
    // Not kept if it failed: the next build tries again (and meanwhile builds from the sources).
    const objects = this.sharedObjects.fetch(key, { context: { language, files: exerciseFiles, script } }).catch(() => undefined);
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
  private async wipe(lease: Lease, reusable: boolean): Promise<boolean> {
    if (!reusable || Date.now() - lease.createdAt > COMPILE_CONTAINER_REUSE_MS) return false;
    const dirs = ["/box", ...SCRATCH_DIRS];
    const wipe = await this.containers
      .exec(lease.container, emptyDirectories(dirs), {
        workingDir: "/",
        wallMs: 5_000,
        outputBytes: 1024,
      })
      .catch(() => null);
    if (wipe?.exitCode !== 0) return false;
    const info = await lease.container.inspect().catch(() => null);
    if (!info?.State.Running) return false;
    const processes = await CgroupReader.forPid(info.State.Pid)
      .then((cgroup) => cgroup.snapshot())
      .catch(() => null);
    return processes !== null && processes.pids <= IDLE_PROCESSES;
  }
}

/**
 * Unpacks `files` into /box/src and runs the toolchain's `script` there as `user`, in one exec
 * (the sources arrive as a tar on its standard input); what it builds is left in /box/out.
 */
export async function buildIn(
  containers: SandboxContainers,
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
  const run = await containers.exec(container, ["sh", "-c", script], {
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
  if (!run.timedOut && !run.flooded && (await containers.diedUnder(container, run.exitCode))) {
    throw new SandboxError("The sandbox container stopped during the build.", { operation: "compile", containerId: container.id });
  }
  if (run.timedOut)
    return { ok: false, timedOut: true, output: `${output}\nThe compiler ran for more than ${COMPILE_LIMITS.wallSeconds} s and was stopped.`.trim() };
  if (run.exitCode !== 0 || run.flooded) return { ok: false, timedOut: run.flooded, output: output || `The compiler exited with status ${run.exitCode}.` };
  return { ok: true, output };
}

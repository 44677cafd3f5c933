// The grading seam on the Docker sandbox: build = compile in one container, then a run session
// that the grader runs as many times as it needs.
import type { Logger } from "pino";
import type { ProgramRun, ServingProgram, SourceFile, BuildVariant, BuildOutcome, ProgramBuilder } from "@/contracts/programs";
import type { Language } from "@/contracts/languages";
import { connectDocker, DockerRunner } from "@/sandbox/docker/docker-runner";
import { reapExpiredContainers } from "@/sandbox/docker/reaper";
import { assertRangeUnused, DEFAULT_UID_RANGE, type UidRange, uidAllocatorFor } from "@/sandbox/docker/sandbox-uids";
import { ensureSandboxImages } from "@/sandbox/images/build-images";
import { runLimitsFor, type SandboxLimits } from "@/sandbox/limits";
import type { Artifact, CompileResult, RunResult, RunSession, ServerSession } from "@/sandbox/runner";
import { sourcesKey } from "@/sandbox/sources-key";
import { ArtifactCache } from "@/sandbox/docker/artifact-cache";

const REAP_EVERY_MS = 60_000;

/** The grader's view of a server session: probed by the tool built from `tool`, with the tool container's `toolLimits`. */
export function servingProgram(session: ServerSession, tool: Artifact, toolLimits?: Partial<SandboxLimits>): ServingProgram {
  return {
    probe: (args, wallSeconds) => session.probe({ artifact: tool, args, wallSeconds, limits: toolLimits }),
    processes: (options) => session.processes(options),
    cpuMs: () => session.cpuMs(),
    prepare: () => session.prepareTool({ artifact: tool, args: [], limits: toolLimits }),
    stop: async () => toProgramRun(await session.stop()),
  };
}

export function toProgramRun(result: RunResult): ProgramRun {
  return {
    outcome: result.verdict === "OK" ? "ok" : result.verdict,
    exitCode: result.exitCode,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    cpuMs: result.cpuMs,
    wallMs: result.wallMs,
    memoryKiB: result.memoryKiB,
  };
}

export function programBuilderOn(runner: DockerRunner, cache = new ArtifactCache()): Omit<ProgramBuilder, "close"> {
  const outcome = (session: RunSession): BuildOutcome => ({
    ok: true,
    program: { run: async ({ stdin }) => toProgramRun(await session.run({ stdin })) },
    dispose: () => session.close(),
  });
  /** Compiles apart, once per worker for the same files (references, tools). */
  const cachedArtifact = (language: Language, files: SourceFile[], variant: BuildVariant = "standard", userFiles?: string[]): Promise<CompileResult> => {
    const key = `${variant}:${userFiles?.join("/") ?? ""}:${sourcesKey(language, files)}`;
    return cache.compile(key, () => runner.compile({ language, files, variant, userFiles }));
  };
  return {
    async build({ language, files, limits, reused, variant = "standard", shared, userFiles }) {
      const runLimits = runLimitsFor(limits);
      if (!reused) {
        const built = await runner.buildAndStartRuns({ language, files, limits: runLimits, variant, shared, userFiles });
        return built.ok ? outcome(built.session) : { ok: false, compilerOutput: built.output };
      }
      const compiled = await cachedArtifact(language, files, variant, userFiles);
      if (!compiled.ok) return { ok: false, compilerOutput: compiled.output };
      return outcome(await runner.startRuns({ artifact: compiled.artifact, limits: runLimits }));
    },

    async startServer({ language, files, limits, reused, tool }) {
      const compiled = reused ? await cachedArtifact(language, files) : await runner.compile({ language, files });
      if (!compiled.ok) return { ok: false, compilerOutput: compiled.output };
      const toolBuild = await cachedArtifact(tool.language, tool.files);
      if (!toolBuild.ok) throw new Error(`The grading tool does not compile: ${toolBuild.output.slice(0, 500)}`);
      const session = await runner.startServer({ artifact: compiled.artifact, limits: runLimitsFor(limits) });
      return { ok: true, server: servingProgram(session, toolBuild.artifact, tool.limits) };
    },
  };
}

/**
 * The ProgramBuilder on this host's Docker engine: connects, checks that no host account uses the
 * sandbox's uids (`uidRange`: the process's SANDBOX_UID_RANGE), builds missing images, and keeps
 * stale containers reaped.
 */
export async function createDockerProgramBuilder({ logger, uidRange = DEFAULT_UID_RANGE }: { logger: Logger; uidRange?: UidRange }): Promise<ProgramBuilder> {
  await assertRangeUnused(uidRange);
  const docker = await connectDocker();
  await ensureSandboxImages({ docker, log: (line) => logger.info(line) });
  const runner = new DockerRunner(docker, logger, 1, uidAllocatorFor(uidRange));
  await reapExpiredContainers({ docker, logger });
  const reaper = setInterval(() => void reapExpiredContainers({ docker, logger }).catch(() => undefined), REAP_EVERY_MS);
  reaper.unref();
  return {
    ...programBuilderOn(runner),
    async close() {
      clearInterval(reaper);
      await runner.close();
      await reapExpiredContainers({ docker, logger, owner: runner.owner }).catch(() => undefined);
    },
  };
}

// The grading seam on the Docker sandbox: build = compile in one container, then a run session
// that the grader runs as many times as it needs.
import type { Logger } from "pino";
import type { ProgramRun } from "@/graders/core/types";
import { connectDocker, DockerRunner } from "@/sandbox/docker/docker-runner";
import { reapExpiredContainers } from "@/sandbox/docker/reaper";
import { ensureSandboxImages } from "@/sandbox/images/build-images";
import { runLimitsFor } from "@/sandbox/limits";
import type { RunResult, RunSession } from "@/sandbox/runner";
import { ArtifactCache, artifactKey } from "@/worker/artifact-cache";
import type { BuildOutcome, ProgramBuilder } from "@/worker/program-builder";

const REAP_EVERY_MS = 60_000;

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
  return {
    async build({ language, files, limits, reused, variant = "standard" }) {
      const runLimits = runLimitsFor(limits);
      if (!reused) {
        const built = await runner.buildAndStartRuns({ language, files, limits: runLimits, variant });
        return built.ok ? outcome(built.session) : { ok: false, compilerOutput: built.output };
      }
      const key = `${variant}:${artifactKey(language, files)}`;
      let artifact = cache.get(key);
      if (!artifact) {
        const compiled = await runner.compile({ language, files, variant });
        if (!compiled.ok) return { ok: false, compilerOutput: compiled.output };
        artifact = compiled.artifact;
        cache.set(key, artifact);
      }
      return outcome(await runner.startRuns({ artifact, limits: runLimits }));
    },
  };
}

/** Connects to this host's Docker engine, builds missing images, and keeps stale containers reaped. */
export async function createDockerProgramBuilder({ logger }: { logger: Logger }): Promise<ProgramBuilder> {
  const docker = await connectDocker();
  await ensureSandboxImages({ docker, log: (line) => logger.info(line) });
  const runner = new DockerRunner(docker, logger);
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

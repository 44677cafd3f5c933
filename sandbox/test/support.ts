// Helpers for sandbox integration tests: a runner on the real engine, and compile-then-run in one call.
import pino from "pino";
import type { Language } from "@/lib/exercises/manifest";
import { connectDocker, DockerRunner } from "@/sandbox/docker/docker-runner";
import { runLimitsFor, type SandboxLimits } from "@/sandbox/limits";
import type { CompileResult, RunResult } from "@/sandbox/runner";

let runner: Promise<DockerRunner> | undefined;

export function testRunner(): Promise<DockerRunner> {
  // No warm containers here: tests assert that nothing of theirs is left after each job.
  runner ??= connectDocker().then((docker) => new DockerRunner(docker, pino({ level: "silent" }), 0));
  return runner;
}

/** Compiles `files` and runs the result once per stdin given (in one session); CE gives no runs. */
export async function compileAndRun(
  language: Language,
  files: Record<string, string>,
  stdins: string[] = [""],
  limits: Partial<SandboxLimits> = {},
): Promise<{ compile: CompileResult; runs: RunResult[] }> {
  const sandbox = await testRunner();
  const compile = await sandbox.compile({ language, files: Object.entries(files).map(([name, content]) => ({ name, content })) });
  if (!compile.ok) {
    await sandbox.settled();
    return { compile, runs: [] };
  }
  const session = await sandbox.startRuns({ artifact: compile.artifact, limits: { ...runLimitsFor(), ...limits } });
  try {
    const runs: RunResult[] = [];
    for (const stdin of stdins) runs.push(await session.run({ stdin }));
    return { compile, runs };
  } finally {
    await session.close();
    await sandbox.settled();
  }
}

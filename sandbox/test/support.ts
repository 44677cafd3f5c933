// Helpers for sandbox integration tests: a runner on the real engine, and compile-then-run in one call.
import pino from "pino";
import type { Language } from "@/contracts/languages";
import { connectDocker, DockerRunner } from "@/sandbox/docker/docker-runner";
import { runLimitsFor, type SandboxLimits } from "@/sandbox/limits";
import type { RunResult, RunSession } from "@/sandbox/runner";

let runner: Promise<DockerRunner> | undefined;

export function testRunner(): Promise<DockerRunner> {
  // No warm containers here: tests assert that nothing of theirs is left after each job.
  runner ??= connectDocker().then((docker) => new DockerRunner(docker, pino({ level: "silent" }), 0));
  return runner;
}

/**
 * Compiles `files` and runs the result once per stdin given (in one session); CE gives no runs.
 * `job` is the submissions' path (build and runs in one container); `artifact` compiles apart and
 * installs the artifact in a run container (the path of references and servers).
 */
export async function compileAndRun(
  language: Language,
  files: Record<string, string>,
  stdins: string[] = [""],
  limits: Partial<SandboxLimits> = {},
  path: "job" | "artifact" = "job",
): Promise<{ compile: { ok: boolean; output: string }; runs: RunResult[] }> {
  const sandbox = await testRunner();
  const sources = Object.entries(files).map(([name, content]) => ({ name, content }));
  const runLimits = { ...runLimitsFor(), ...limits };
  let session: RunSession;
  if (path === "job") {
    const built = await sandbox.buildAndStartRuns({ language, files: sources, limits: runLimits });
    if (!built.ok) {
      await sandbox.settled();
      return { compile: built, runs: [] };
    }
    session = built.session;
  } else {
    const compile = await sandbox.compile({ language, files: sources });
    if (!compile.ok) {
      await sandbox.settled();
      return { compile, runs: [] };
    }
    session = await sandbox.startRuns({ artifact: compile.artifact, limits: runLimits });
  }
  try {
    const runs: RunResult[] = [];
    for (const stdin of stdins) runs.push(await session.run({ stdin }));
    return { compile: { ok: true, output: "" }, runs };
  } finally {
    await session.close();
    await sandbox.settled();
  }
}

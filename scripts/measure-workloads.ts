// `npm run graders:sizes [-- --exercise slug] [--language c] [--hidden] [--runs 3]`: what each
// performance workload (and with --hidden, each hidden test) costs the reference in each language,
// in the real sandbox: the median CPU and wall time of a few runs. Workloads are sized per language
// from these figures so the reference spends at least ~150 ms of CPU on each (graders/README.md).
import { parseArgs } from "node:util";
import pino from "pino";
import { linkWorkloads } from "@/graders/core/grade-link";
import { ioPerformancePlan, ioWorkloads, median, type WorkloadRunner } from "@/graders/core/performance";
import type { ExecutableProgram } from "@/contracts/programs";
import type { Language } from "@/contracts/languages";
import type { Grader, IoTestCase, LinkTestCase } from "@/graders/core/types";
import { listExercises, loadExercise } from "@/lib/exercises/load-exercise";
import { loadGrader, readReferenceSolution } from "@/graders/core/load-grader";
import { env } from "@/lib/env";
import { createDockerProgramBuilder } from "@/sandbox/docker/program-builder";

const { values } = parseArgs({
  options: {
    exercise: { type: "string", multiple: true },
    language: { type: "string", multiple: true },
    hidden: { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
  },
});
const runs = Number(values.runs);
const builder = await createDockerProgramBuilder({ logger: pino({ level: "warn" }), uidRange: env.SANDBOX_UID_RANGE });

/** Every workload of `grader` for `language` (and its hidden tests with --hidden), with the runner that runs it. */
function workloadsOf(
  grader: Grader,
  language: Language,
  userFile: string,
): { name: string; run: (program: ExecutableProgram) => ReturnType<WorkloadRunner<IoTestCase>["run"]> }[] {
  const seed = grader.seed;
  if (grader.kind === "io") {
    const runner = ioWorkloads(grader.check);
    const plan = grader.performance ? ioPerformancePlan(grader.performance, seed, language) : undefined;
    const cases: IoTestCase[] = [
      ...(plan?.workloads ?? []),
      ...(plan?.growth ? [plan.growth.small, plan.growth.large] : []),
      ...(values.hidden ? grader.hiddenTests(seed, language) : []),
    ];
    return cases.map((test) => ({ name: test.name, run: (program) => runner.run(program, test) }));
  }
  if (grader.kind === "link") {
    const runner = linkWorkloads(grader, userFile);
    const cases: LinkTestCase[] = [
      ...(grader.performance?.workloads(seed, language) ?? []),
      ...(values.hidden ? grader.tests(seed, language).filter((test) => test.visibility === "hidden") : []),
    ];
    return cases.map((test) => ({ name: test.name, run: (program) => runner.run(program, test) }));
  }
  return [];
}

try {
  for (const manifest of await listExercises()) {
    if (values.exercise && !values.exercise.includes(manifest.slug)) continue;
    const [exercise, grader] = await Promise.all([loadExercise(manifest.slug), loadGrader(manifest.slug)]);
    for (const language of Object.keys(manifest.languages) as Language[]) {
      if (values.language && !values.language.includes(language)) continue;
      const starter = exercise.starters[language]!;
      const workloads = workloadsOf(grader, language, starter.edit.name);
      if (workloads.length === 0) continue;
      const code = await readReferenceSolution(manifest.slug, language, starter.edit.name);
      const built = await builder.build({
        language,
        files: [...starter.support, { name: starter.edit.name, content: code }],
        limits: manifest.limits,
        reused: true,
        userFiles: grader.kind === "link" ? [starter.edit.name] : undefined,
      });
      if (!built.ok) throw new Error(`${manifest.slug} ${language}: the reference does not compile: ${built.compilerOutput}`);
      try {
        for (const workload of workloads) {
          const samples = [];
          for (let i = 0; i < runs; i++) samples.push(await workload.run(built.program));
          const failed = samples.find((run) => run.outcome !== "ok");
          const cpu = median(samples.map((run) => run.cpuMs));
          const wall = median(samples.map((run) => run.wallMs));
          console.log(
            `${manifest.slug.padEnd(18)} ${language.padEnd(6)} ${workload.name.padEnd(58)} cpu ${cpu.toFixed(0).padStart(6)} ms  wall ${wall.toFixed(0).padStart(6)} ms${failed ? `  (${failed.outcome})` : ""}`,
          );
        }
      } finally {
        await built.dispose();
      }
    }
  }
} finally {
  await builder.close();
}

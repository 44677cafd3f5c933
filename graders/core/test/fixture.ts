// A framework fixture exercise (graders/core/test/<slug>/): its package, grader, known-bad
// solutions, and a judge that grades code as a Submit in the real sandbox.
import path from "node:path";
import pino from "pino";
import { loadExercise, readSourceFolder } from "@/lib/exercises/load-exercise";
import type { Language } from "@/contracts/languages";
import { loadGrader, readKnownBadSolutions, readReferenceSolution } from "@/graders/core/load-grader";
import { env } from "@/lib/env";
import { createDockerProgramBuilder } from "@/sandbox/docker/program-builder";
import { judgeSubmission } from "@/graders/core/judge-submission";

export async function loadFixture(slug: string) {
  const root = path.join(import.meta.dirname, slug);
  const [exercisesDir, gradersDir] = [path.join(root, "exercises"), path.join(root, "graders")];
  const [exercise, grader] = await Promise.all([loadExercise(slug, exercisesDir), loadGrader(slug, gradersDir)]);
  const editFiles = Object.fromEntries(Object.entries(exercise.manifest.languages).map(([language, spec]) => [language, spec.edit])) as Partial<
    Record<Language, string>
  >;
  const toolDir = path.join(gradersDir, slug, "tool");
  const toolFiles = grader.kind === "server" ? await readSourceFolder(toolDir) : undefined;
  const builder = createDockerProgramBuilder({ logger: pino({ level: "silent" }), uidRange: env.SANDBOX_UID_RANGE });
  const reference = (language: Language) => readReferenceSolution(slug, language, editFiles[language]!, gradersDir);
  return {
    bad: await readKnownBadSolutions(slug, editFiles, gradersDir),
    languages: Object.keys(editFiles) as Language[],
    reference,
    judge: async (language: Language, code: string) =>
      judgeSubmission({ exercise, grader, language, code, mode: "submit", builder: await builder, toolFiles, referenceCode: await reference(language) }),
    close: async () => (await builder).close(),
  };
}

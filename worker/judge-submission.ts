// Judges one submission's code: builds it (and the reference, when the verdict needs it) in the
// sandbox, runs the grader, and always disposes of what it built.
import { compileErrorResult, type GradingProgress, gradeIo } from "@/graders/core/grade-io";
import type { GradingResult } from "@/graders/core/results";
import type { Grader } from "@/graders/core/types";
import type { ExercisePackage } from "@/lib/exercises/load-exercise";
import type { Language } from "@/lib/exercises/manifest";
import { readReferenceSolution } from "@/lib/grading/load-grader";
import type { BuildOutcome, ProgramBuilder } from "@/worker/program-builder";

export interface JudgeOptions {
  exercise: ExercisePackage;
  grader: Grader;
  language: Language;
  code: string;
  mode: "run" | "submit";
  customInput?: string;
  builder: ProgramBuilder;
  /** The reference's code; read from graders/<slug>/reference when not given. */
  referenceCode?: string;
  seed?: number;
  onCompiling?: () => void | Promise<void>;
  onProgress?: (progress: GradingProgress) => void | Promise<void>;
}

export async function judgeSubmission(options: JudgeOptions): Promise<GradingResult> {
  const { exercise, grader, language, builder } = options;
  const starter = exercise.starters[language];
  if (!starter) throw new Error(`${exercise.manifest.slug} has no ${language} starter.`);
  const limits = exercise.manifest.limits;
  const withEdit = (content: string) => [...starter.support, { name: starter.edit.name, content }];

  await options.onCompiling?.();
  const needsReference = (options.mode === "submit" && grader.performance !== undefined) || options.customInput !== undefined;
  const referenceCode = needsReference
    ? (options.referenceCode ?? (await readReferenceSolution(exercise.manifest.slug, language, starter.edit.name)))
    : undefined;

  const built: BuildOutcome[] = [];
  try {
    const submission = await builder.build({ language, files: withEdit(options.code), limits });
    built.push(submission);
    if (!submission.ok) return compileErrorResult(submission.compilerOutput);
    let reference: BuildOutcome | undefined;
    if (referenceCode !== undefined) {
      reference = await builder.build({ language, files: withEdit(referenceCode), limits, reused: true });
      built.push(reference);
      if (!reference.ok) throw new Error(`The ${language} reference of ${exercise.manifest.slug} does not compile: ${reference.compilerOutput.slice(0, 500)}`);
    }
    return await gradeIo({
      grader,
      examples: exercise.examples,
      mode: options.mode,
      program: submission.program,
      reference: reference?.ok ? reference.program : undefined,
      customInput: options.customInput,
      seed: options.seed,
      onProgress: options.onProgress,
    });
  } finally {
    await Promise.all(built.map((outcome) => (outcome.ok ? outcome.dispose().catch(() => undefined) : undefined)));
  }
}

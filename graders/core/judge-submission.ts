// Judges one submission's code: builds it (and the reference, and the race-detector build, when the
// verdict needs them) in the sandbox, runs the exercise's grader, and always disposes of what it built.
import { gradeIo } from "@/graders/core/grade-io";
import { gradeLink } from "@/graders/core/grade-link";
import { gradeServer } from "@/graders/core/grade-server";
import type { GradingResult } from "@/contracts/grading-result";
import type { ExecutableProgram, SourceFile, BuildOutcome, ProgramBuilder } from "@/contracts/programs";
import type { Language } from "@/contracts/languages";
import { linkSourceRules } from "@/graders/core/link-rules";
import { refusal, refusalMessage, type SourceRule } from "@/graders/core/source-rules";
import { compileErrorResult, type ProgressListener } from "@/graders/core/test-loop";
import type { Grader } from "@/graders/core/types";
import type { ExercisePackage } from "@/lib/exercises/load-exercise";
import { readReferenceSolution, readToolFiles } from "@/graders/core/load-grader";
import { hasRaceDetector, TOOLCHAINS } from "@/sandbox/languages";

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
  /** A server exercise's tool files; read from graders/<slug>/tool when not given. */
  toolFiles?: SourceFile[];
  seed?: number;
  /** Building begins: checking (Python's syntax), building (C, Go), or building and starting a server. */
  onCompiling?: (step: "checking" | "building" | "starting") => void | Promise<void>;
  onProgress?: ProgressListener;
}

/** Whether grading needs the reference: performance and CPU-behaviour checks (Submit), custom input of an `io` exercise (Run). */
function needsReference(grader: Grader, language: Language, mode: "run" | "submit", customInput: string | undefined): boolean {
  if (grader.kind === "io") return (mode === "submit" && grader.performance !== undefined) || customInput !== undefined;
  if (grader.kind === "server") return mode === "submit" && grader.performance !== undefined;
  return mode === "submit" && (grader.performance !== undefined || grader.tests(grader.seed, language).some((test) => test.maxCpuRatio !== undefined));
}

/** What the source of `editFile` may not contain: the exercise's rules, and in a link exercise the platform's. */
export function sourceRulesFor(grader: Grader, language: Language, editFile: string): SourceRule[] {
  return [...(grader.kind === "link" ? linkSourceRules(language, editFile) : []), ...(grader.sourceRules?.[language] ?? [])];
}

export async function judgeSubmission(options: JudgeOptions): Promise<GradingResult> {
  const { exercise, grader, language, builder } = options;
  const starter = exercise.starters[language];
  if (!starter) throw new Error(`${exercise.manifest.slug} has no ${language} starter.`);
  const limits = exercise.manifest.limits;
  const withEdit = (content: string) => [...starter.support, { name: starter.edit.name, content }];
  const shared = starter.support.map((file) => file.name);

  await options.onCompiling?.(grader.kind === "server" ? "starting" : TOOLCHAINS[language].buildStep);
  const refused = refusal(options.code, language, sourceRulesFor(grader, language, starter.edit.name));
  if (refused) return compileErrorResult(refusalMessage(starter.edit.name, refused));
  const userFiles = grader.kind === "link" ? [starter.edit.name] : undefined;

  const referenceCode = needsReference(grader, language, options.mode, options.customInput)
    ? (options.referenceCode ?? (await readReferenceSolution(exercise.manifest.slug, language, starter.edit.name)))
    : undefined;

  if (grader.kind === "server") {
    const tool = { ...grader.tool, files: options.toolFiles ?? (await readToolFiles(exercise.manifest.slug)) };
    const start = async (code: string, reused: boolean) => builder.startServer({ language, files: withEdit(code), limits, reused, tool });
    const started = await start(options.code, false);
    if (!started.ok) return compileErrorResult(started.compilerOutput);
    const startReference = async () => {
      const reference = await start(referenceCode!, true);
      if (!reference.ok) throw new Error(`The ${language} reference of ${exercise.manifest.slug} does not compile: ${reference.compilerOutput.slice(0, 500)}`);
      return reference.server;
    };
    return gradeServer({
      grader,
      mode: options.mode,
      server: started.server,
      startReference: referenceCode === undefined ? undefined : startReference,
      seed: options.seed,
      onProgress: options.onProgress,
      runtime: { threads: TOOLCHAINS[language].runtimeThreads, descriptors: TOOLCHAINS[language].runtimeDescriptors },
    });
  }

  const built: BuildOutcome[] = [];
  let judged = false;
  const dispose = (outcome: BuildOutcome) => (outcome.ok ? outcome.dispose().catch(() => undefined) : undefined);
  /** Builds `code`; a reference that does not compile is our bug, not the user's. */
  const build = async (code: string, how: { reused?: boolean; variant?: "race" } = {}): Promise<ExecutableProgram> => {
    const outcome = await builder.build({ language, files: withEdit(code), limits, shared, userFiles, ...how });
    // One that finishes after the verdict (the submission did not compile) is not needed any more.
    if (judged) void dispose(outcome);
    else built.push(outcome);
    if (!outcome.ok)
      throw new Error(
        `The ${language} ${how.reused ? "reference" : "race-detector build"} of ${exercise.manifest.slug} does not compile: ${outcome.compilerOutput.slice(0, 500)}`,
      );
    return outcome.program;
  };
  // The reference builds alongside the submission (in a container of its own; cached by each worker).
  const referenceBuild = referenceCode === undefined ? undefined : build(referenceCode, { reused: true });
  referenceBuild?.catch(() => undefined);
  const raceTests =
    grader.kind === "link" &&
    options.mode === "submit" &&
    hasRaceDetector(language) &&
    grader.tests(options.seed ?? grader.seed, language).some((test) => test.raceDetector);
  let raceBuild: Promise<ExecutableProgram> | undefined;
  try {
    const submission = await builder.build({ language, files: withEdit(options.code), limits, shared, userFiles });
    built.push(submission);
    if (!submission.ok) return compileErrorResult(submission.compilerOutput);
    // A Submit's race-detector build (ThreadSanitizer's is slow) goes on while the first tests run:
    // after the submission's own build, which the first test waits for.
    if (raceTests) {
      raceBuild = build(options.code, { variant: "race" });
      raceBuild.catch(() => undefined);
    }
    const reference = await referenceBuild;
    const common = {
      language,
      mode: options.mode,
      program: submission.program,
      reference,
      customInput: options.customInput,
      seed: options.seed,
      onProgress: options.onProgress,
    };
    if (grader.kind === "io") return await gradeIo({ ...common, grader, examples: exercise.examples });
    return await gradeLink({
      ...common,
      grader,
      userFile: starter.edit.name,
      raceProgram: hasRaceDetector(language) ? () => raceBuild ?? build(options.code, { variant: "race" }) : undefined,
    });
  } finally {
    judged = true;
    await Promise.all(built.map(dispose));
  }
}

// The seam between grading and the sandbox: turn source files into a program the grader can run.
import type { ExecutableProgram } from "@/graders/core/types";
import type { SourceFile } from "@/lib/exercises/load-exercise";
import type { ExerciseLimits, Language } from "@/lib/exercises/manifest";
import type { BuildVariant } from "@/sandbox/languages";

export type BuildOutcome =
  | { ok: true; program: ExecutableProgram; dispose(): Promise<void> }
  | { ok: false; compilerOutput: string };

export interface ProgramBuilder {
  /** `reused`: the same files will be built again (an exercise's reference), so their artifact is worth keeping. */
  build(options: { language: Language; files: SourceFile[]; limits?: ExerciseLimits; reused?: boolean; variant?: BuildVariant }): Promise<BuildOutcome>;
  /** Releases what the builder holds (connections, warm containers). */
  close(): Promise<void>;
}

// The seam between grading and the sandbox: turn source files into a program the grader can run.
import type { ExecutableProgram, ServingProgram } from "@/graders/core/types";
import type { SourceFile } from "@/lib/exercises/load-exercise";
import type { ExerciseLimits, Language } from "@/lib/exercises/manifest";
import type { BuildVariant } from "@/sandbox/languages";

export type BuildOutcome =
  | { ok: true; program: ExecutableProgram; dispose(): Promise<void> }
  | { ok: false; compilerOutput: string };

export type ServerOutcome = { ok: true; server: ServingProgram } | { ok: false; compilerOutput: string };

/** The exercise's trusted tool for a server: built from its files (once per worker), run next to the server. */
export interface ServerTool {
  language: Language;
  files: SourceFile[];
  limits?: { openFiles?: number; memoryMiB?: number; pids?: number };
}

export interface ProgramBuilder {
  /** Builds `files` and starts them as a server that `tool` can probe. */
  startServer(options: { language: Language; files: SourceFile[]; limits?: ExerciseLimits; reused?: boolean; tool: ServerTool }): Promise<ServerOutcome>;
  /**
   * `reused`: the same files will be built again (an exercise's reference), so their artifact is
   * worth keeping; `shared`: the names of the files that are the exercise's own, the same in every
   * build; `userFiles`: the user's files, built apart from the exercise's (link exercises).
   */
  build(options: { language: Language; files: SourceFile[]; limits?: ExerciseLimits; reused?: boolean; variant?: BuildVariant; shared?: string[]; userFiles?: string[] }): Promise<BuildOutcome>;
  /** Releases what the builder holds (connections, warm containers). */
  close(): Promise<void>;
}

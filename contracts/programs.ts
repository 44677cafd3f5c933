// A program and its runs, as grading and the sandbox both see them: the seam through which graders
// build and run code (ProgramBuilder) without knowing that Docker is underneath.
import { z } from "zod";
import type { Language } from "./languages";

export interface SourceFile {
  name: string;
  content: string;
}

/** Per-exercise overrides of the sandbox's default limits (per test run). */
export const exerciseLimitsSchema = z
  .object({
    cpuSeconds: z.number().positive().max(30),
    memoryMiB: z.number().int().min(16).max(2048),
    pids: z.number().int().min(1).max(1024),
    outputKiB: z.number().int().min(1).max(16384),
    openFiles: z.number().int().min(16).max(65536),
  })
  .partial()
  .strict();

export type ExerciseLimits = z.infer<typeof exerciseLimitsSchema>;

/** A build as written, or instrumented for data races (ThreadSanitizer, Go's -race). */
export type BuildVariant = "standard" | "race";

/** How one run of a compiled program ended, as the sandbox saw it. */
export interface ProgramRun {
  /** The sandbox's reading: ok, or which limit ended the run, or a crash. */
  outcome: "ok" | "TLE" | "MLE" | "OLE" | "RE";
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  cpuMs: number;
  wallMs: number;
  memoryKiB: number;
}

/** A compiled submission (or reference) ready to run many times: the grader's only view of a sandbox. */
export interface ExecutableProgram {
  run(input: { stdin: string }): Promise<ProgramRun>;
}

/** What a trusted tool (a protocol checker, a load generator) reported after probing a server. */
export interface ToolRun {
  exitCode: number | null;
  /** The tool's report, normally JSON; the tool is ours, the server it talked to is not. */
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** One of the submission's processes in server mode, as the host sees it. */
export interface ServerProcess {
  pid: number;
  threads: number;
  openFiles: number;
  /**
   * Its epoll instances that watch at least one socket (a language runtime's own, which watches
   * only its wake-up pipe or eventfd, does not count). Present only when asked for: it costs a
   * readlink per open descriptor.
   */
  epollInstances?: number;
}

/** A submission running as a server: the grader's only view of it. */
export interface ServingProgram {
  /** Runs the exercise's tool with `args` next to the server, sharing only its loopback. */
  probe(args: string[], wallSeconds: number): Promise<ToolRun>;
  /** The submission's processes: threads and open descriptors of each; with `epoll`, its epoll instances watching sockets. */
  processes(options?: { epoll?: boolean }): Promise<ServerProcess[]>;
  /** CPU time the server has used since it started, in milliseconds. */
  cpuMs(): Promise<number>;
  /** Gets the tool ready to probe (its container made) ahead of the first probe. */
  prepare?(): void;
  /** Stops the server; how it ended (a server that exited before is RE) and what it cost. */
  stop(): Promise<ProgramRun>;
}

export type BuildOutcome = { ok: true; program: ExecutableProgram; dispose(): Promise<void> } | { ok: false; compilerOutput: string };

export type ServerOutcome = { ok: true; server: ServingProgram } | { ok: false; compilerOutput: string };

/** The exercise's trusted tool for a server: built from its files (once per worker), run next to the server. */
export interface ServerTool {
  language: Language;
  files: SourceFile[];
  limits?: { openFiles?: number; memoryMiB?: number; pids?: number };
}

/** Turns source files into programs a grader can run. The sandbox implements it on Docker. */
export interface ProgramBuilder {
  /** Builds `files` and starts them as a server that `tool` can probe. */
  startServer(options: { language: Language; files: SourceFile[]; limits?: ExerciseLimits; reused?: boolean; tool: ServerTool }): Promise<ServerOutcome>;
  /**
   * `reused`: the same files will be built again (an exercise's reference), so their artifact is
   * worth keeping; `shared`: the names of the files that are the exercise's own, the same in every
   * build; `userFiles`: the user's files, built apart from the exercise's (link exercises).
   */
  build(options: {
    language: Language;
    files: SourceFile[];
    limits?: ExerciseLimits;
    reused?: boolean;
    variant?: BuildVariant;
    shared?: string[];
    userFiles?: string[];
  }): Promise<BuildOutcome>;
  /** Releases what the builder holds (connections, warm containers). */
  close(): Promise<void>;
}

// The sandbox's interface: the only way osprep runs untrusted code. DockerRunner implements it.
import type { Language } from "@/contracts/languages";
import type { BuildVariant, ServerProcess, SourceFile, ToolRun } from "@/contracts/programs";
import type { SandboxImage } from "@/sandbox/images/image-tags";
import type { SandboxLimits } from "@/sandbox/limits";

/** What a build leaves to run: the files of /box/out, as a tar archive held in memory. */
export interface Artifact {
  language: Language;
  tar: Buffer;
}

export type CompileResult = { ok: true; artifact: Artifact; output: string } | { ok: false; output: string };

export interface RunResult {
  /** The sandbox's reading of how the run ended. */
  verdict: "OK" | "TLE" | "MLE" | "OLE" | "RE";
  exitCode: number | null;
  signal: string | null;
  cpuMs: number;
  wallMs: number;
  /** Peak memory of the run, from the container's cgroup. */
  memoryKiB: number;
  oomKilled: boolean;
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
}

/** A prepared container that runs one artifact many times, one run at a time. */
export interface RunSession {
  run(input: { stdin: string }): Promise<RunResult>;
  close(): Promise<void>;
}

/** A trusted tool: its files (run with `command` in /box/out), or a compiled artifact (run with `args`). */
export type ToolProgram = { image: SandboxImage; files: SourceFile[]; command: string[] } | { artifact: Artifact; args: string[] };

/** A submission running as a long-lived server, probed by trusted tools over its loopback only. */
export interface ServerSession {
  /** Runs a trusted tool next to the server; `limits` overrides the tool container's (e.g. many open files). */
  probe(options: ToolProgram & { wallSeconds: number; limits?: Partial<SandboxLimits> }): Promise<ToolRun>;
  /** The submission's processes (not the container's own), with their threads and open descriptors; with `epoll`, their epoll instances too. */
  processes(options?: { epoll?: boolean }): Promise<ServerProcess[]>;
  /** CPU time the server has used since it started, in milliseconds (from its cgroup). */
  cpuMs(): Promise<number>;
  /** Makes a tool's container ahead of its first probe (in the background; a failure shows at that probe). */
  prepareTool(options: ToolProgram & { limits?: Partial<SandboxLimits> }): void;
  /** Stops the server and says how it ended and what it cost. */
  stop(): Promise<RunResult>;
}

export type BuildAndRunResult = { ok: true; output: string; session: RunSession } | { ok: false; output: string };

/**
 * `userFiles`: the files the user wrote, built apart from the exercise's (a link exercise, whose harness
 * calls the user's code): see buildScript in sandbox/languages.ts.
 */
export interface BuildSpec {
  language: Language;
  files: SourceFile[];
  variant?: BuildVariant;
  userFiles?: string[];
}

export interface Runner {
  compile(options: BuildSpec): Promise<CompileResult>;
  startRuns(options: { artifact: Artifact; limits: SandboxLimits }): Promise<RunSession>;
  /**
   * Compiles and prepares runs in one go, without handing the artifact out (the fast path of a
   * submission). `shared`: the files that are the same in every build (the exercise's own), which
   * the runner may compile once and reuse.
   */
  buildAndStartRuns(options: BuildSpec & { limits: SandboxLimits; shared?: string[] }): Promise<BuildAndRunResult>;
  /** Serves a submission's artifact; or (self-tests only) a trusted program of an image, such as a real redis-server. */
  startServer(
    options: { artifact: Artifact; limits: SandboxLimits } | { image: SandboxImage; command: string[]; limits: SandboxLimits },
  ): Promise<ServerSession>;
}

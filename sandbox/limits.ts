// Resource limits of a sandboxed run, with the platform's defaults and an exercise's overrides.
import { z } from "zod";
import type { ExerciseLimits } from "@/contracts/programs";

export const sandboxLimitsSchema = z.object({
  /** CPU time per run; the run is TLE beyond it. */
  cpuSeconds: z.number().positive(),
  /** Wall-clock time per run (sleepers, blocked reads); default 3 × CPU + 1 s. */
  wallSeconds: z.number().positive(),
  memoryMiB: z.number().int().positive(),
  pids: z.number().int().positive(),
  /** Per stream (stdout, stderr) per run; beyond it the run is OLE. */
  outputKiB: z.number().int().positive(),
  openFiles: z.number().int().positive(),
  /** Largest file a run may write (RLIMIT_FSIZE). */
  fileSizeMiB: z.number().int().positive(),
  /** Size of each writable tmpfs (/tmp, /dev/shm). */
  tmpfsMiB: z.number().int().positive(),
});

export type SandboxLimits = z.infer<typeof sandboxLimitsSchema>;

export const DEFAULT_RUN_LIMITS: SandboxLimits = {
  cpuSeconds: 2,
  wallSeconds: 7,
  memoryMiB: 256,
  pids: 64,
  outputKiB: 64,
  openFiles: 256,
  fileSizeMiB: 16,
  tmpfsMiB: 64,
};

/** Compilers need more room and time than the programs they build. */
export const COMPILE_LIMITS: SandboxLimits = {
  cpuSeconds: 20,
  wallSeconds: 40,
  memoryMiB: 512,
  pids: 64,
  outputKiB: 64,
  openFiles: 256,
  fileSizeMiB: 64,
  tmpfsMiB: 256,
};

/** The run limits for an exercise: defaults, then its overrides; wall follows CPU unless both are set. */
export function runLimitsFor(overrides: ExerciseLimits = {}): SandboxLimits {
  const cpuSeconds = overrides.cpuSeconds ?? DEFAULT_RUN_LIMITS.cpuSeconds;
  return sandboxLimitsSchema.parse({
    ...DEFAULT_RUN_LIMITS,
    cpuSeconds,
    wallSeconds: 3 * cpuSeconds + 1,
    ...(overrides.memoryMiB ? { memoryMiB: overrides.memoryMiB } : {}),
    ...(overrides.pids ? { pids: overrides.pids } : {}),
    ...(overrides.outputKiB ? { outputKiB: overrides.outputKiB } : {}),
    ...(overrides.openFiles ? { openFiles: overrides.openFiles } : {}),
  });
}

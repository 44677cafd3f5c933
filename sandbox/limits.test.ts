import { describe, expect, it } from "vitest";
import { DEFAULT_RUN_LIMITS, runLimitsFor } from "@/sandbox/limits";

describe("run limits", () => {
  it("defaults to 256 MiB, 64 processes, 2 s CPU, wall 3 × CPU + 1 s and 64 KiB per stream", () => {
    expect(runLimitsFor()).toEqual(DEFAULT_RUN_LIMITS);
    expect(DEFAULT_RUN_LIMITS).toMatchObject({ memoryMiB: 256, pids: 64, cpuSeconds: 2, wallSeconds: 7, outputKiB: 64 });
  });

  it("takes an exercise's overrides, the wall clock following its CPU time", () => {
    expect(runLimitsFor({ cpuSeconds: 5, outputKiB: 8192, openFiles: 20000 })).toMatchObject({
      cpuSeconds: 5,
      wallSeconds: 16,
      outputKiB: 8192,
      openFiles: 20000,
      memoryMiB: 256,
    });
  });
});

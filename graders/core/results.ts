// What a user may see of a grading (the result's shape is contracts/grading-result.ts).
import type { GradingResult } from "@/contracts/grading-result";

/**
 * `value` to two significant digits: enough to read a figure, too coarse for a program to carry a
 * hidden input out through the running time or memory it controls (about 7 bits per figure).
 */
export function roughly(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const scale = 10 ** (2 - Math.ceil(Math.log10(Math.abs(value) * 1.000001)));
  return Math.round(value * scale) / scale;
}

/**
 * What a user may see of a grading: hidden tests without their per-test figures (a program decides
 * its own time and memory, and could spell a hidden input in them), the totals and the performance
 * figures to two significant digits. Public tests keep theirs: their input is shown anyway.
 */
export function publicResult(result: GradingResult): GradingResult {
  const { performance } = result;
  return {
    ...result,
    tests: result.tests.map(({ metrics, ...test }) => (test.visibility === "hidden" ? test : { ...test, metrics })),
    metrics: { maxCpuMs: roughly(result.metrics.maxCpuMs), peakMemoryKiB: roughly(result.metrics.peakMemoryKiB) },
    performance: performance && {
      ...performance,
      cpuMs: roughly(performance.cpuMs),
      referenceCpuMs: roughly(performance.referenceCpuMs),
      ratio: roughly(performance.ratio),
      growth: performance.growth && {
        ...performance.growth,
        smallCpuMs: roughly(performance.growth.smallCpuMs),
        largeCpuMs: roughly(performance.growth.largeCpuMs),
        ratio: roughly(performance.growth.ratio),
        referenceRatio: roughly(performance.growth.referenceRatio),
      },
      server: performance.server && {
        ...performance.server,
        throughput: roughly(performance.server.throughput),
        referenceThroughput: roughly(performance.server.referenceThroughput),
        p99Ms: roughly(performance.server.p99Ms),
        referenceP99Ms: roughly(performance.server.referenceP99Ms),
      },
    },
  };
}

// Workloads for the CPU scheduler's tests: random processes of a given shape, scripted edge cases,
// and the loaded system (arrivals faster than the CPU serves them) on which scanning every ready
// process at each decision costs O(n²).
import type { SeededRandom } from "@/graders/core/random";
import { ALGORITHMS, type Algorithm, LIMITS, type Process, quantaOf, type Report, type Scenario, takesParameter } from "@/graders/cpu-scheduler/schedule";

export interface Shape {
  n: number;
  /** Arrivals in [0, arrivalSpan] (0: everyone at once). */
  arrivalSpan: number;
  burst: [number, number];
  priority: [number, number];
}

/** `n` random processes of `shape`, in random input order (arrivals are not sorted). */
export function randomProcesses(random: SeededRandom, shape: Shape): Process[] {
  return Array.from({ length: shape.n }, () => ({
    arrival: random.int(0, shape.arrivalSpan),
    burst: random.int(...shape.burst),
    priority: random.int(...shape.priority),
  }));
}

/** A parameter for `algorithm` in [low, high] (0 when it takes none). */
export const parameterFor = (random: SeededRandom, algorithm: Algorithm, low: number, high: number) => (takesParameter(algorithm) ? random.int(low, high) : 0);

export function scenario(algorithm: Algorithm, parameter: number, processes: Process[], report: Report = "full"): Scenario {
  if (algorithm === "RR" && quantaOf(processes, parameter) > LIMITS.quanta)
    throw new Error(`RR ${parameter} over ${processes.length} processes exceeds the quanta limit.`);
  return { algorithm, parameter, report, processes };
}

/** One scenario of `shape` per algorithm, each with its own processes. */
export function everyAlgorithm(random: SeededRandom, shape: Shape, parameter: [number, number], report: Report = "full"): Scenario[] {
  return ALGORITHMS.map((algorithm) => {
    const forked = random.fork(algorithm);
    return scenario(algorithm, parameterFor(forked, algorithm, ...parameter), randomProcesses(forked, shape), report);
  });
}

/** Processes written as `arrival burst priority` triples: "0 8 0, 1 4 0". */
export function scripted(text: string): Process[] {
  return text.split(",").map((triple) => {
    const [arrival, burst, priority] = triple.trim().split(/\s+/).map(Number);
    return { arrival: arrival!, burst: burst!, priority: priority ?? 0 };
  });
}

/**
 * A loaded system: `n` processes with bursts of 1–100 (50.5 on average) arriving over
 * `spanPerProcess` × n units, so the CPU falls behind and the ready queue holds many of them at once
 * (a scan per decision is quadratic). At 25 units per process about a third wait when the last
 * arrives; at 10, more than half.
 */
export function loaded(n: number, spanPerProcess = 25): Shape {
  return { n, arrivalSpan: Math.max(1, Math.floor(n * spanPerProcess)), burst: [1, 100], priority: [0, 1_000] };
}

/**
 * Starvation without aging: a process of priority 1,000 waits while processes of priority 10 arrive
 * back to back (one every 2 units, each needing 2). With aging it overtakes the newcomer arriving at
 * time t once 1,000 × aging < 10 × aging + t, at about t = 990 × aging; without, it runs last.
 */
export function starvation(newcomers: number): Process[] {
  const processes: Process[] = [{ arrival: 0, burst: 3, priority: 1_000 }];
  for (let i = 0; i < newcomers; i++) processes.push({ arrival: i * 2, burst: 2, priority: 10 });
  return processes;
}

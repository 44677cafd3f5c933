// Request queues for the disk scheduler's tests: uniform ones, hot spots (many requests sharing a
// few cylinders, as a database's log and index do), scripted edge cases, and one scenario per
// algorithm over the same kind of queue.
import type { SeededRandom } from "@/graders/core/random";
import { ALGORITHMS, type Algorithm, type Direction, type Report, type Scenario } from "@/graders/disk-scheduling/schedule";

export interface Shape {
  n: number;
  cylinders: number;
  /** Requests drawn from this many hot cylinders (0: uniform over the disk). */
  hotSpots?: number;
}

/** `n` requests of `shape`. */
export function randomRequests(random: SeededRandom, shape: Shape): number[] {
  const top = shape.cylinders - 1;
  if (!shape.hotSpots) return Array.from({ length: shape.n }, () => random.int(0, top));
  const spots = Array.from({ length: shape.hotSpots }, () => random.int(0, top));
  return Array.from({ length: shape.n }, () => spots[random.int(0, spots.length - 1)]!);
}

export function scenario(algorithm: Algorithm, cylinders: number, head: number, direction: Direction, requests: number[], report: Report = "full"): Scenario {
  return { algorithm, cylinders, head, direction, report, requests };
}

/** One scenario of `shape` per algorithm, each with its own queue, head and direction. */
export function everyAlgorithm(random: SeededRandom, shape: Shape, report: Report = "full"): Scenario[] {
  return ALGORITHMS.map((algorithm) => {
    const forked = random.fork(algorithm);
    return scenario(algorithm, shape.cylinders, forked.int(0, shape.cylinders - 1), direction(forked), randomRequests(forked, shape), report);
  });
}

/** Every algorithm in both directions over one queue: twelve scenarios. */
export function bothWays(cylinders: number, head: number, requests: number[]): Scenario[] {
  return ALGORITHMS.flatMap((algorithm) => (["up", "down"] as const).map((way) => scenario(algorithm, cylinders, head, way, requests)));
}

export const direction = (random: SeededRandom): Direction => (random.int(0, 1) === 0 ? "up" : "down");

/** Cylinders written as a string: "98 183 37". */
export const cylinders = (text: string): number[] => text.trim().split(/\s+/).map(Number);

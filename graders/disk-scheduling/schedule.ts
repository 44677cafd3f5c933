// The disk scheduler's oracle: the six policies of exercises/disk-scheduling/README.md as the list
// of the head's stops (each request's cylinder, and the disk's edges where SCAN and C-SCAN go), the
// report the drivers print from those stops, and the input format. Written from the statement,
// apart from the references; the cylinder-by-cylinder simulator in test/sweep-scheduler.ts checks
// it on small workloads, the textbooks' worked examples in schedule.test.ts.
import { Tokens } from "@/graders/core/tokens";

export const ALGORITHMS = ["FCFS", "SSTF", "SCAN", "C-SCAN", "LOOK", "C-LOOK"] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
export type Report = "full" | "summary";
export type Direction = "up" | "down";

export const LIMITS = {
  scenarios: 20,
  cylinders: 1_000_000,
  requests: 1_000_000,
  requestsInAll: 2_000_000,
} as const;

export interface Scenario {
  algorithm: Algorithm;
  /** Cylinders 0 … cylinders − 1. */
  cylinders: number;
  head: number;
  direction: Direction;
  report: Report;
  /** Request k's cylinder is requests[k − 1]: R1 … Rn, in input (arrival) order. */
  requests: number[];
}

/** A place the head goes: a request's cylinder, served there, or a cylinder it only passes through (request 0). */
export interface Stop {
  cylinder: number;
  /** 1-based; 0 for an edge of the disk that SCAN or C-SCAN travels to. */
  request: number;
}

/** The stop behind a line of the full report, and where the head came to it from. */
export interface Step {
  from: number;
  stop: Stop;
  /** C-SCAN's second edge: the return from one edge to the other. */
  returning: boolean;
}

export interface Result {
  /** What a full report lists: each served request and each turn where nothing was served, in order (none when `follow` was not asked for the path). */
  lines: string[];
  /** Per line, its step: a served request's stop, or for a turn the edge stop the head turned at. */
  steps: Step[];
  /** Cylinders the head travels in all. */
  total: number;
  /** Per request, R1 first: how far the head had travelled when it was served. */
  waits: number[];
}

/** The distinct requested cylinders in ascending order, each with its requests in input order. */
interface Group {
  cylinder: number;
  requests: number[];
}

function groupsOf(requests: number[]): Group[] {
  // Sorted by cylinder, then input order, as one number each (a typed array sorts natively: a
  // million requests take tens of milliseconds, a comparator's sort seconds).
  const keys = new Float64Array(requests.length);
  for (let i = 0; i < requests.length; i++) keys[i] = requests[i]! * LIMITS.requests + i;
  keys.sort();
  const groups: Group[] = [];
  for (const key of keys) {
    const i = key % LIMITS.requests;
    const last = groups.at(-1);
    if (last && last.cylinder === requests[i]) last.requests.push(i + 1);
    else groups.push({ cylinder: requests[i]!, requests: [i + 1] });
  }
  return groups;
}

const visit = (stops: Stop[], group: Group) => {
  for (const request of group.requests) stops.push({ cylinder: group.cylinder, request });
};

/** SSTF: the nearest cylinder with pending requests; a tie goes the way the head last moved. */
function shortestSeekFirst(s: Scenario, groups: Group[]): Stop[] {
  const stops: Stop[] = [];
  // Groups below the head are left of `right`; what is served is always one contiguous run between them.
  let right = groups.findIndex((g) => g.cylinder >= s.head);
  if (right === -1) right = groups.length;
  let left = right - 1;
  let at = s.head;
  let up = s.direction === "up";
  while (left >= 0 || right < groups.length) {
    const below = left >= 0 ? at - groups[left]!.cylinder : Number.POSITIVE_INFINITY;
    const above = right < groups.length ? groups[right]!.cylinder - at : Number.POSITIVE_INFINITY;
    const goUp = above < below || (above === below && up);
    const group = goUp ? groups[right++]! : groups[left--]!;
    if (group.cylinder !== at) up = group.cylinder > at;
    at = group.cylinder;
    visit(stops, group);
  }
  return stops;
}

/** The four sweeps. `toEdge`: SCAN and C-SCAN travel to the disk's edge before turning (or jumping); `circular`: C-SCAN and C-LOOK serve one way only. */
function sweep(s: Scenario, groups: Group[], toEdge: boolean, circular: boolean): Stop[] {
  const up = s.direction === "up";
  const ahead = groups.filter((g) => (up ? g.cylinder >= s.head : g.cylinder <= s.head));
  const behind = groups.filter((g) => (up ? g.cylinder < s.head : g.cylinder > s.head));
  if (!up) ahead.reverse(); // from the head outward
  if (up === !circular) behind.reverse(); // SCAN and LOOK come back toward the head; C-SCAN and C-LOOK start again from the far end
  const stops: Stop[] = [];
  for (const group of ahead) visit(stops, group);
  if (behind.length > 0 && toEdge) {
    const edge = up ? s.cylinders - 1 : 0;
    stops.push({ cylinder: edge, request: 0 });
    if (circular) stops.push({ cylinder: up ? 0 : s.cylinders - 1, request: 0 });
  }
  for (const group of behind) visit(stops, group);
  return stops;
}

/** The head's stops under the scenario's policy, in order. */
export function stopsOf(s: Scenario): Stop[] {
  if (s.algorithm === "FCFS") return s.requests.map((cylinder, i) => ({ cylinder, request: i + 1 }));
  const groups = groupsOf(s.requests);
  switch (s.algorithm) {
    case "SSTF":
      return shortestSeekFirst(s, groups);
    case "SCAN":
      return sweep(s, groups, true, false);
    case "C-SCAN":
      return sweep(s, groups, true, true);
    case "LOOK":
      return sweep(s, groups, false, false);
    case "C-LOOK":
      return sweep(s, groups, false, true);
  }
}

/**
 * What the drivers make of the head's path, as they do of the serve and seek calls: each served
 * request as "<cylinder> R<k>", a turn between two moves where nothing was served as
 * "<cylinder> turn", the distance travelled, and each request's wait. Without `path`, only the
 * distance and the waits (a summary prints no path, and a million lines cost the oracle seconds).
 */
export function follow(s: Scenario, stops: Stop[], path = true): Result {
  const lines: string[] = [];
  const steps: Step[] = [];
  const waits = new Array<number>(s.requests.length).fill(0);
  let at = s.head;
  let total = 0;
  let moved = 0; // the direction of the last move: 1 up, -1 down, 0 before the first
  let servedHere = false;
  let arrival: Step | null = null; // the step that brought the head where it is
  let previous: Stop | null = null;
  for (const stop of stops) {
    const step = { from: at, stop, returning: stop.request === 0 && previous?.request === 0 };
    previous = stop;
    if (stop.cylinder !== at) {
      const direction = stop.cylinder > at ? 1 : -1;
      if (path && moved === -direction && !servedHere && arrival) {
        lines.push(`${at} turn`);
        steps.push(arrival);
      }
      total += Math.abs(stop.cylinder - at);
      at = stop.cylinder;
      moved = direction;
      servedHere = false;
      arrival = step;
    }
    if (stop.request > 0) {
      waits[stop.request - 1] = total;
      if (path) {
        lines.push(`${at} R${stop.request}`);
        steps.push(step);
      }
      servedHere = true;
    }
  }
  return { lines, steps, total, waits };
}

/** The result a scenario's report needs: a summary's leaves the path (`lines`, `steps`) empty. */
export const run = (s: Scenario): Result => follow(s, stopsOf(s), s.report === "full");

/** `total / n` to two decimals, halves up, in exact integer arithmetic. */
export function average(total: bigint, n: number): string {
  const count = BigInt(n);
  const cents = (total * 200n + count) / (2n * count);
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
}

/** What the drivers print for one scenario. */
export function formatResult(s: Scenario, result: Result): string[] {
  let sum = 0n;
  let longest = 0;
  for (const wait of result.waits) {
    sum += BigInt(wait);
    if (wait > longest) longest = wait;
  }
  const lines = s.report === "full" ? [...result.lines] : [];
  lines.push(`TOTAL ${result.total}`);
  lines.push(`WAIT ${average(sum, s.requests.length)} ${longest}`);
  return lines;
}

export function expectedOutput(scenarios: Scenario[]): string {
  return `${scenarios.flatMap((s) => formatResult(s, run(s))).join("\n")}\n`;
}

export const header = (s: Scenario) => `${s.algorithm} ${s.cylinders} ${s.head} ${s.direction} ${s.requests.length} ${s.report}`;

export function formatInput(scenarios: Scenario[]): string {
  const lines = [String(scenarios.length)];
  for (const s of scenarios) {
    lines.push(header(s));
    // Twenty to a line: a million requests stay a few megabytes, and a line stays readable.
    for (let i = 0; i < s.requests.length; i += 20) lines.push(s.requests.slice(i, i + 20).join(" "));
  }
  return `${lines.join("\n")}\n`;
}

/** The input's scenarios, or null when it is not one the statement allows (then nothing is explained from it). */
export function parseInput(input: string): Scenario[] | null {
  const tokens = new Tokens(input);
  const integer = (low: number, high: number) => tokens.integer(low, high);
  const count = integer(1, LIMITS.scenarios);
  if (count === null) return null;
  const scenarios: Scenario[] = [];
  let inAll = 0;
  for (let k = 0; k < count; k++) {
    const algorithm = tokens.word() as Algorithm;
    if (!ALGORITHMS.includes(algorithm)) return null;
    const cylinders = integer(1, LIMITS.cylinders);
    if (cylinders === null) return null;
    const head = integer(0, cylinders - 1);
    const direction = tokens.word();
    const n = integer(1, LIMITS.requests);
    const report = tokens.word();
    if (head === null || (direction !== "up" && direction !== "down") || n === null || (report !== "full" && report !== "summary")) return null;
    inAll += n;
    if (inAll > LIMITS.requestsInAll) return null;
    const requests: number[] = [];
    for (let i = 0; i < n; i++) {
      const cylinder = integer(0, cylinders - 1);
      if (cylinder === null) return null;
      requests.push(cylinder);
    }
    scenarios.push({ algorithm, cylinders, head, direction, report, requests });
  }
  return tokens.done ? scenarios : null;
}

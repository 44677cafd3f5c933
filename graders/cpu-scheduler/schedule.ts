// The CPU scheduler's oracle: the five policies of exercises/cpu-scheduler/README.md as an
// event-driven simulation (decision points only: arrivals, finishes, quantum ends), the report the
// drivers print, and the input format. Written from the statement, apart from the references; the
// tick-by-tick simulator in test/tick-scheduler.ts checks it on small workloads.
import { Tokens } from "@/graders/core/tokens";

export const ALGORITHMS = ["FCFS", "SJF", "SRTF", "RR", "PRIORITY"] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
export type Report = "full" | "summary";

export const LIMITS = {
  scenarios: 20,
  processes: 100_000,
  processesInAll: 1_000_000,
  arrival: 1_000_000_000,
  burst: 1_000_000,
  priority: 1_000,
  parameter: 1_000_000,
  /** RR: the sum over the processes of ⌈burst / quantum⌉, per scenario. */
  quanta: 1_000_000,
} as const;

export interface Process {
  arrival: number;
  burst: number;
  priority: number;
}

export interface Scenario {
  algorithm: Algorithm;
  /** The quantum (RR) or the aging (PRIORITY); 0 for the others. */
  parameter: number;
  report: Report;
  /** P1 … Pn, in input order. */
  processes: Process[];
}

/** A stretch of the timeline: process `pid` (1-based) from `start` to `end`, or the CPU idle (pid 0). */
export interface Stretch {
  start: number;
  end: number;
  pid: number;
}

export interface Figures {
  waiting: number;
  turnaround: number;
  response: number;
}

export interface Schedule {
  /** Maximal stretches from time 0 to the last finish, idle ones included. */
  timeline: Stretch[];
  /** Per process, P1 first. */
  figures: Figures[];
}

export const takesParameter = (algorithm: Algorithm) => algorithm === "RR" || algorithm === "PRIORITY";

/** A binary min-heap of process indices under `before`. */
class Heap {
  private items: number[] = [];

  constructor(private readonly before: (a: number, b: number) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): number | undefined {
    return this.items[0];
  }

  push(item: number): void {
    const items = this.items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent]!;
      if (!this.before(item, above)) break;
      items[i] = above;
      i = parent;
    }
    items[i] = item;
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    const size = items.length;
    if (size === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.before(items[right]!, items[left]!) ? right : left;
      if (!this.before(items[child]!, last)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/**
 * Runs `scenario` by the statement's rules. Times stay exact in doubles: they reach 10^9 + 10^11,
 * the aging keys `priority × aging + time` 10^9 + 10^11 too, all far below 2^53.
 */
export function schedule(scenario: Scenario): Schedule {
  const { processes, algorithm, parameter } = scenario;
  const n = processes.length;
  const arrivals = column(processes, (p) => p.arrival);
  const byArrival = inArrivalOrder(arrivals);
  const remaining = column(processes, (p) => p.burst);
  /** When each process last became ready (arrived, or was preempted). */
  const readySince = arrivals.slice();
  const firstRun = new Array<number>(n).fill(-1);
  const finish = new Array<number>(n).fill(-1);
  const runs: Stretch[] = [];

  /** The order of the ready processes (a before b) and, for preemption, a waiting process's key against the running one's. */
  const ready = new Heap(readyOrder(scenario, remaining, readySince));
  const fifo: number[] = [];
  let fifoHead = 0;
  const enqueue = (i: number) => (algorithm === "RR" ? fifo.push(i) : ready.push(i));
  const dequeue = () => (algorithm === "RR" ? (fifoHead < fifo.length ? fifo[fifoHead++] : undefined) : ready.pop());
  const waiting = () => (algorithm === "RR" ? fifo.length - fifoHead : ready.size);

  let next = 0;
  let now = 0;
  /** Every process that arrives up to and including `time` joins the ready processes. */
  const admit = (time: number) => {
    while (next < n && arrivals[byArrival[next]!]! <= time) enqueue(byArrival[next++]!);
  };
  const run = (i: number, start: number, end: number) => {
    if (firstRun[i] === -1) firstRun[i] = start;
    runs.push({ start, end, pid: i + 1 });
    remaining[i]! -= end - start;
    if (remaining[i] === 0) finish[i] = end;
  };

  while (next < n || waiting() > 0) {
    if (waiting() === 0) now = Math.max(now, arrivals[byArrival[next]!]!);
    admit(now);
    const current = dequeue()!;
    if (algorithm === "FCFS" || algorithm === "SJF") {
      run(current, now, now + remaining[current]!);
      now = finish[current]!;
      continue;
    }
    if (algorithm === "RR") {
      const slice = Math.min(parameter, remaining[current]!);
      run(current, now, now + slice);
      now += slice;
      admit(now);
      if (remaining[current]! > 0) fifo.push(current);
      continue;
    }
    // SRTF and PRIORITY: run until the finish or an arrival that takes the CPU (arrivals are the only
    // decision points while a process runs).
    const runningFrom = now;
    for (;;) {
      const finishAt = runningFrom + remaining[current]!;
      const arrivalAt = next < n ? arrivals[byArrival[next]!]! : Infinity;
      if (finishAt <= arrivalAt) {
        run(current, runningFrom, finishAt);
        now = finishAt;
        break;
      }
      // Up to the arrival, then everyone arriving then is ready, and the best of them may take the CPU.
      admit(arrivalAt);
      const keepsCpu = !beatsRunning(scenario, ready.peek()!, current, remaining[current]! - (arrivalAt - runningFrom), arrivalAt, remaining, readySince);
      if (keepsCpu) continue; // the same stretch goes on: no line of its own
      run(current, runningFrom, arrivalAt);
      readySince[current] = arrivalAt;
      ready.push(current);
      now = arrivalAt;
      break;
    }
  }

  const figures = processes.map((p, i) => {
    const turnaround = finish[i]! - p.arrival;
    return { waiting: turnaround - p.burst, turnaround, response: firstRun[i]! - p.arrival };
  });
  return { timeline: withIdle(merged(runs)), figures };
}

/**
 * The process indices by arrival, then number: one numeric sort of `arrival × 2^17 + index` (exact:
 * arrivals are below 2^30, indices below 2^17), far faster than a sort with a comparator.
 */
function inArrivalOrder(arrivals: Float64Array): Int32Array {
  const slots = 2 ** 17;
  const keys = new Float64Array(arrivals.length);
  for (let i = 0; i < keys.length; i++) keys[i] = arrivals[i]! * slots + i;
  keys.sort();
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[i] = keys[i]! % slots;
  return order;
}

/** One figure of every process, in a typed array (Float64Array.from with a mapping function is slow). */
function column(processes: Process[], figure: (p: Process) => number): Float64Array {
  const values = new Float64Array(processes.length);
  for (let i = 0; i < values.length; i++) values[i] = figure(processes[i]!);
  return values;
}

/** How ready processes are ordered: the algorithm's key, then who became ready first, then the number. */
function readyOrder(scenario: Scenario, remaining: Float64Array, readySince: Float64Array): (a: number, b: number) => boolean {
  const { processes, algorithm, parameter } = scenario;
  const then = (a: number, b: number) => readySince[a]! < readySince[b]! || (readySince[a] === readySince[b] && a < b);
  switch (algorithm) {
    case "FCFS":
    case "RR":
      return then;
    case "SJF": {
      const burst = column(processes, (p) => p.burst);
      return (a, b) => burst[a]! < burst[b]! || (burst[a] === burst[b] && then(a, b));
    }
    case "SRTF":
      return (a, b) => remaining[a]! < remaining[b]! || (remaining[a] === remaining[b] && then(a, b));
    case "PRIORITY": {
      // priority − (t − ready) / aging, compared without dividing: priority × aging + ready.
      const weight = column(processes, (p) => p.priority * parameter);
      return (a, b) => {
        const keyA = weight[a]! + readySince[a]!;
        const keyB = weight[b]! + readySince[b]!;
        return keyA < keyB || (keyA === keyB && then(a, b));
      };
    }
  }
}

/** Whether waiting process `best` takes the CPU at time `t` from `running`, which has `runningLeft` left then: strictly better, or the running one keeps it. */
function beatsRunning(
  scenario: Scenario,
  best: number,
  running: number,
  runningLeft: number,
  t: number,
  remaining: Float64Array,
  readySince: Float64Array,
): boolean {
  const { processes, parameter } = scenario;
  if (scenario.algorithm === "SRTF") return remaining[best]! < runningLeft;
  return processes[best]!.priority * parameter + readySince[best]! < processes[running]!.priority * parameter + t;
}

/** Runs of the same process that touch, joined. */
function merged(runs: Stretch[]): Stretch[] {
  const out: Stretch[] = [];
  for (const stretch of runs) {
    const last = out.at(-1);
    if (last && last.pid === stretch.pid && last.end === stretch.start) last.end = stretch.end;
    else out.push({ ...stretch });
  }
  return out;
}

/** The gaps from time 0 filled with idle stretches (pid 0). */
function withIdle(runs: Stretch[]): Stretch[] {
  const out: Stretch[] = [];
  let at = 0;
  for (const stretch of runs) {
    if (stretch.start > at) out.push({ start: at, end: stretch.start, pid: 0 });
    out.push(stretch);
    at = stretch.end;
  }
  return out;
}

/** `total / n` to two decimals, halves up, in exact integer arithmetic. */
export function average(total: bigint, n: number): string {
  const count = BigInt(n);
  const cents = (total * 200n + count) / (2n * count);
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
}

export const formatStretch = (stretch: Stretch) => `${stretch.start} ${stretch.end} ${stretch.pid === 0 ? "idle" : `P${stretch.pid}`}`;

/** What the drivers print for one scenario. */
export function formatSchedule(scenario: Scenario, result: Schedule): string[] {
  const totals = { waiting: 0n, turnaround: 0n, response: 0n };
  for (const f of result.figures) {
    totals.waiting += BigInt(f.waiting);
    totals.turnaround += BigInt(f.turnaround);
    totals.response += BigInt(f.response);
  }
  const n = scenario.processes.length;
  const lines =
    scenario.report === "full"
      ? [...result.timeline.map(formatStretch), ...result.figures.map((f, i) => `P${i + 1} ${f.waiting} ${f.turnaround} ${f.response}`)]
      : [];
  lines.push(`TOTAL ${totals.waiting} ${totals.turnaround} ${totals.response}`);
  lines.push(`AVG ${average(totals.waiting, n)} ${average(totals.turnaround, n)} ${average(totals.response, n)}`);
  return lines;
}

export function expectedOutput(scenarios: Scenario[]): string {
  return `${scenarios.flatMap((scenario) => formatSchedule(scenario, schedule(scenario))).join("\n")}\n`;
}

export function formatInput(scenarios: Scenario[]): string {
  const lines = [String(scenarios.length)];
  for (const s of scenarios) {
    lines.push(takesParameter(s.algorithm) ? `${s.algorithm} ${s.parameter}` : s.algorithm);
    lines.push(`${s.processes.length} ${s.report}`);
    for (const p of s.processes) lines.push(`${p.arrival} ${p.burst} ${p.priority}`);
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
  for (let s = 0; s < count; s++) {
    const algorithm = tokens.word() as Algorithm;
    if (!ALGORITHMS.includes(algorithm)) return null;
    const parameter = takesParameter(algorithm) ? integer(1, LIMITS.parameter) : 0;
    const n = integer(1, LIMITS.processes);
    const report = tokens.word();
    if (parameter === null || n === null || (report !== "full" && report !== "summary")) return null;
    inAll += n;
    if (inAll > LIMITS.processesInAll) return null;
    const processes: Process[] = [];
    for (let i = 0; i < n; i++) {
      const arrival = integer(0, LIMITS.arrival);
      const burst = integer(1, LIMITS.burst);
      const priority = integer(0, LIMITS.priority);
      if (arrival === null || burst === null || priority === null) return null;
      processes.push({ arrival, burst, priority });
    }
    if (algorithm === "RR" && quantaOf(processes, parameter) > LIMITS.quanta) return null;
    scenarios.push({ algorithm, parameter, report, processes });
  }
  return tokens.done ? scenarios : null;
}

/** RR's number of quanta: the sum of ⌈burst / quantum⌉. */
export const quantaOf = (processes: Process[], quantum: number) => processes.reduce((sum, p) => sum + Math.ceil(p.burst / quantum), 0);

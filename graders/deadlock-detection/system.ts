// The rules of deadlock-detection as the grader applies them (its oracle): the input format, the
// system of processes and resource types that requests, releases and exits change, the queue of
// waiting requests, and detection by the textbook algorithm (Coffman et al.; Tanenbaum's form, in
// which a waiting process that holds nothing is not presumed to finish). Written for plainness, not
// speed: the reference solutions are the fast ones.

export const LIMITS = { processes: 2_000, types: 100, total: 1_000_000_000, events: 200_000 } as const;

/** `amount` instances of `type`, asked for or given back by `process`. */
interface Move {
  process: number;
  type: number;
  amount: number;
}

export type Event = ({ kind: "REQUEST" } & Move) | ({ kind: "RELEASE" } & Move) | { kind: "EXIT"; process: number } | { kind: "DETECT" };

export interface Workload {
  n: number;
  total: number[];
  events: Event[];
}

export class WorkloadError extends Error {
  override name = "WorkloadError";
}

export interface Detection {
  /** The processes left unfinished, in increasing order. */
  deadlocked: number[];
  /** `work` when no further process fits: what would be free after everyone else finished. */
  work: number[];
}

/**
 * The detection algorithm over vectors: `work` starts as `available`; any unfinished process whose
 * request fits in `work` finishes and adds its allocation to `work`; repeat until none fits. Every
 * process starts unfinished, whatever it holds.
 */
export function detect(available: readonly number[], allocation: readonly (readonly number[])[], request: readonly (readonly number[])[]): Detection {
  const work = available.slice();
  const finished = allocation.map(() => false);
  for (let progress = true; progress; ) {
    progress = false;
    for (let p = 0; p < allocation.length; p++) {
      if (finished[p] || !request[p]!.every((wanted, r) => wanted <= work[r]!)) continue;
      finished[p] = true;
      allocation[p]!.forEach((held, r) => {
        work[r]! += held;
      });
      progress = true;
    }
  }
  return { deadlocked: finished.flatMap((done, p) => (done ? [] : [p])), work };
}

interface Waiting {
  type: number;
  amount: number;
}

/** A system as the statement describes it, changed one event at a time. */
export class ResourceSystem {
  readonly free: number[];
  /** held[p][r]: instances of type r that process p holds. */
  readonly held: number[][];
  /** What each process waits for, or null. */
  readonly waiting: (Waiting | null)[];
  /** Per type, the waiting processes in the order they started waiting. */
  private readonly queues: number[][];

  constructor(
    readonly n: number,
    readonly total: readonly number[],
  ) {
    this.free = total.slice();
    this.held = Array.from({ length: n }, () => total.map(() => 0));
    this.waiting = Array.from({ length: n }, () => null);
    this.queues = total.map(() => []);
  }

  /** Whether the event keeps to the input's rules here, and if not, why. */
  violation(event: Event): string | null {
    if (event.kind === "DETECT" || event.kind === "EXIT") return null;
    const p = event.process;
    if (this.waiting[p]) return `process ${p} is waiting and can only exit`;
    const held = this.held[p]![event.type]!;
    if (event.kind === "REQUEST" && held + event.amount > this.total[event.type]!)
      return `process ${p} would hold ${held + event.amount} of type ${event.type}, more than its ${this.total[event.type]}`;
    if (event.kind === "RELEASE" && event.amount > held) return `process ${p} gives back ${event.amount} of type ${event.type} but holds ${held}`;
    return null;
  }

  /** Applies the event and returns its output line. */
  apply(event: Event): string {
    switch (event.kind) {
      case "REQUEST": {
        const { process: p, type: r, amount: k } = event;
        if (k <= this.free[r]!) {
          this.free[r]! -= k;
          this.held[p]![r]! += k;
          return "GRANT";
        }
        this.waiting[p] = { type: r, amount: k };
        this.queues[r]!.push(p);
        return "WAIT";
      }
      case "RELEASE": {
        const { process: p, type: r, amount: k } = event;
        this.held[p]![r]! -= k;
        this.free[r]! += k;
        return line("OK", this.wake([r]));
      }
      case "EXIT": {
        const p = event.process;
        const waiting = this.waiting[p];
        if (waiting) {
          this.queues[waiting.type] = this.queues[waiting.type]!.filter((q) => q !== p);
          this.waiting[p] = null;
        }
        const returned: number[] = [];
        this.held[p]!.forEach((count, r) => {
          if (count === 0) return;
          this.free[r]! += count;
          this.held[p]![r] = 0;
          returned.push(r);
        });
        return line("OK", this.wake(returned));
      }
      case "DETECT": {
        const { deadlocked } = this.detect();
        return deadlocked.length === 0 ? "NONE" : line("DEADLOCK", deadlocked);
      }
    }
  }

  detect(): Detection {
    const nothing = this.total.map(() => 0);
    const request = this.waiting.map((waiting) => (waiting ? this.total.map((_, r) => (waiting.type === r ? waiting.amount : 0)) : nothing));
    return detect(this.free, this.held, request);
  }

  /** The waiting processes for type `r`, oldest first. */
  queue(r: number): readonly number[] {
    return this.queues[r]!;
  }

  /** Grants, oldest first, the waiting requests for `types` that fit; returns who was woken. */
  private wake(types: number[]): number[] {
    const woken: number[] = [];
    for (const r of types) {
      this.queues[r] = this.queues[r]!.filter((p) => {
        const { amount } = this.waiting[p]!;
        if (amount > this.free[r]!) return true;
        this.free[r]! -= amount;
        this.held[p]![r]! += amount;
        this.waiting[p] = null;
        woken.push(p);
        return false;
      });
    }
    return woken;
  }
}

const line = (word: string, processes: number[]) => [word, ...processes.slice().sort((a, b) => a - b)].join(" ");

/** The expected output, one line per event. Throws WorkloadError if an event breaks the input's rules. */
export const expectedLines = (workload: Workload): string[] => replay(workload, true);

/**
 * Applies the events in order and returns their lines; throws WorkloadError at the first that breaks
 * the input's rules. Without `detections`, DETECT events are skipped (they change nothing, so the
 * rules need only the others) and have no line.
 */
function replay(workload: Workload, detections: boolean): string[] {
  const system = new ResourceSystem(workload.n, workload.total);
  const lines: string[] = [];
  for (const [i, event] of workload.events.entries()) {
    const why = system.violation(event);
    if (why) throw new WorkloadError(`Event ${i + 1}: ${why}.`);
    if (detections || event.kind !== "DETECT") lines.push(system.apply(event));
  }
  return lines;
}

export const expectedOutput = (workload: Workload) => `${expectedLines(workload).join("\n")}\n`;

export function formatEvent(event: Event): string {
  switch (event.kind) {
    case "REQUEST":
    case "RELEASE":
      return `${event.kind} ${event.process} ${event.type} ${event.amount}`;
    case "EXIT":
      return `EXIT ${event.process}`;
    case "DETECT":
      return "DETECT";
  }
}

export function formatInput(workload: Workload): string {
  const events = workload.events.map(formatEvent).join("\n");
  return `${workload.n} ${workload.total.length}\n${workload.total.join(" ")}\n${workload.events.length}\n${events}${events ? "\n" : ""}`;
}

/** Reads the input format; throws WorkloadError on anything else (the rules of the events included). */
export function parseInput(input: string): Workload {
  const tokens = input.split(/\s+/).filter(Boolean);
  let at = 0;
  const fail = (what: string): never => {
    throw new WorkloadError(`Token ${at + 1} of the input: expected ${what}, found ${tokens[at] === undefined ? "the end" : `"${tokens[at]}"`}.`);
  };
  const int = (what: string, min: number, max: number): number => {
    const token = tokens[at];
    if (token === undefined || !/^\d{1,10}$/.test(token) || Number(token) < min || Number(token) > max) fail(`${what} (${min} to ${max})`);
    at++;
    return Number(token);
  };
  const n = int("the number of processes", 1, LIMITS.processes);
  const m = int("the number of resource types", 1, LIMITS.types);
  const total = Array.from({ length: m }, () => int("a total", 1, LIMITS.total));
  const count = int("the number of events", 0, LIMITS.events);
  const events: Event[] = [];
  for (let i = 0; i < count; i++) {
    const keyword = tokens[at++];
    if (keyword === "DETECT") events.push({ kind: "DETECT" });
    else if (keyword === "EXIT") events.push({ kind: "EXIT", process: int("a process", 0, n - 1) });
    else if (keyword === "REQUEST" || keyword === "RELEASE") {
      const move = { process: int("a process", 0, n - 1), type: int("a resource type", 0, m - 1), amount: int("an amount", 1, LIMITS.total) };
      events.push(keyword === "REQUEST" ? { kind: "REQUEST", ...move } : { kind: "RELEASE", ...move });
    } else {
      at--;
      fail("REQUEST, RELEASE, EXIT or DETECT");
    }
  }
  if (at < tokens.length) fail("the end of the input");
  const workload = { n, total, events };
  replay(workload, false);
  return workload;
}

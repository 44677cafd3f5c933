// The rules of bankers-algorithm as the grader applies them (its oracle): the input format, requests
// and releases decided, and safety found by the greedy and then proved by replaying it, so a wrong
// judgement of the oracle's own would stop the grading instead of failing a submission.

/** Every value in a workload is at most this, and so is the total of each resource type. */
export const MAX_VALUE = 1_000_000_000;
/** The drivers accept n × m up to this. */
const MAX_CELLS = 1_000_000;

export interface Bank {
  n: number;
  m: number;
  available: number[];
  max: number[][];
  allocation: number[][];
  /** max − allocation, kept up to date. */
  need: number[][];
}

export type Operation = { kind: "REQUEST" | "RELEASE"; process: number; amounts: number[] } | { kind: "SAFE?" };

export interface Workload {
  bank: Bank;
  operations: Operation[];
}

export const REQUEST_ANSWERS = ["GRANT", "DENY NEED", "DENY AVAILABLE", "DENY UNSAFE"] as const;
export type RequestAnswer = (typeof REQUEST_ANSWERS)[number];
export type ReleaseAnswer = "OK" | "INVALID";

export class WorkloadFormatError extends Error {
  override name = "WorkloadFormatError";
}

export function newBank(available: number[], max: number[][], allocation: number[][]): Bank {
  const need = max.map((row, i) => row.map((value, j) => value - allocation[i]![j]!));
  return { n: max.length, m: available.length, available, max, allocation, need };
}

export function cloneBank(bank: Bank): Bank {
  const rows = (matrix: number[][]) => matrix.map((row) => row.slice());
  return { ...bank, available: bank.available.slice(), max: rows(bank.max), allocation: rows(bank.allocation), need: rows(bank.need) };
}

/** Reads the input format; throws WorkloadFormatError on anything else. */
export function parseWorkload(input: string): Workload {
  const tokens = input.split(/\s+/).filter(Boolean);
  let at = 0;
  const fail = (what: string): never => {
    throw new WorkloadFormatError(`Token ${at + 1} of the input: expected ${what}, found ${tokens[at] === undefined ? "the end" : `"${tokens[at]}"`}.`);
  };
  const int = (what: string, min: number, max: number): number => {
    const token = tokens[at];
    if (token === undefined || !/^\d{1,10}$/.test(token) || Number(token) < min || Number(token) > max) fail(`${what} (${min} to ${max})`);
    at++;
    return Number(token);
  };
  const vector = (what: string, m: number) => Array.from({ length: m }, () => int(what, 0, MAX_VALUE));
  const n = int("the number of processes", 1, MAX_CELLS);
  const m = int("the number of resource types", 1, MAX_CELLS);
  if (n * m > MAX_CELLS) fail(`n × m ≤ ${MAX_CELLS}`);
  const available = vector("an available amount", m);
  const max = Array.from({ length: n }, () => vector("a maximum", m));
  const allocation = Array.from({ length: n }, () => vector("an allocation", m));
  if (allocation.some((row, i) => row.some((held, j) => held > max[i]![j]!))) fail("allocations no larger than maxima");
  const totals = available.map((free, j) => allocation.reduce((sum, row) => sum + row[j]!, free));
  if (totals.some((total) => total > MAX_VALUE)) fail(`at most ${MAX_VALUE} of each resource type in all`);
  const count = int("the number of operations", 0, tokens.length);
  const operations: Operation[] = [];
  for (let k = 0; k < count; k++) {
    const keyword = tokens[at];
    if (keyword === "SAFE?") {
      at++;
      operations.push({ kind: "SAFE?" });
    } else if (keyword === "REQUEST" || keyword === "RELEASE") {
      at++;
      operations.push({ kind: keyword, process: int("a process number", 0, n - 1), amounts: vector("an amount", m) });
    } else {
      fail("REQUEST, RELEASE or SAFE?");
    }
  }
  if (at < tokens.length) fail("the end of the input");
  return { bank: newBank(available, max, allocation), operations };
}

export function formatWorkload({ bank, operations }: Workload): string {
  const lines = [`${bank.n} ${bank.m}`, bank.available.join(" "), ...bank.max.map((row) => row.join(" ")), ...bank.allocation.map((row) => row.join(" "))];
  lines.push(String(operations.length));
  for (const op of operations) lines.push(formatOperation(op));
  return `${lines.join("\n")}\n`;
}

export function formatOperation(op: Operation): string {
  return op.kind === "SAFE?" ? "SAFE?" : `${op.kind} ${op.process} ${op.amounts.join(" ")}`;
}

/** Whether `a` ≤ `b` in every resource. */
function fits(a: number[], b: number[]): boolean {
  for (let j = 0; j < a.length; j++) if (a[j]! > b[j]!) return false;
  return true;
}

/** Moves `amounts` from the free pool to `process` (direction 1) or back (-1), asking nothing. */
export function transfer(bank: Bank, process: number, amounts: number[], sign: 1 | -1): void {
  const { available, allocation, need } = bank;
  for (let j = 0; j < bank.m; j++) {
    available[j]! -= sign * amounts[j]!;
    allocation[process]![j]! += sign * amounts[j]!;
    need[process]![j]! -= sign * amounts[j]!;
  }
}

/** Decides a request, in the statement's order; on GRANT the bank holds the new state, otherwise it is unchanged. */
export function request(bank: Bank, process: number, amounts: number[]): RequestAnswer {
  if (!fits(amounts, bank.need[process]!)) return "DENY NEED";
  if (!fits(amounts, bank.available)) return "DENY AVAILABLE";
  transfer(bank, process, amounts, 1);
  if (safety(bank).safe) return "GRANT";
  transfer(bank, process, amounts, -1);
  return "DENY UNSAFE";
}

export function release(bank: Bank, process: number, amounts: number[]): ReleaseAnswer {
  if (!fits(amounts, bank.allocation[process]!)) return "INVALID";
  transfer(bank, process, amounts, -1);
  return "OK";
}

/**
 * Runs the processes of `order` one after another from the bank's state, each finishing and
 * returning what it holds. The only rule of safety: a process can finish when its need fits in
 * the work (what is free at that moment). Stops at the first that cannot finish.
 */
export function replay(bank: Bank, order: readonly number[]): { finished: number; work: number[]; blocked?: { resource: number } } {
  const { m } = bank;
  const work = bank.available.slice();
  for (let position = 0; position < order.length; position++) {
    const process = order[position]!;
    const need = bank.need[process]!;
    for (let j = 0; j < m; j++) if (need[j]! > work[j]!) return { finished: position, work, blocked: { resource: j } };
    const held = bank.allocation[process]!;
    for (let j = 0; j < m; j++) work[j]! += held[j]!;
  }
  return { finished: order.length, work };
}

export type Safety = { safe: true; order: number[] } | { safe: false; finished: number[] };

/**
 * A safe sequence, or the processes that can finish when the state is unsafe: passes over the
 * waiting processes, finishing every one whose need fits, until all are done or a pass finishes
 * none. Greedy is enough: finishing a process only adds to the work, so one that can finish now can
 * still finish later. O(n·m) per pass, and the tests' states need a few passes (a chain needs n).
 */
function greedySafety(bank: Bank): Safety {
  const { n, m, need, allocation } = bank;
  const work = Float64Array.from(bank.available);
  const order: number[] = [];
  // The waiting processes, compacted in place after each pass (the hot loop of every check).
  const waiting = new Int32Array(n);
  for (let process = 0; process < n; process++) waiting[process] = process;
  let count = n;
  while (count > 0) {
    let still = 0;
    for (let k = 0; k < count; k++) {
      const process = waiting[k]!;
      const row = need[process]!;
      let fitsNow = true;
      for (let j = 0; j < m; j++) {
        if (row[j]! > work[j]!) {
          fitsNow = false;
          break;
        }
      }
      if (!fitsNow) {
        waiting[still++] = process;
        continue;
      }
      const held = allocation[process]!;
      for (let j = 0; j < m; j++) work[j]! += held[j]!;
      order.push(process);
    }
    if (still === count) return { safe: false, finished: order };
    count = still;
  }
  return { safe: true, order };
}

/**
 * The greedy's answer, proved by replay: a safe sequence must name every process once and replay
 * to the end; an unsafe verdict must replay its finished processes and leave every other one
 * needing more than the work then, which is the most any order can ever free for them.
 */
export function safety(bank: Bank): Safety {
  const answer = greedySafety(bank);
  const order = answer.safe ? answer.order : answer.finished;
  const { finished, work } = replay(bank, order);
  const done = new Uint8Array(bank.n);
  let once = true;
  for (const process of order) {
    if (done[process]) once = false;
    done[process] = 1;
  }
  let othersBlocked = true;
  for (let process = 0; process < bank.n && othersBlocked && !answer.safe; process++)
    if (!done[process] && fits(bank.need[process]!, work)) othersBlocked = false;
  const proved = answer.safe ? once && finished === bank.n : once && finished === order.length && othersBlocked;
  if (!proved) throw new Error("The bankers-algorithm oracle could not prove its own safety verdict.");
  return answer;
}

// The checker of deadlock-detection: compares the output with the oracle's line by line and explains
// the first wrong line in the terms of the statement (who was free to be granted, who waited longer,
// who can finish). Public tests are told the line, its event, expected against got; hidden ones the
// event's number and kind, after the test's description.
import { againstReference, excerpt, exactLines, normalisedLines } from "@/graders/core/checkers";
import type { Checker, CheckOutcome, IoTestCase } from "@/graders/core/types";
import { type Event, formatEvent, parseInput, ResourceSystem, type Workload, WorkloadError } from "@/graders/deadlock-detection/system";

const count = (value: number) => value.toLocaleString("en-US");
const instances = (k: number, r: number) => `${count(k)} of type ${r}`;

function eventName(event: Event): string {
  switch (event.kind) {
    case "REQUEST":
      return `a request by process ${event.process}`;
    case "RELEASE":
      return `a release by process ${event.process}`;
    case "EXIT":
      return `the exit of process ${event.process}`;
    case "DETECT":
      return "a DETECT";
  }
}

/** The numbers after the answer's first word, or null if any is not a number. */
function processesOf(tokens: string[]): number[] | null {
  const numbers = tokens.slice(1).map((token) => (/^\d{1,9}$/.test(token) ? Number(token) : Number.NaN));
  return numbers.some(Number.isNaN) ? null : numbers;
}

/** What is wrong with a list of processes that should be `expected`, or null if nothing. */
function listMistake(expected: number[], got: number[], missing: (p: number) => string, extra: (p: number) => string): string {
  const want = new Set(expected);
  const have = new Set(got);
  const absent = expected.find((p) => !have.has(p));
  if (absent !== undefined) return missing(absent);
  const surplus = got.find((p) => !want.has(p));
  if (surplus !== undefined) return extra(surplus);
  return "the processes are right, but list each once, in increasing order";
}

function explainRequest(system: ResourceSystem, event: Extract<Event, { kind: "REQUEST" }>, expected: string): string {
  const { process: p, type: r, amount: k } = event;
  const free = system.free[r]!;
  if (expected === "WAIT") return `process ${p} asks for ${instances(k, r)} and only ${count(free)} are free, so it waits`;
  const others = system.queue(r).length;
  const queued =
    others > 0 ? `, even though ${count(others)} other request${others === 1 ? "" : "s"} for type ${r} wait (a request that fits does not queue)` : "";
  return `process ${p} asks for ${instances(k, r)} and ${count(free)} are free, so it is granted at once${queued}`;
}

function explainWake(system: ResourceSystem, event: Extract<Event, { kind: "RELEASE" | "EXIT" }>, expected: number[], tokens: string[]): string {
  const got = tokens[0] === "OK" ? processesOf(tokens) : null;
  if (got === null) return "answer OK followed by the processes this woke";
  const returned = event.kind === "RELEASE" ? [event.type] : system.total.flatMap((_, r) => (system.held[event.process]![r]! > 0 ? [r] : []));
  const what = event.kind === "RELEASE" ? `process ${event.process} gives back ${instances(event.amount, event.type)}` : `process ${event.process} exits`;
  return listMistake(
    expected,
    got,
    (p) => {
      const { type, amount } = system.waiting[p]!;
      return `${what}, and process ${p}'s waiting request (${instances(amount, type)}) then fits, once the requests that waited longer are served: it is woken`;
    },
    (p) => {
      const waiting = system.waiting[p];
      if (p === event.process && event.kind === "EXIT") return `process ${p} exits: its own waiting request leaves the queue and is never granted`;
      if (!waiting) return `you woke process ${p}, which is not waiting`;
      if (!returned.includes(waiting.type)) return `you woke process ${p}, which waits for type ${waiting.type}; ${what}, which frees none of it`;
      return `${what}, but process ${p}'s request (${instances(waiting.amount, waiting.type)}) does not fit in what is free when its turn comes (the requests that waited longer are served first, and one that does not fit is skipped): it keeps waiting`;
    },
  );
}

function explainDetect(system: ResourceSystem, tokens: string[]): string {
  const { deadlocked, work } = system.detect();
  const got = tokens[0] === "NONE" && tokens.length === 1 ? [] : tokens[0] === "DEADLOCK" && tokens.length > 1 ? processesOf(tokens) : null;
  if (got === null) return "answer DEADLOCK followed by the deadlocked processes, or NONE";
  return listMistake(
    deadlocked,
    got,
    (p) => {
      const { type, amount } = system.waiting[p]!;
      const holdsNothing = system.held[p]!.every((held) => held === 0)
        ? " It holds nothing, but it is reported all the same (see the convention in the statement)."
        : "";
      return `process ${p} is deadlocked: it waits for ${instances(amount, type)}, and even once every process that can finish has finished, only ${count(work[type]!)} of type ${type} would be free.${holdsNothing}`;
    },
    (p) => {
      const waiting = system.waiting[p];
      if (!waiting) return `process ${p} is not waiting, so it is not deadlocked`;
      return `process ${p} is not deadlocked: it waits for ${instances(waiting.amount, waiting.type)}, which fits once the processes that can finish do (${count(work[waiting.type]!)} of type ${waiting.type} would be free)`;
    },
  );
}

/** The system just before event `index`. */
function systemBefore(workload: Workload, index: number): ResourceSystem {
  const system = new ResourceSystem(workload.n, workload.total);
  for (const event of workload.events.slice(0, index)) system.apply(event);
  return system;
}

function explain(workload: Workload, index: number, expected: string, got: string): string {
  const event = workload.events[index]!;
  const system = systemBefore(workload, index);
  const tokens = got.split(" ");
  if (got.startsWith("invalid input:") || got.startsWith("invalid answer:")) return `the driver stopped: ${excerpt(got)}`;
  switch (event.kind) {
    case "REQUEST":
      return got === "GRANT" || got === "WAIT" ? explainRequest(system, event, expected) : "answer GRANT or WAIT";
    case "RELEASE":
    case "EXIT":
      return explainWake(system, event, processesOf(expected.split(" ")) ?? [], tokens);
    case "DETECT":
      return explainDetect(system, tokens);
  }
}

function where(test: IoTestCase): string {
  return test.visibility === "hidden" && test.description ? ` on a hidden test (${test.description})` : "";
}

function mistake(test: IoTestCase, workload: Workload, index: number, expected: string, got: string): CheckOutcome {
  const event = workload.events[index]!;
  const why = explain(workload, index, expected, got);
  if (test.visibility === "hidden") return { ok: false, message: `Wrong answer${where(test)}, event ${count(index + 1)} (${eventName(event)}): ${why}.` };
  return {
    ok: false,
    message: `Line ${count(index + 1)}, "${excerpt(formatEvent(event), 80)}": expected "${excerpt(expected)}", got "${excerpt(got)}": ${why}.`,
  };
}

export const checkDetector: Checker = (test, output) => {
  if (test.expected !== undefined && output === test.expected) return { ok: true };
  let workload: Workload;
  try {
    workload = parseInput(test.input);
  } catch (error) {
    // Custom input the rules do not allow: the reference's output is all there is to compare with.
    if (error instanceof WorkloadError && test.expected !== undefined) return exactLines(test, output);
    throw error;
  }
  const expected = test.expected === undefined ? null : normalisedLines(test.expected);
  const lines = normalisedLines(output);
  const system = expected ? null : new ResourceSystem(workload.n, workload.total);
  for (const [index, event] of workload.events.entries()) {
    const answer = expected ? expected[index]! : system!.apply(event);
    const line = lines[index];
    if (line === undefined) {
      const driver = lines.at(-1)?.startsWith("invalid ") ? ` The driver stopped: ${excerpt(lines.at(-1)!)}.` : "";
      return {
        ok: false,
        message: `Your output ends early${where(test)}: there are ${count(workload.events.length)} events, and event ${count(index + 1)} (${eventName(event)}) has no answer line.${driver}`,
      };
    }
    const got = line.trim().split(/\s+/).join(" ");
    if (got !== answer) return mistake(test, workload, index, answer, got);
  }
  if (lines.length > workload.events.length) {
    return {
      ok: false,
      message: `Your output goes on too long${where(test)}: there are ${count(workload.events.length)} events, but line ${count(workload.events.length + 1)} is "${excerpt(lines[workload.events.length]!, 40)}".`,
    };
  }
  return { ok: true };
};

/** A performance workload's output against the reference's, line by line. */
export const checkAgainstReference = againstReference(checkDetector);

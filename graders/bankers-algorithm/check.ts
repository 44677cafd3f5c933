// The checker of bankers-algorithm: replays the workload with the oracle (bank.ts) and judges each
// answer line. A safe sequence is judged by simulation, so any valid one passes. Public tests are
// told the line, its operation and expected against got; hidden ones a category that names no input.
import { excerpt, exactLines, normalisedLines } from "@/graders/core/checkers";
import type { Checker, CheckOutcome, IoTestCase } from "@/graders/core/types";
import {
  type Bank,
  formatOperation,
  type Operation,
  parseWorkload,
  REQUEST_ANSWERS,
  type RequestAnswer,
  release,
  replay,
  request,
  type Safety,
  safety,
  type Workload,
  WorkloadFormatError,
} from "@/graders/bankers-algorithm/bank";

export const count = (value: number) => value.toLocaleString("en-US");

/** What is wrong with a reported safe sequence, at the first position where something is. */
type SequenceFault =
  | { kind: "not-a-process"; position: number; token: string }
  | { kind: "repeated"; position: number; process: number; first: number }
  | { kind: "blocked"; position: number; process: number; resource: number; need: number[]; work: number[] }
  | { kind: "missing"; listed: number; process: number };

/** Judges `tokens` (what follows SAFE) as a safe sequence of `bank`'s state; positions are 1-based. */
function sequenceFault(bank: Bank, tokens: string[]): SequenceFault | null {
  const order: number[] = [];
  const firstPosition = new Map<number, number>();
  let tokenFault: SequenceFault | null = null;
  for (const [index, token] of tokens.entries()) {
    const process = /^\d{1,9}$/.test(token) ? Number(token) : -1;
    const position = index + 1;
    if (process < 0 || process >= bank.n) tokenFault = { kind: "not-a-process", position, token };
    else if (firstPosition.has(process)) tokenFault = { kind: "repeated", position, process, first: firstPosition.get(process)! };
    if (tokenFault) break;
    firstPosition.set(process, position);
    order.push(process);
  }
  const { finished, work, blocked } = replay(bank, order);
  if (blocked) {
    const process = order[finished]!;
    return { kind: "blocked", position: finished + 1, process, resource: blocked.resource, need: bank.need[process]!.slice(), work };
  }
  if (tokenFault) return tokenFault;
  if (order.length < bank.n) {
    const missing = bank.need.findIndex((_, process) => !firstPosition.has(process));
    return { kind: "missing", listed: order.length, process: missing };
  }
  return null;
}

function describeSequenceFault(fault: SequenceFault, bank: Bank, visibility: IoTestCase["visibility"]): string {
  switch (fault.kind) {
    case "not-a-process":
      return `has "${excerpt(fault.token, 24)}" at position ${count(fault.position)}, which is not a process (they are numbered 0 to ${bank.n - 1})`;
    case "repeated":
      return `names process ${fault.process} twice (positions ${count(fault.first)} and ${count(fault.position)})`;
    case "blocked": {
      const figures =
        visibility === "public"
          ? `: it needs ${excerpt(fault.need.join(" "), 60)} and only ${excerpt(fault.work.join(" "), 60)} is free`
          : ` (of resource type ${fault.resource})`;
      return `fails at position ${count(fault.position)}: process ${fault.process} needs more than is available then${figures}`;
    }
    case "missing":
      return `lists ${count(fault.listed)} of the ${count(bank.n)} processes (process ${fault.process} is missing); every process must appear once`;
  }
}

const DENIAL_REASONS: Record<Exclude<RequestAnswer, "GRANT">, string> = {
  "DENY NEED": "exceeds its declared need",
  "DENY AVAILABLE": "asks for more than is available",
  "DENY UNSAFE": "would leave the system unsafe",
};

/** Why `got` is the wrong answer to a request whose answer is `expected`, in the user's terms. */
function requestMistake(expected: RequestAnswer, got: RequestAnswer, p: number): string {
  if (got === "GRANT") return `you granted a request from process ${p} that ${DENIAL_REASONS[expected as Exclude<RequestAnswer, "GRANT">]}`;
  if (expected === "GRANT")
    return `you denied a request from process ${p} that should be granted: it is within its need and what is available, and the state after it is safe`;
  if (expected === "DENY NEED") return `the request from process ${p} exceeds its declared need, which is checked first`;
  if (expected === "DENY AVAILABLE") {
    return got === "DENY NEED"
      ? `the request from process ${p} is within its declared need but asks for more than is available`
      : `the request from process ${p} asks for more than is available, which is checked before safety`;
  }
  return `the request from process ${p} is within its need and what is available; it is denied because the state after it would be unsafe`;
}

function operationName(op: Operation): string {
  return op.kind === "SAFE?" ? "a SAFE? query" : `a ${op.kind === "REQUEST" ? "request" : "release"} from process ${op.process}`;
}

/** Where a mistake is: line and operation for public tests, operation number and kind for hidden ones. */
function mistake(test: IoTestCase, index: number, op: Operation, answer: { expected: string; got: string }, why: string): CheckOutcome {
  if (test.visibility === "hidden") {
    const what = test.description ? ` (${test.description})` : "";
    return { ok: false, message: `Wrong answer on a hidden test${what}, operation ${count(index + 1)}: ${why}.` };
  }
  const line = `Line ${count(index + 1)}, "${excerpt(formatOperation(op), 80)}"`;
  return { ok: false, message: `${line}: expected ${answer.expected}, got "${excerpt(answer.got)}": ${why}.` };
}

/** Replays the workload, judging each line; the first wrong one fails the test. */
export const checkBanker: Checker = (test, output) => {
  let workload: Workload;
  try {
    workload = parseWorkload(test.input);
  } catch (error) {
    // Custom input the format does not allow: the reference's output is all there is to compare with.
    if (error instanceof WorkloadFormatError && test.expected !== undefined) return exactLines(test, output);
    throw error;
  }
  const { bank, operations } = workload;
  const lines = normalisedLines(output);
  let version = 0;
  let known: { version: number; safety: Safety } | undefined;
  const currentSafety = () => {
    if (known?.version !== version) known = { version, safety: safety(bank) };
    return known.safety;
  };

  for (const [index, op] of operations.entries()) {
    const line = lines[index];
    if (line === undefined) {
      const where = test.visibility === "hidden" && test.description ? ` on a hidden test (${test.description})` : "";
      return {
        ok: false,
        message: `Your output ends early${where}: there are ${count(operations.length)} operations, and operation ${count(index + 1)} (${operationName(op)}) has no answer line.`,
      };
    }
    const got = line.trim().split(/\s+/).join(" ");
    const tokens = got === "" ? [] : got.split(" ");

    if (op.kind === "REQUEST") {
      const expected = request(bank, op.process, op.amounts);
      if (got === expected) {
        if (expected === "GRANT") version++;
        continue;
      }
      const quoted = `"${expected}"`;
      if (!(REQUEST_ANSWERS as readonly string[]).includes(got)) {
        return mistake(
          test,
          index,
          op,
          { expected: quoted, got: line },
          `"${excerpt(line, 40)}" is not an answer to a request: answer GRANT, DENY NEED, DENY AVAILABLE or DENY UNSAFE`,
        );
      }
      return mistake(test, index, op, { expected: quoted, got: line }, requestMistake(expected, got as RequestAnswer, op.process));
    }

    if (op.kind === "RELEASE") {
      const expected = release(bank, op.process, op.amounts);
      if (got === expected) {
        if (expected === "OK") version++;
        continue;
      }
      const why =
        got !== "OK" && got !== "INVALID"
          ? `"${excerpt(line, 40)}" is not an answer to a release: answer OK or INVALID`
          : expected === "INVALID"
            ? `process ${op.process} releases more than it holds, so the release is INVALID and changes nothing`
            : `process ${op.process} holds everything it releases, so the release is OK`;
      return mistake(test, index, op, { expected: `"${expected}"`, got: line }, why);
    }

    if (tokens[0] === "SAFE") {
      const fault = sequenceFault(bank, tokens.slice(1));
      if (!fault) continue;
      const state = currentSafety();
      const expected = state.safe ? `a safe sequence such as "${excerpt(`SAFE ${state.order.join(" ")}`)}"` : `"UNSAFE"`;
      const intro = state.safe ? "your safe sequence" : "the state is unsafe (no order lets every process finish), but you answered SAFE: your sequence";
      return mistake(test, index, op, { expected, got: line }, `${intro} ${describeSequenceFault(fault, bank, test.visibility)}`);
    }
    if (got === "UNSAFE") {
      const state = currentSafety();
      if (!state.safe) continue;
      return mistake(
        test,
        index,
        op,
        { expected: `a safe sequence such as "${excerpt(`SAFE ${state.order.join(" ")}`)}"`, got: line },
        "the state is safe, but you answered UNSAFE",
      );
    }
    return mistake(
      test,
      index,
      op,
      { expected: `"SAFE" and a sequence, or "UNSAFE"`, got: line },
      `"${excerpt(line, 40)}" is not an answer to SAFE?: answer SAFE followed by a safe sequence, or UNSAFE`,
    );
  }

  if (lines.length > operations.length) {
    const where = test.visibility === "hidden" && test.description ? ` on a hidden test (${test.description})` : "";
    return {
      ok: false,
      message: `Your output goes on too long${where}: there are ${count(operations.length)} operations, but line ${count(operations.length + 1)} is "${excerpt(lines[operations.length]!, 40)}".`,
    };
  }
  return { ok: true };
};

/**
 * A performance workload's output against the reference's (its `expected`, run in the same job):
 * the answers to requests and releases must be the reference's line for line, and a safe sequence
 * asked for before anything changed is judged on the initial state (any valid one passes). Replaying
 * thousands of operations with the oracle would cost the grader more than the reference's whole run;
 * any difference is judged by the full checker, which says what is wrong.
 */
export const checkAgainstReference: Checker = (test, output) => {
  if (test.expected === undefined) return checkBanker(test, output);
  const { bank, operations } = parseWorkload(test.input);
  const lines = normalisedLines(output);
  const expected = normalisedLines(test.expected);
  let changed = false;
  const same =
    lines.length === operations.length &&
    expected.length === operations.length &&
    operations.every((op, index) => {
      const got = lines[index]!.trim().split(/\s+/).join(" ");
      if (op.kind !== "SAFE?") {
        changed ||= got === "GRANT" || got === "OK";
        return got === expected[index]!.trim();
      }
      if (got === expected[index]!.trim()) return true;
      const tokens = got.split(" ");
      return !changed && tokens[0] === "SAFE" && sequenceFault(bank, tokens.slice(1)) === null;
    });
  return same ? { ok: true } : checkBanker(test, output);
};

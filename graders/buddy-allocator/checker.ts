// The buddy allocator's checker: compares the output line by line with the oracle's and explains the
// first difference in the allocator's terms (which scenario, which operation, what the free lists
// held then and what the rules do with them). Hidden tests get the explanation after their
// description.
import { Buddy, formatDump, type Operation, orderFor, parseInput, runScenario, type Scenario, ScenarioRun } from "@/graders/buddy-allocator/buddy";
import { describeDivergence, excerpt, explainedDivergence, firstDivergence, normalisedLines } from "@/graders/core/checkers";
import type { Checker, IoTestCase } from "@/graders/core/types";

const count = (value: number) => value.toLocaleString("en-US");

export function nameScenario(s: Scenario, index: number, of: number): string {
  const which = of > 1 ? `scenario ${index + 1}` : "the scenario";
  return `${which} (M = ${s.maxOrder}, ${count(s.operations.length)} operation${s.operations.length === 1 ? "" : "s"})`;
}

const pagesOf = (order: number) => `${count(2 ** order)} page${order === 0 ? "" : "s"}`;

/** The allocator just before operation `index`, and what each allocation holds then. */
function replay(s: Scenario, index: number) {
  const buddy = new Buddy(s.maxOrder);
  const run = new ScenarioRun(s, buddy);
  for (const op of s.operations.slice(0, index)) if (op.kind !== "dump") run.step(op);
  return { buddy, live: run.live, allocs: run.allocs };
}

/** What the rules do at operation `index`, and why. */
function explainOperation(s: Scenario, index: number): string {
  const op = s.operations[index] as Operation;
  const { buddy, live, allocs } = replay(s, index);
  if (op.kind === "dump") return `the free blocks then are "${excerpt(formatDump(buddy.freeBlocks()))}" (by order, then start)`;
  if (op.kind === "alloc") {
    const k = allocs + 1;
    const order = orderFor(op.pages);
    const asked = `allocation A${k} asks for ${count(op.pages)} page${op.pages === 1 ? "" : "s"}: order ${order} (${pagesOf(order)})`;
    if (order > s.maxOrder) return `${asked}, more than the memory's ${pagesOf(s.maxOrder)}: it fails`;
    let from = order;
    while (from <= s.maxOrder && buddy.lowestFree(from) === -1) from++;
    if (from > s.maxOrder) return `${asked}, and no order from ${order} to ${s.maxOrder} has a free block: it fails`;
    const start = buddy.lowestFree(from);
    const split = from > order ? `; it is split down to order ${order}, keeping the lower half each time (the upper halves become free)` : "";
    return `${asked}; the smallest order from ${order} up with a free block is ${from}, whose lowest free block starts at ${start}${split}: A${k} ${start} ${order}`;
  }
  const block = live.get(op.alloc);
  if (!block)
    return `A${op.alloc} ${op.alloc > allocs ? "has not been asked for yet" : "is not allocated then (it failed, or was freed already)"}: nothing is freed`;
  const steps: string[] = [];
  let { start, order } = block;
  while (order < s.maxOrder) {
    const buddyStart = start ^ (2 ** order);
    const state = buddy.freeOrderAt(buddyStart);
    if (state !== order) {
      steps.push(
        `its buddy at ${buddyStart} (order ${order}) is ${state === -1 ? "not a free block (allocated, or split)" : `a free block of order ${state}, not ${order}: it is split`}, so merging stops`,
      );
      break;
    }
    steps.push(`its buddy at ${buddyStart} is free and whole: they merge into order ${order + 1} at ${Math.min(start, buddyStart)}`);
    start = Math.min(start, buddyStart);
    order++;
  }
  if (order === s.maxOrder) steps.push("that is the whole memory");
  return `A${op.alloc}'s block is order ${block.order} at ${block.start}; ${steps.join("; ")}: F${op.alloc} ${start} ${order}`;
}

/** What one of the three closing lines holds. */
function explainTotals(s: Scenario, expected: string): string {
  const what = expected.startsWith("ALLOCS")
    ? "the allocations that succeeded, those that failed, and the sum of the starts they got"
    : expected.startsWith("FREES")
      ? "the frees that freed a block, those that named nothing, and the sum of the orders the freed blocks ended as after merging"
      : "the pages not allocated, the largest free block's pages, and the allocated pages not asked for";
  const hint = s.report === "summary" ? " (a summary report: run it as full to see the first operation that differs)" : "";
  return `after the last of ${count(s.operations.length)} operations the line is "${expected}": ${what}${hint}`;
}

export const checkBuddy: Checker = (test: IoTestCase, output: string) => {
  if (test.expected === undefined) throw new Error(`Test ${test.name} has no expected output.`);
  if (output === test.expected) return { ok: true };
  const expected = normalisedLines(test.expected);
  const actual = normalisedLines(output);
  const divergence = firstDivergence(expected, actual);
  if (!divergence) return { ok: true };
  const scenarios = parseInput(test.input);
  if (!scenarios) return { ok: false, message: describeDivergence(test, divergence) };
  let start = 0;
  let explanation = `your output goes on after the last scenario's END line (line ${count(divergence.line)} is "${excerpt(divergence.actual ?? "")}").`;
  for (const [index, s] of scenarios.entries()) {
    const perOperation = s.report === "full" ? s.operations.length : 0;
    const length = perOperation + 3;
    const line = divergence.line - 1 - start;
    if (line < length) {
      const got = divergence.actual;
      const closing = line >= perOperation;
      const truth = closing ? explainTotals(s, runScenario(s)[line]!) : explainOperation(s, line);
      const what = closing ? `the ${["ALLOCS", "FREES", "END"][line - perOperation]} line` : `operation ${count(line + 1)} (${describe(s.operations[line]!)})`;
      let detail: string;
      if (got === undefined) detail = `your output ends before ${what}: ${truth}.`;
      else if (got.startsWith("invalid allocator:") || got.startsWith("invalid input:"))
        detail = `the driver stopped at ${what}: ${excerpt(got)}. There ${truth}.`;
      else detail = `at ${what} your line is "${excerpt(got)}", but ${truth}.`;
      explanation = `in ${nameScenario(s, index, scenarios.length)}, ${detail}`;
      break;
    }
    start += length;
  }
  return explainedDivergence(test, divergence, explanation);
};

const describe = (op: Operation) => (op.kind === "alloc" ? `alloc ${op.pages}` : op.kind === "free" ? `free ${op.alloc}` : "dump");

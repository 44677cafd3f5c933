// The disk scheduler's checker: compares the report line by line with the oracle's and explains the
// first difference in the head's terms (which scenario, where the head is, where the policy sends it
// next and why). Hidden tests get the explanation after their description.
import { describeDivergence, excerpt, explainedDivergence, firstDivergence, normalisedLines } from "@/graders/core/checkers";
import type { Checker, IoTestCase } from "@/graders/core/types";
import { formatResult, parseInput, type Result, run, type Scenario, type Step } from "@/graders/disk-scheduling/schedule";

const count = (value: number) => value.toLocaleString("en-US");

export function nameScenario(s: Scenario, index: number, of: number): string {
  const which = of > 1 ? `scenario ${index + 1}` : "the scenario";
  return `${which} (${s.algorithm}, ${count(s.cylinders)} cylinder${s.cylinders === 1 ? "" : "s"}, the head on ${s.head} going ${s.direction}, ${count(s.requests.length)} request${s.requests.length === 1 ? "" : "s"})`;
}

/** Why the policy sends the head to the step's stop, from where it was. */
function why(s: Scenario, { stop, from, returning }: Step): string {
  if (stop.request === 0) {
    const edge = stop.cylinder === 0 ? "0" : `${stop.cylinder}, the top`;
    if (returning)
      return `C-SCAN returns from the edge to the other edge (${edge}) and carries on ${s.direction}: requests remain, and it serves only going ${s.direction}`;
    return `${s.algorithm} travels to the disk's edge (cylinder ${edge}) before turning, because requests remain behind the head`;
  }
  const sharing = "requests on one cylinder are served together, in input order";
  switch (s.algorithm) {
    case "FCFS":
      return `it is next in input order`;
    case "SSTF":
      return `cylinder ${stop.cylinder} is the nearest to ${from} with a pending request (a tie goes the way the head last moved; ${sharing})`;
    case "SCAN":
    case "LOOK":
      return `the head serves what it meets on its sweep (${sharing})${s.algorithm === "LOOK" ? " and turns at the last request ahead of it" : ", turning only at the disk's edge and only when requests remain behind it"}`;
    case "C-SCAN":
    case "C-LOOK":
      return `the head serves only going ${s.direction}, from the lowest cylinder up${s.direction === "up" ? "" : " (here: from the highest down)"} (${sharing})${s.algorithm === "C-LOOK" ? "; from the last request ahead it jumps straight to the farthest behind" : ""}`;
  }
}

function explainPath(s: Scenario, result: Result, line: number, got: string | undefined): string {
  const expected = result.lines[line]!;
  const step = result.steps[line]!;
  const previous = line === 0 ? `with the head on ${s.head} at the start` : `after "${result.lines[line - 1]}"`;
  const truth = step.stop.request > 0 ? `the head goes to ${step.stop.cylinder} and serves R${step.stop.request}` : `the head turns at ${step.stop.cylinder}`;
  const because = why(s, step);
  if (got === undefined) return `your output ends ${previous}, but then ${truth}: ${because}.`;
  if (got.startsWith("invalid schedule:") || got.startsWith("invalid input:"))
    return `the driver stopped: ${excerpt(got)}. At that point ${truth}: ${because}.`;
  if (got.startsWith("TOTAL ")) return `your path ends ${previous}, but then ${truth}: ${because}.`;
  const match = /^(\d+) (R(\d+)|turn)$/.exec(got);
  if (!match) return `line ${count(line + 1)} is "${excerpt(got)}"; ${previous}, ${truth}.`;
  const shown = match[2] === "turn" ? `turns at ${match[1]}` : `serves ${match[2]} on ${match[1]}`;
  return `${previous}, your head ${shown}, but ${truth} ("${expected}"): ${because}.`;
}

function explainFigures(s: Scenario, result: Result, line: number, got: string | undefined): string {
  const lines = formatResult(s, result);
  const expected = lines[line]!;
  if (got === undefined) return `your output ends before the line "${expected}".`;
  if (expected.startsWith("TOTAL")) {
    if (!got.startsWith("TOTAL ")) return `after the path comes "${expected}", not "${excerpt(got)}".`;
    return `the head travels ${expected.slice(6)} cylinders in all, not ${excerpt(got.slice(6))}${s.report === "summary" ? " (the order or the trips to the edges differ: run it with a full report)" : " (the path is right: the difference is after the last request, where the head should stop)"}.`;
  }
  return `the waits are "${expected}", not "${excerpt(got)}" (the average over ${count(s.requests.length)} requests, two decimals, halves up, from the exact sum, and the longest)${s.report === "summary" ? ": the total is right, but not the order the requests are served in" : ""}.`;
}

export const checkDisk: Checker = (test: IoTestCase, output: string) => {
  if (test.expected === undefined) throw new Error(`Test ${test.name} has no expected output.`);
  if (output === test.expected) return { ok: true };
  const expected = normalisedLines(test.expected);
  const actual = normalisedLines(output);
  const divergence = firstDivergence(expected, actual);
  if (!divergence) return { ok: true };
  const scenarios = parseInput(test.input);
  if (!scenarios) return { ok: false, message: describeDivergence(test, divergence) };
  let start = 0;
  let explanation = `your output goes on after the last scenario's WAIT line (line ${count(divergence.line)} is "${excerpt(divergence.actual ?? "")}").`;
  for (const [index, s] of scenarios.entries()) {
    const result = run(s);
    const report = formatResult(s, result);
    const line = divergence.line - 1 - start;
    if (line < report.length) {
      const onPath = s.report === "full" && line < result.lines.length;
      const detail = onPath ? explainPath(s, result, line, divergence.actual) : explainFigures(s, result, line, divergence.actual);
      explanation = `in ${nameScenario(s, index, scenarios.length)}, ${detail}`;
      break;
    }
    start += report.length;
  }
  return explainedDivergence(test, divergence, explanation);
};

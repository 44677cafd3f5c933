// The CPU scheduler's checker: compares the report line by line with the oracle's and explains the
// first difference in scheduling terms (which scenario, what the policy runs at that moment and
// why). Hidden tests get the explanation after their description.
import { describeDivergence, excerpt, explainedDivergence, firstDivergence, normalisedLines } from "@/graders/core/checkers";
import type { Checker, IoTestCase } from "@/graders/core/types";
import {
  formatSchedule,
  formatStretch,
  parseInput,
  type Scenario,
  type Schedule,
  type Stretch,
  schedule,
  takesParameter,
} from "@/graders/cpu-scheduler/schedule";

const count = (value: number) => value.toLocaleString("en-US");

/** Where each scenario's lines start in the output, and what each line is. */
interface Located {
  scenario: number;
  /** 0-based line within the scenario's report. */
  line: number;
}

function locate(reports: string[][], line: number): Located | null {
  let start = 0;
  for (const [scenario, report] of reports.entries()) {
    if (line < start + report.length) return { scenario, line: line - start };
    start += report.length;
  }
  return null;
}

export function nameScenario(s: Scenario, index: number, of: number): string {
  const policy = takesParameter(s.algorithm) ? `${s.algorithm} ${count(s.parameter)}` : s.algorithm;
  const which = of > 1 ? `scenario ${index + 1} (${policy}, ` : `the scenario (${policy}, `;
  return `${which}${count(s.processes.length)} process${s.processes.length === 1 ? "" : "es"})`;
}

const who = (stretch: Stretch) => (stretch.pid === 0 ? "the CPU is idle" : `P${stretch.pid} runs`);

/** Why the scheduler runs what it does at the start of `stretch`: the process's standing against the others then. */
function why(s: Scenario, stretch: Stretch): string {
  if (stretch.pid === 0) return "no process has arrived and not finished";
  const p = s.processes[stretch.pid - 1]!;
  switch (s.algorithm) {
    case "FCFS":
      return `it arrived at ${p.arrival}, first among the ready processes (ties: the smaller number)`;
    case "SJF":
      return `its burst of ${p.burst} is the shortest among the ready processes (ties: the earlier arrival, then the smaller number), and nothing is preempted`;
    case "SRTF":
      return "it has the least remaining time then; a process preempts only with strictly less, and ready ties go to whoever became ready first";
    case "RR":
      return `it is at the head of the queue (arrivals join the tail before a process whose quantum of ${count(s.parameter)} runs out at that moment)`;
    case "PRIORITY":
      return `its effective priority (priority ${p.priority} − time waited / ${count(s.parameter)}, not rounded) is the best then; the running process competes with its own priority and keeps the CPU on a tie`;
  }
}

function explainTimeline(s: Scenario, result: Schedule, line: number, got: string | undefined): string {
  const expected = result.timeline[line]!;
  const previous = line === 0 ? "from time 0" : `after "${formatStretch(result.timeline[line - 1]!)}"`;
  const truth = `from ${expected.start} ${who(expected)} until ${expected.end}: ${why(s, expected)}`;
  if (got === undefined) return `your output ends ${previous}, but ${truth}.`;
  if (got.startsWith("invalid schedule:") || got.startsWith("invalid input:")) return `the driver stopped: ${excerpt(got)}. At that point ${truth}.`;
  const match = /^(\d+) (\d+) (P\d+|idle)$/.exec(got);
  if (!match) return `timeline line ${count(line + 1)} is "${excerpt(got)}"; ${previous}, ${truth}.`;
  const [start, end, what] = [Number(match[1]), Number(match[2]), match[3]];
  const shown = what === "idle" ? "the CPU idle" : `${what} running`;
  if (start !== expected.start || what !== (expected.pid === 0 ? "idle" : `P${expected.pid}`))
    return `${previous}, your timeline shows ${shown} from ${start}, but ${truth}.`;
  if (end < expected.end) return `your timeline stops ${what === "idle" ? "the idle stretch" : what} at ${end}, but ${truth} (nothing takes the CPU before).`;
  return `your timeline shows ${shown} from ${start} until ${end}, but at ${expected.end} ${describeEnd(s, result, line)}.`;
}

/** What happens at the end of timeline stretch `line`. */
function describeEnd(s: Scenario, result: Schedule, line: number): string {
  const stretch = result.timeline[line]!;
  const after = result.timeline[line + 1];
  const finishes = stretch.pid !== 0 && result.figures[stretch.pid - 1]!.turnaround + s.processes[stretch.pid - 1]!.arrival === stretch.end;
  const next = after ? `, and then ${who(after)} (${why(s, after)})` : "";
  if (stretch.pid === 0) return `the idle stretch ends${next}`;
  if (finishes) return `P${stretch.pid} finishes${next}`;
  return `P${stretch.pid} loses the CPU${next}`;
}

function explainFigures(s: Scenario, result: Schedule, line: number, got: string | undefined): string {
  const totalsAt = s.report === "full" ? result.timeline.length + s.processes.length : 0;
  const lines = formatSchedule(s, result);
  const expected = lines[line]!;
  if (got === undefined) return `your output ends before the line "${expected}".`;
  if (line < totalsAt) {
    const pid = line - result.timeline.length + 1;
    const p = s.processes[pid - 1]!;
    if (!got.startsWith(`P${pid} `))
      return `after the timeline come the figures of P1 … P${count(s.processes.length)}, in order: expected "${expected}", got "${excerpt(got)}".`;
    return `P${pid} (arrival ${p.arrival}, burst ${p.burst}) has waiting, turnaround and response "${expected.slice(expected.indexOf(" ") + 1)}", not "${excerpt(got.slice(got.indexOf(" ") + 1))}".`;
  }
  if (line === totalsAt) return `the totals are "${expected}", not "${excerpt(got)}" (sums over all processes, in 64-bit integers).`;
  return `the averages are "${expected}", not "${excerpt(got)}" (the totals over ${count(s.processes.length)}, rounded to two decimals, halves up, from the exact totals).`;
}

export const checkScheduler: Checker = (test: IoTestCase, output: string) => {
  if (test.expected === undefined) throw new Error(`Test ${test.name} has no expected output.`);
  if (output === test.expected) return { ok: true };
  const expected = normalisedLines(test.expected);
  const actual = normalisedLines(output);
  const divergence = firstDivergence(expected, actual);
  if (!divergence) return { ok: true };
  const scenarios = parseInput(test.input);
  if (!scenarios) return { ok: false, message: describeDivergence(test, divergence) };
  const results = scenarios.map(schedule);
  const reports = scenarios.map((s, i) => formatSchedule(s, results[i]!));
  const where = locate(reports, divergence.line - 1);
  let explanation: string;
  if (!where) {
    explanation = `your output goes on after the last scenario's AVG line (line ${count(divergence.line)} is "${excerpt(divergence.actual ?? "")}").`;
  } else {
    const s = scenarios[where.scenario]!;
    const result = results[where.scenario]!;
    const inTimeline = s.report === "full" && where.line < result.timeline.length;
    const detail = inTimeline ? explainTimeline(s, result, where.line, divergence.actual) : explainFigures(s, result, where.line, divergence.actual);
    explanation = `in ${nameScenario(s, where.scenario, scenarios.length)}, ${detail}`;
  }
  return explainedDivergence(test, divergence, explanation);
};

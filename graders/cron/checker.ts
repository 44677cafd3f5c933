// The checker of cron: compares the output with the oracle's line by line and explains the first
// wrong line in the statement's terms: which field of a bad line is bad and why, which field keeps a
// job from running at the minute printed, or why it runs at the minute missed (the rule for the two
// day fields above all). Public tests are told the line expected and got; hidden ones the query.
import { againstReference, excerpt, exactLines, normalisedLines } from "@/graders/core/checkers";
import type { Checker, CheckOutcome, IoTestCase } from "@/graders/core/types";
import {
  answer,
  civilFromDays,
  daysFromCivil,
  formatMinute,
  formatQuery,
  type Parsed,
  parseCrontab,
  parseInput,
  type Query,
  runsOnDay,
  weekdayOf,
  type Workload,
  WorkloadError,
} from "@/graders/cron/crontab";

const count = (value: number) => value.toLocaleString("en-US");
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

type Job = Extract<Parsed, { ok: true }>;

/** The minute of a printed "YYYY-MM-DD HH:MM" at the start of a line, or null. */
function minuteOf(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})\b/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  // A 31st of a short month lands in the next month, which is still a minute to explain.
  const days = daysFromCivil(year, month, day);
  return days * 1440 + hour * 60 + minute;
}

/** Why the two day fields accept or refuse a day, in the statement's words. */
function dayRule(job: Job, days: number): string {
  const { month, day } = civilFromDays(days);
  const weekday = weekdayOf(days);
  const [, , dom, , dow] = job.fields as [string, string, string, string, string];
  const byDay = job.schedule.days[day]!;
  const byWeekday = job.schedule.weekdays[weekday]!;
  const date = `${MONTHS[month - 1]} ${ordinal(day)} is a ${DAYS[weekday]}`;
  const fields = `day-of-month \`${dom}\` ${byDay ? "includes" : "does not include"} the ${ordinal(day)}, day-of-week \`${dow}\` ${byWeekday ? "includes" : "does not include"} ${DAYS[weekday]}`;
  if (job.schedule.dayStar || job.schedule.weekdayStar) {
    const star = job.schedule.dayStar ? `day-of-month \`${dom}\`` : `day-of-week \`${dow}\``;
    return `${date}: ${fields}; ${star} begins with *, so a day must match both`;
  }
  return `${date}: ${fields}; both day fields are restricted, so a day matching either is enough`;
}

/** Why a job does not run at `minute`, or null if it does. */
function whyNot(job: Job, minute: number): string | null {
  if (job.schedule.reboot) return "@reboot runs when the daemon starts, never at a time";
  const days = Math.floor(minute / 1440);
  const inDay = minute - days * 1440;
  const { month, day } = civilFromDays(days);
  const [minutes, hours, , months] = job.fields as [string, string, string, string, string];
  if (!job.schedule.months[month]) return `the month field \`${months}\` does not include ${MONTHS[month - 1]}`;
  if (!runsOnDay(job.schedule, month, day, weekdayOf(days))) return dayRule(job, days);
  if (!job.schedule.hours[Math.floor(inDay / 60)]) return `the hour field \`${hours}\` does not include ${Math.floor(inDay / 60)}`;
  if (!job.schedule.minutes[inDay % 60]) return `the minute field \`${minutes}\` does not include ${inDay % 60}`;
  return null;
}

/** Why a job runs at `minute` (which it does). */
function whyRuns(job: Job, minute: number): string {
  const days = Math.floor(minute / 1440);
  const restricted = !job.schedule.dayStar || !job.schedule.weekdayStar;
  return restricted ? `it runs then: ${dayRule(job, days)}` : "it runs then: every field matches";
}

/** What one expected line stands for: a bad line's message, or a query's line. */
type Source = { kind: "error"; line: number } | { kind: "query"; index: number; query: Query; nth: number };

function sources(workload: Workload, parsed: (Parsed | null)[]): { lines: string[]; from: Source[] } {
  const lines: string[] = [];
  const from: Source[] = [];
  parsed.forEach((entry, index) => {
    if (entry && !entry.ok) {
      lines.push(`line ${index + 1}: ${entry.error}`);
      from.push({ kind: "error", line: index + 1 });
    }
  });
  workload.queries.forEach((query, index) => {
    answer(parsed, query).forEach((line, nth) => {
      lines.push(line);
      from.push({ kind: "query", index, query, nth });
    });
  });
  return { lines, from };
}

const quoted = (line: string) => `\`${excerpt(line.trim(), 80)}\``;

function explainError(workload: Workload, parsed: (Parsed | null)[], line: number, got: string): string {
  const entry = parsed[line - 1] as Extract<Parsed, { ok: false }>;
  const said = /^line (\d+): /.exec(got);
  const other = said ? Number(said[1]) : null;
  if (other !== null && other !== line && parsed[other - 1]?.ok) return `line ${other}, ${quoted(workload.lines[other - 1]!)}, is a valid job`;
  if (other !== null && other !== line && other <= workload.lines.length && parsed[other - 1] === null)
    return `line ${other} is blank or a comment: it is not parsed`;
  return `line ${line}, ${quoted(workload.lines[line - 1]!)}, is a ${entry.error}: ${entry.why}`;
}

function explainQuery(parsed: (Parsed | null)[], source: Extract<Source, { kind: "query" }>, expected: string, got: string): string {
  const { query, nth } = source;
  const gotMinute = minuteOf(got);
  const wantMinute = minuteOf(expected);
  if (query.kind === "NEXT") {
    const entry = parsed[query.line - 1];
    if (!entry?.ok) return `line ${query.line} is not a job (${entry ? "it is bad" : "it is blank or a comment"}): the answer is "line ${query.line}: no job"`;
    if (expected === "no more runs") {
      if (gotMinute !== null && gotMinute >= query.after) {
        const why = whyNot(entry, gotMinute);
        if (why) return `the job does not run at ${formatMinute(gotMinute)}: ${why}`;
      }
      return nth === 0
        ? "the job never runs again before the calendar ends (after 9999-12-31 23:59)"
        : `the job runs only ${nth} more time${nth === 1 ? "" : "s"} before the calendar ends`;
    }
    if (gotMinute !== null && wantMinute !== null) {
      if (gotMinute <= query.after) return `the runs must be strictly after ${formatMinute(query.after)}`;
      if (gotMinute < wantMinute)
        return `the job does not run at ${formatMinute(gotMinute)}: ${whyNot(entry, gotMinute) ?? "it does, but that run was printed earlier"}`;
      return `run ${nth + 1} is at ${expected}; ${whyRuns(entry, wantMinute)}`;
    }
    return got === "no more runs" ? `the job still runs at ${expected}; ${whyRuns(entry, wantMinute!)}` : `run ${nth + 1} is at ${expected}`;
  }
  if (expected.startsWith("runs: ")) return gotMinute !== null ? `the window ends before ${got.slice(0, 16)}` : `the window holds ${expected.slice(6)} runs`;
  if (wantMinute === null) return `expected "${excerpt(expected)}"`;
  if (gotMinute !== null && gotMinute < wantMinute) {
    if (gotMinute < query.start) return `the window starts at ${formatMinute(query.start)}`;
    const command = got.slice(21);
    const jobs = parsed.filter((entry): entry is Job => !!entry?.ok && entry.command === command);
    const reasons = jobs.map((job) => whyNot(job, gotMinute));
    if (jobs.length > 0 && reasons.every((why) => why !== null)) return `\`${excerpt(command, 40)}\` does not run at ${formatMinute(gotMinute)}: ${reasons[0]}`;
  }
  const command = expected.slice(21);
  const job = parsed.find((entry): entry is Job => !!entry?.ok && entry.command === command && whyNot(entry, wantMinute) === null);
  if (gotMinute === wantMinute) return "jobs due at the same minute come in the order of their lines";
  return job
    ? `\`${excerpt(command, 40)}\` runs at ${expected.slice(0, 20)}: ${whyRuns(job, wantMinute).replace(/^it runs then: /, "")}`
    : `expected "${excerpt(expected)}"`;
}

function where(test: IoTestCase): string {
  return test.visibility === "hidden" && test.description ? ` on a hidden test (${test.description})` : "";
}

function mistake(test: IoTestCase, workload: Workload, parsed: (Parsed | null)[], source: Source, expected: string, got: string | undefined): CheckOutcome {
  const context = source.kind === "error" ? "the crontab's errors" : `query ${count(source.index + 1)} (${formatQuery(source.query)})`;
  if (got === undefined) {
    return { ok: false, message: `Your output ends early${where(test)}: ${context} has more to print, starting with "${excerpt(expected)}".` };
  }
  if (got.startsWith("invalid input:") || got.startsWith("invalid answer:")) {
    return { ok: false, message: `The driver stopped${where(test)}, at ${context}: ${excerpt(got)}.` };
  }
  const why = source.kind === "error" ? explainError(workload, parsed, source.line, got) : explainQuery(parsed, source, expected, got);
  if (test.visibility === "hidden") return { ok: false, message: `Wrong answer${where(test)}, ${context}: ${why}.` };
  return { ok: false, message: `At ${context}: expected "${excerpt(expected)}", got "${excerpt(got)}": ${why}.` };
}

export const checkCron: Checker = (test, output) => {
  if (test.expected !== undefined && output === test.expected) return { ok: true };
  let workload: Workload;
  try {
    workload = parseInput(test.input);
  } catch (error) {
    // Custom input the rules do not allow: the reference's output is all there is to compare with.
    if (error instanceof WorkloadError && test.expected !== undefined) return exactLines(test, output);
    throw error;
  }
  const parsed = parseCrontab(workload.lines);
  const { lines: expected, from } = sources(workload, parsed);
  const lines = normalisedLines(output).map((line) => line.replace(/[ \t]+$/, ""));
  for (const [index, want] of expected.entries()) {
    const got = lines[index];
    if (got !== want) return mistake(test, workload, parsed, from[index]!, want, got);
  }
  if (lines.length > expected.length) {
    return { ok: false, message: `Your output goes on too long${where(test)}: after the last query's lines comes "${excerpt(lines[expected.length]!, 60)}".` };
  }
  return { ok: true };
};

/** A performance workload's output against the reference's, line by line. */
export const checkAgainstReference = againstReference(checkCron);

// The rules of cron as the grader applies them (its oracle): the input format, crontab lines parsed
// the way Vixie cron parses them (its error messages, its names, 7 for Sunday, its day-of-month /
// day-of-week rule with the `*` quirk), the next runs of a job, and the runs of a crontab over a
// window. Written for plainness, not speed: it walks the calendar one day at a time, skipping the
// months a job does not run in; the reference solutions are the fast ones.

export const LIMITS = { lines: 2_000, lineLength: 1_000, queries: 2_000, count: 1_000, runs: 500_000 } as const;

/** Times are minutes since 1970-01-01 00:00 UTC; the calendar ends at 10000-01-01 00:00. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 9999;

export const ERRORS = ["bad minute", "bad hour", "bad day-of-month", "bad month", "bad day-of-week", "bad command", "bad time specifier"] as const;
export type CronError = (typeof ERRORS)[number];

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
export const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export interface Field {
  name: "minute" | "hour" | "day-of-month" | "month" | "day-of-week";
  low: number;
  high: number;
  names?: string[];
  /** The number of the first name (jan is 1, sun is 0). */
  firstName?: number;
}

/** The five fields, in the order of a line. */
export const FIELDS: readonly Field[] = [
  { name: "minute", low: 0, high: 59 },
  { name: "hour", low: 0, high: 23 },
  { name: "day-of-month", low: 1, high: 31 },
  { name: "month", low: 1, high: 12, names: MONTH_NAMES, firstName: 1 },
  { name: "day-of-week", low: 0, high: 7, names: DAY_NAMES, firstName: 0 },
];

/** A parsed schedule: the allowed values of each field, and whether each day field began with `*`. */
export interface Schedule {
  minutes: boolean[];
  hours: boolean[];
  /** Indexed 1..31. */
  days: boolean[];
  /** Indexed 1..12. */
  months: boolean[];
  /** Indexed 0..6, Sunday 0 (7 folded onto 0). */
  weekdays: boolean[];
  dayStar: boolean;
  weekdayStar: boolean;
  /** `@reboot`: runs when the daemon starts, never at a time of the calendar. */
  reboot: boolean;
}

export type Parsed = { ok: true; schedule: Schedule; command: string; fields: string[] } | { ok: false; error: CronError; why: string };

const MACROS: Record<string, string | null> = {
  yearly: "0 0 1 1 *",
  annually: "0 0 1 1 *",
  monthly: "0 0 1 * *",
  weekly: "0 0 * * 0",
  daily: "0 0 * * *",
  midnight: "0 0 * * *",
  hourly: "0 * * * *",
  reboot: null,
};

const BLANK = /[ \t]/;

/** The value of a number or name, or why it is not one of the field's. */
function value(token: string, field: Field): number | string {
  if (/^[0-9]+$/.test(token)) {
    const n = Number(token);
    return n >= field.low && n <= field.high ? n : `${token} is not within ${field.low}-${field.high}`;
  }
  if (/^[A-Za-z]+$/.test(token) && field.names) {
    const at = field.names.indexOf(token.toLowerCase());
    return at >= 0
      ? at + field.firstName!
      : `${token} is not a ${field.name === "month" ? "month" : "day"} name (three letters: ${field.names.slice(0, 2).join(", ")}, …)`;
  }
  if (token === "") return "a value is missing";
  return `${token} is not a number${field.names ? " or a name" : ""}`;
}

/** The values a field selects (low..high; 7 kept as it is for day-of-week), or why it is bad. */
function parseField(text: string, field: Field): number[] | string {
  const chosen: number[] = [];
  for (const item of text.split(",")) {
    const slash = item.indexOf("/");
    const body = slash >= 0 ? item.slice(0, slash) : item;
    let step = 1;
    if (slash >= 0) {
      const stepText = item.slice(slash + 1);
      if (!/^[0-9]+$/.test(stepText)) return `the step ${stepText === "" ? "is missing" : `${stepText} is not a number`} in ${item}`;
      step = Number(stepText);
      if (step === 0) return `a step of 0 in ${item}`;
    }
    let low: number;
    let high: number;
    if (body === "*") {
      low = field.low;
      high = field.high;
    } else {
      const dash = body.indexOf("-");
      if (dash < 0) {
        if (slash >= 0) return `a step needs a range or *: ${item}`;
        const single = value(body, field);
        if (typeof single === "string") return single;
        chosen.push(single);
        continue;
      }
      const from = value(body.slice(0, dash), field);
      if (typeof from === "string") return from;
      const to = value(body.slice(dash + 1), field);
      if (typeof to === "string") return to;
      if (from > to) return `the range ${body} runs backwards`;
      low = from;
      high = to;
    }
    for (let v = low; v <= high; v += step) chosen.push(v);
  }
  return chosen;
}

function flags(size: number, values: number[]): boolean[] {
  const out = new Array<boolean>(size).fill(false);
  for (const v of values) out[v] = true;
  return out;
}

/** Splits off the next blank-separated word: [word, rest after the blanks that follow it]. */
function word(text: string): [string, string] {
  let end = 0;
  while (end < text.length && !BLANK.test(text[end]!)) end++;
  let next = end;
  while (next < text.length && BLANK.test(text[next]!)) next++;
  return [text.slice(0, end), text.slice(next)];
}

/** Parses a job line (not blank, not a comment; trailing blanks already removed). */
export function parseLine(line: string): Parsed {
  let rest = line.replace(/^[ \t]+/, "");
  /** A macro's five fields, or null: the fields are read from the line. */
  let expansion: string[] | null = null;
  let reboot = false;
  if (rest.startsWith("@")) {
    const [macro, after] = word(rest);
    const name = macro.slice(1);
    if (!Object.hasOwn(MACROS, name))
      return {
        ok: false,
        error: "bad time specifier",
        why: `${macro} is not one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @reboot`,
      };
    reboot = MACROS[name] === null;
    expansion = (MACROS[name] ?? "* * * * *").split(" ");
    rest = after;
  }
  const fields: string[] = [];
  const values: number[][] = [];
  for (const [i, field] of FIELDS.entries()) {
    let text: string;
    if (expansion) text = expansion[i]!;
    else [text, rest] = word(rest);
    const parsed = parseField(text, field);
    if (typeof parsed === "string") return { ok: false, error: `bad ${field.name}`, why: text === "" ? `the ${field.name} field is missing` : parsed };
    fields.push(text);
    values.push(parsed);
  }
  if (rest === "") return { ok: false, error: "bad command", why: "the command is missing" };
  const weekdays = flags(8, values[4]!);
  weekdays[0] = weekdays[0]! || weekdays[7]!;
  return {
    ok: true,
    command: rest,
    fields,
    schedule: {
      minutes: flags(60, values[0]!),
      hours: flags(24, values[1]!),
      days: flags(32, values[2]!),
      months: flags(13, values[3]!),
      weekdays: weekdays.slice(0, 7),
      dayStar: fields[2]!.startsWith("*"),
      weekdayStar: fields[4]!.startsWith("*"),
      reboot,
    },
  };
}

// ---- The calendar (proleptic Gregorian, UTC), after Howard Hinnant's days_from_civil.

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: (month <= 2 ? 1 : 0) + yoe + era * 400, month, day };
}

export const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
export const daysInMonth = (year: number, month: number) =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
/** 1970-01-01 was a Thursday. */
export const weekdayOf = (days: number) => (((days + 4) % 7) + 7) % 7;

/** The first minute after the calendar: 10000-01-01 00:00. */
export const END_OF_CALENDAR = daysFromCivil(LAST_YEAR + 1, 1, 1) * 1440;

/** "YYYY-MM-DD HH:MM Www". */
export function formatMinute(minute: number): string {
  const days = Math.floor(minute / 1440);
  const { year, month, day } = civilFromDays(days);
  const inDay = minute - days * 1440;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${String(year).padStart(4, "0")}-${two(month)}-${two(day)} ${two(Math.floor(inDay / 60))}:${two(inDay % 60)} ${WEEKDAYS[weekdayOf(days)]}`;
}

/** "YYYY-MM-DD HH:MM" to minutes, or null if it is not a minute of 1970..9999. */
export function parseInstant(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) return null;
  return daysFromCivil(year, month, day) * 1440 + hour * 60 + minute;
}

/** Whether the job runs on a day: its month, then its day fields by Vixie's rule. */
export function runsOnDay(schedule: Schedule, month: number, day: number, weekday: number): boolean {
  if (!schedule.months[month]) return false;
  const byDay = schedule.days[day]!;
  const byWeekday = schedule.weekdays[weekday]!;
  return schedule.dayStar || schedule.weekdayStar ? byDay && byWeekday : byDay || byWeekday;
}

/** The runs of a job at minutes > after, in order, up to the end of the calendar. */
export function* runsAfter(schedule: Schedule, after: number): Generator<number> {
  if (schedule.reboot) return;
  const first = after + 1;
  let days = Math.floor(first / 1440);
  let from = first - days * 1440; // the first minute of the day still allowed
  const endDays = END_OF_CALENDAR / 1440;
  while (days < endDays) {
    const { year, month, day } = civilFromDays(days);
    if (!schedule.months[month]) {
      // Skip to the first of the next month.
      days += daysInMonth(year, month) - day + 1;
      from = 0;
      continue;
    }
    if (runsOnDay(schedule, month, day, weekdayOf(days))) {
      for (let hour = Math.floor(from / 60); hour < 24; hour++) {
        if (!schedule.hours[hour]) continue;
        for (let minute = 0; minute < 60; minute++) {
          const at = hour * 60 + minute;
          if (at >= from && schedule.minutes[minute]) yield days * 1440 + at;
        }
      }
    }
    days++;
    from = 0;
  }
}

/** The first `count` runs after `after` (fewer if the calendar ends first). */
export function nextRuns(schedule: Schedule, after: number, count: number): number[] {
  const runs: number[] = [];
  if (count <= 0) return runs;
  for (const run of runsAfter(schedule, after)) {
    runs.push(run);
    if (runs.length === count) break;
  }
  return runs;
}

// ---- The input and the answers.

export type Query = { kind: "NEXT"; line: number; count: number; after: number } | { kind: "RUN"; start: number; end: number };

export interface Workload {
  /** The crontab's lines, as written. */
  lines: string[];
  queries: Query[];
}

export class WorkloadError extends Error {
  override name = "WorkloadError";
}

/** Blank lines and comments are not jobs and are not parsed. */
export const isJobLine = (line: string) => !/^[ \t]*($|#)/.test(line);

/** A line as the driver hands it to parse: trailing blanks (and a carriage return) removed. */
export const trimmedLine = (line: string) => line.replace(/[ \t\r]+$/, "");

export function parseCrontab(lines: readonly string[]): (Parsed | null)[] {
  return lines.map((line) => (isJobLine(trimmedLine(line)) ? parseLine(trimmedLine(line)) : null));
}

const instantText = (minute: number) => formatMinute(minute).slice(0, 16);

export function formatQuery(query: Query): string {
  return query.kind === "NEXT" ? `NEXT ${query.line} ${query.count} ${instantText(query.after)}` : `RUN ${instantText(query.start)} ${instantText(query.end)}`;
}

export function formatInput(workload: Workload): string {
  return `${workload.lines.length}\n${workload.lines.map((line) => `${line}\n`).join("")}${workload.queries.length}\n${workload.queries.map((q) => `${formatQuery(q)}\n`).join("")}`;
}

/** The runs of every job at start <= t < end: [minute, index of the job's line], by time then line. */
export function runWindow(parsed: readonly (Parsed | null)[], start: number, end: number): [number, number][] {
  const runs: [number, number][] = [];
  parsed.forEach((entry, index) => {
    if (!entry?.ok) return;
    for (const run of runsAfter(entry.schedule, start - 1)) {
      if (run >= end) break;
      runs.push([run, index]);
    }
  });
  return runs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The output, one array entry per line: the crontab's errors, then each query's lines. */
export function expectedLines(workload: Workload): string[] {
  const parsed = parseCrontab(workload.lines);
  const out: string[] = [];
  parsed.forEach((entry, index) => {
    if (entry && !entry.ok) out.push(`line ${index + 1}: ${entry.error}`);
  });
  for (const query of workload.queries) for (const line of answer(parsed, query)) out.push(line);
  return out;
}

/** The lines one query prints. */
export function answer(parsed: readonly (Parsed | null)[], query: Query): string[] {
  if (query.kind === "NEXT") {
    const entry = parsed[query.line - 1];
    if (!entry?.ok) return [`line ${query.line}: no job`];
    const runs = nextRuns(entry.schedule, query.after, query.count).map(formatMinute);
    return runs.length < query.count ? [...runs, "no more runs"] : runs;
  }
  const runs = runWindow(parsed, query.start, query.end);
  const lines = runs.map(([minute, index]) => `${formatMinute(minute)} ${(parsed[index] as { command: string }).command}`);
  lines.push(`runs: ${runs.length}`);
  return lines;
}

export const expectedOutput = (workload: Workload) => `${expectedLines(workload).join("\n")}\n`;

/** Reads an input in the statement's format, refusing anything outside it. */
export function parseInput(text: string): Workload {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  let at = 0;
  const next = (what: string) => {
    if (at >= lines.length) throw new WorkloadError(`the input ends before ${what}`);
    return lines[at++]!;
  };
  const counted = (text: string, what: string, min: number, max: number) => {
    if (!/^\d{1,9}$/.test(text.trim()) || Number(text.trim()) < min || Number(text.trim()) > max) throw new WorkloadError(`${what} must be ${min} to ${max}`);
    return Number(text.trim());
  };
  const n = counted(next("the number of lines"), "the number of crontab lines", 0, LIMITS.lines);
  const crontab: string[] = [];
  for (let i = 0; i < n; i++) {
    const line = next(`crontab line ${i + 1}`);
    if (line.length > LIMITS.lineLength) throw new WorkloadError(`crontab line ${i + 1} is longer than ${LIMITS.lineLength} characters`);
    if (/[^\t\r\x20-\x7e]/.test(line)) throw new WorkloadError(`crontab line ${i + 1} has a character that is not printable ASCII or a tab`);
    crontab.push(line);
  }
  const q = counted(next("the number of queries"), "the number of queries", 0, LIMITS.queries);
  const queries: Query[] = [];
  for (let i = 0; i < q; i++) {
    const tokens = next(`query ${i + 1}`)
      .trim()
      .split(/\s+/);
    const instant = (date: string | undefined, time: string | undefined) => {
      const minute = date && time ? parseInstant(date, time) : null;
      if (minute === null) throw new WorkloadError(`query ${i + 1}: a time must be YYYY-MM-DD HH:MM, from 1970-01-01 00:00 to 9999-12-31 23:59`);
      return minute;
    };
    if (tokens[0] === "NEXT" && tokens.length === 5) {
      if (n === 0) throw new WorkloadError(`query ${i + 1}: NEXT needs a line, and the crontab has none`);
      const line = counted(tokens[1]!, `query ${i + 1}: the line`, 1, n);
      const count = counted(tokens[2]!, `query ${i + 1}: the count`, 1, LIMITS.count);
      queries.push({ kind: "NEXT", line, count, after: instant(tokens[3], tokens[4]) });
    } else if (tokens[0] === "RUN" && tokens.length === 5) {
      const start = instant(tokens[1], tokens[2]);
      const end = instant(tokens[3], tokens[4]);
      if (start > end) throw new WorkloadError(`query ${i + 1}: a window must not end before it starts`);
      queries.push({ kind: "RUN", start, end });
    } else {
      throw new WorkloadError(`query ${i + 1} must be NEXT line count YYYY-MM-DD HH:MM or RUN YYYY-MM-DD HH:MM YYYY-MM-DD HH:MM`);
    }
  }
  if (at < lines.length) throw new WorkloadError("there is more input after the last query");
  return { lines: crontab, queries };
}

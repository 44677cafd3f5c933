import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/graders/core/random";
import {
  civilFromDays,
  daysFromCivil,
  END_OF_CALENDAR,
  expectedLines,
  formatMinute,
  nextRuns,
  type Parsed,
  parseInput,
  parseInstant,
  parseLine,
  runWindow,
  type Schedule,
  WorkloadError,
} from "@/graders/cron/crontab";
import { at, badLine, crontab, instant, validLine } from "@/graders/cron/generate";

const schedule = (line: string): Schedule => {
  const parsed = parseLine(line);
  if (!parsed.ok) throw new Error(`${line}: ${parsed.error}`);
  return parsed.schedule;
};
const error = (line: string) => {
  const parsed = parseLine(line);
  return parsed.ok ? "ok" : parsed.error;
};
const next = (line: string, from: string, count: number) =>
  nextRuns(schedule(line), parseInstant(...(from.split(" ") as [string, string]))!, count).map((minute) => formatMinute(minute));

/**
 * Whether a job runs at `minute`, decided from the calendar by JavaScript's own Date (not the
 * oracle's arithmetic) and the schedule's sets, by Vixie cron's test in cron.c.
 */
function runsAt(s: Schedule, minute: number): boolean {
  const date = new Date(minute * 60_000);
  const byDay = s.days[date.getUTCDate()]!;
  const byWeekday = s.weekdays[date.getUTCDay()]!;
  return (
    !s.reboot &&
    s.minutes[date.getUTCMinutes()]! &&
    s.hours[date.getUTCHours()]! &&
    s.months[date.getUTCMonth() + 1]! &&
    (s.dayStar || s.weekdayStar ? byDay && byWeekday : byDay || byWeekday)
  );
}

describe("the calendar", () => {
  it("agrees with JavaScript's Date from 1970 to the end of 9999", () => {
    for (let days = 0; days < END_OF_CALENDAR / 1440; days += 997) {
      const date = new Date(days * 86_400_000);
      expect(civilFromDays(days)).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
      expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(days);
    }
    expect(END_OF_CALENDAR).toBe(Date.UTC(10_000, 0, 1) / 60_000);
    expect(formatMinute(0)).toBe("1970-01-01 00:00 Thu");
    expect(formatMinute(END_OF_CALENDAR - 1)).toBe("9999-12-31 23:59 Fri");
  });

  it("knows which years are leap years", () => {
    expect(next("0 0 29 2 * x", "1999-01-01 00:00", 5)).toEqual([
      "2000-02-29 00:00 Tue",
      "2004-02-29 00:00 Sun",
      "2008-02-29 00:00 Fri",
      "2012-02-29 00:00 Wed",
      "2016-02-29 00:00 Mon",
    ]);
    expect(next("0 0 29 2 * x", "2096-03-01 00:00", 1)).toEqual(["2104-02-29 00:00 Fri"]);
    expect(next("0 0 29 2 * x", "2396-03-01 00:00", 1)).toEqual(["2400-02-29 00:00 Tue"]);
  });
});

describe("crontab(5)'s examples", () => {
  // The examples of Vixie cron's crontab(5) manual page, and what it says they do.
  it("run five minutes after midnight, every day", () => {
    expect(next("5 0 * * * $HOME/bin/daily.job >> $HOME/tmp/out 2>&1", "2026-12-04 15:25", 2)).toEqual(["2026-12-05 00:05 Sat", "2026-12-06 00:05 Sun"]);
  });
  it("run at 2:15pm on the first of every month", () => {
    expect(next("15 14 1 * * $HOME/bin/monthly", "2026-12-04 15:25", 2)).toEqual(["2027-01-01 14:15 Fri", "2027-02-01 14:15 Mon"]);
  });
  it("run at 10 pm on weekdays", () => {
    expect(next('0 22 * * 1-5 mail -s "It\'s 10pm" joe%Joe,%%Where are your kids?%', "2026-12-04 22:00", 2)).toEqual([
      "2026-12-07 22:00 Mon",
      "2026-12-08 22:00 Tue",
    ]);
  });
  it("run 23 minutes after midnight, 2am, 4am …, everyday", () => {
    expect(next('23 0-23/2 * * * echo "run 23 minutes after midn, 2am, 4am ..., everyday"', "2026-12-04 21:00", 3)).toEqual([
      "2026-12-04 22:23 Fri",
      "2026-12-05 00:23 Sat",
      "2026-12-05 02:23 Sat",
    ]);
  });
  it("run at 5 after 4 every sunday", () => {
    expect(next('5 4 * * sun echo "run at 5 after 4 every sunday"', "2026-12-04 15:25", 2)).toEqual(["2026-12-06 04:05 Sun", "2026-12-13 04:05 Sun"]);
  });
  it("30 4 1,15 * 5: at 4:30 am on the 1st and 15th of each month, plus every Friday", () => {
    expect(next("30 4 1,15 * 5 x", "2026-12-04 15:25", 5)).toEqual([
      "2026-12-11 04:30 Fri",
      "2026-12-15 04:30 Tue",
      "2026-12-18 04:30 Fri",
      "2026-12-25 04:30 Fri",
      "2027-01-01 04:30 Fri",
    ]);
  });
});

describe("parsing", () => {
  it("names the first bad field, as Vixie cron's crontab does", () => {
    const cases: [string, string][] = [
      ["60 24 * * * x", "bad minute"],
      ["0 24 * * * x", "bad hour"],
      ["0 0 0 * * x", "bad day-of-month"],
      ["0 0 32 * * x", "bad day-of-month"],
      ["0 0 1 13 * x", "bad month"],
      ["0 0 1 0 * x", "bad month"],
      ["0 0 * * 8 x", "bad day-of-week"],
      ["0 0 * * fri-sun x", "bad day-of-week"],
      ["0 0 * dec-jan * x", "bad month"],
      ["5/10 * * * * x", "bad minute"],
      ["*/0 * * * * x", "bad minute"],
      ["1,,2 * * * * x", "bad minute"],
      ["1, * * * * x", "bad minute"],
      ["*x * * * * x", "bad minute"],
      ["jan * * * * x", "bad minute"],
      ["0 0 * sept * x", "bad month"],
      ["0 0 * * Sunday x", "bad day-of-week"],
      ["0 0 * * */mon x", "bad day-of-week"],
      ["5 4 * *", "bad day-of-week"],
      ["5 4", "bad day-of-month"],
      ["5 4 * * *", "bad command"],
      ["@daily", "bad command"],
      ["@Daily x", "bad time specifier"],
      ["@ x", "bad time specifier"],
      ["@dailyx x", "bad time specifier"],
      ["99999999999 * * * * x", "bad minute"],
      ["0 0 * * 0-7 x", "ok"],
      ["0 0 * * fri-7 x", "ok"],
      ["*/999999999 * * * * x", "ok"],
      ["00 00 01 01 00 x", "ok"],
      ["@reboot x", "ok"],
      ["\t5\t4 * * mon\tx", "ok"],
    ];
    for (const [line, expected] of cases) expect(error(line), line).toBe(expected);
  });

  it("keeps the command as written, after the blanks that follow the fields", () => {
    const parsed = parseLine("  5 4 * * *\t  a  b # c % d") as Extract<Parsed, { ok: true }>;
    expect(parsed.command).toBe("a  b # c % d");
    expect((parseLine("@daily\t x y") as Extract<Parsed, { ok: true }>).command).toBe("x y");
  });

  it("reads steps, names and 7 as the statement says", () => {
    const s = schedule("5-50/15 */5 */2 jul-dec/2 1-7/2 x");
    expect(s.minutes.flatMap((on, m) => (on ? [m] : []))).toEqual([5, 20, 35, 50]);
    expect(s.hours.flatMap((on, h) => (on ? [h] : []))).toEqual([0, 5, 10, 15, 20]);
    expect(s.days.flatMap((on, d) => (on ? [d] : []))).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31]);
    expect(s.months.flatMap((on, m) => (on ? [m] : []))).toEqual([7, 9, 11]);
    expect(s.weekdays.flatMap((on, d) => (on ? [d] : []))).toEqual([0, 1, 3, 5]);
    expect(schedule("0 0 * * */7 x").weekdays.flatMap((on, d) => (on ? [d] : []))).toEqual([0]);
    expect(schedule("0 0 * * MoN,wed x").weekdays.flatMap((on, d) => (on ? [d] : []))).toEqual([1, 3]);
  });

  it("expands each macro to its five fields, the rule for days included", () => {
    const same = (macro: string, fields: string) => expect(schedule(`${macro} x`), macro).toEqual(schedule(`${fields} x`));
    same("@yearly", "0 0 1 1 *");
    same("@annually", "0 0 1 1 *");
    same("@monthly", "0 0 1 * *");
    same("@weekly", "0 0 * * 0");
    same("@daily", "0 0 * * *");
    same("@midnight", "0 0 * * *");
    same("@hourly", "0 * * * *");
    expect(next("@weekly x", "2026-12-04 00:00", 2)).toEqual(["2026-12-06 00:00 Sun", "2026-12-13 00:00 Sun"]);
    expect(next("@reboot x", "2026-12-04 00:00", 2)).toEqual([]);
  });
});

describe("the rule for days", () => {
  it("needs both fields when either begins with *, either one when both are restricted", () => {
    // */2 begins with *: odd days that are Mondays. 1-31/2 does not: odd days, and Mondays.
    expect(next("0 0 */2 * mon x", "2026-12-01 00:00", 3)).toEqual(["2026-12-07 00:00 Mon", "2026-12-21 00:00 Mon", "2027-01-11 00:00 Mon"]);
    expect(next("0 0 1-31/2 * mon x", "2026-12-01 00:00", 4)).toEqual([
      "2026-12-03 00:00 Thu",
      "2026-12-05 00:00 Sat",
      "2026-12-07 00:00 Mon",
      "2026-12-09 00:00 Wed",
    ]);
    // 1-31 is every day, restricted all the same: with a day-of-week, any day.
    expect(next("0 0 1-31 * mon x", "2026-12-01 00:00", 2)).toEqual(["2026-12-02 00:00 Wed", "2026-12-03 00:00 Thu"]);
    // 0-7 does not begin with *: the 10th OR any day.
    expect(next("0 0 10 * 0-7 x", "2026-12-01 00:00", 1)).toEqual(["2026-12-02 00:00 Wed"]);
    // */1 does: the 10th AND any day.
    expect(next("0 0 10 * */1 x", "2026-12-01 00:00", 1)).toEqual(["2026-12-10 00:00 Thu"]);
  });
});

describe("next runs and windows", () => {
  it("agree with a minute-by-minute search on random lines", () => {
    const random = new SeededRandom(7);
    let runs = 0;
    for (let i = 0; i < 400; i++) {
      const s = schedule(validLine(random.fork(String(i))));
      const after = instant(random, 1970, 8000);
      const found = nextRuns(s, after, 6);
      // Every minute from after + 1 to the last run found (or two days on) is checked.
      const last = found.length === 6 ? found.at(-1)! : Math.min(after + 2 * 1440, END_OF_CALENDAR - 1);
      const expected: number[] = [];
      for (let minute = after + 1; minute <= last && expected.length < 6; minute++) if (runsAt(s, minute)) expected.push(minute);
      expect(found.slice(0, expected.length), `line ${i}`).toEqual(expected);
      runs += found.length;
    }
    expect(runs).toBeGreaterThan(1_000);
  });

  it("end with the calendar", () => {
    expect(next("59 23 31 12 * x", "9998-06-01 00:00", 5)).toEqual(["9998-12-31 23:59 Thu", "9999-12-31 23:59 Fri"]);
    expect(next("0 0 30 2 * x", "1970-01-01 00:00", 1)).toEqual([]);
  });

  it("give every run in the window, by time then line, the end excluded", () => {
    const parsed = ["*/30 * * * * a", "# c", "0 * * * * b", "bad"].map((line) => (line.startsWith("#") ? null : parseLine(line)));
    expect(runWindow(parsed, at(2026, 1, 1, 0, 0), at(2026, 1, 1, 1, 0))).toEqual([
      [at(2026, 1, 1, 0, 0), 0],
      [at(2026, 1, 1, 0, 0), 2],
      [at(2026, 1, 1, 0, 30), 0],
    ]);
  });

  it("print errors first, then each query's lines", () => {
    const lines = expectedLines(
      parseInput("4\n0 0 * * * a\nbad\n\n@daily\n3\nNEXT 1 1 2026-01-01 00:00\nNEXT 3 1 2026-01-01 00:00\nRUN 2026-01-01 00:00 2026-01-01 00:01\n"),
    );
    expect(lines).toEqual(["line 2: bad minute", "line 4: bad command", "2026-01-02 00:00 Fri", "line 3: no job", "2026-01-01 00:00 Thu a", "runs: 1"]);
  });
});

describe("the input", () => {
  it("refuses what the statement does not allow", () => {
    const bad = [
      "1\n0 0 * * * a\n1\nNEXT 2 1 2026-01-01 00:00\n",
      "1\n0 0 * * * a\n1\nNEXT 1 0 2026-01-01 00:00\n",
      "1\n0 0 * * * a\n1\nNEXT 1 1001 2026-01-01 00:00\n",
      "1\n0 0 * * * a\n1\nNEXT 1 1 2026-02-30 00:00\n",
      "1\n0 0 * * * a\n1\nNEXT 1 1 1969-12-31 23:59\n",
      "1\n0 0 * * * a\n1\nRUN 2026-01-02 00:00 2026-01-01 00:00\n",
      "1\n0 0 * * * a\n1\nWAIT 1\n",
      "1\n0 0 * * * a\n2\nRUN 2026-01-01 00:00 2026-01-01 00:00\n",
      `1\n${"x".repeat(1_001)}\n0\n`,
      "2001\n",
    ];
    for (const input of bad) expect(() => parseInput(input), input).toThrow(WorkloadError);
  });

  it("generates lines that parse, and bad lines that do not", () => {
    const random = new SeededRandom(3);
    for (let i = 0; i < 2_000; i++) {
      expect(parseLine(validLine(random)).ok).toBe(true);
      const bad = badLine(random);
      expect(parseLine(bad).ok, bad).toBe(false);
    }
    expect(crontab(random, 100).length).toBe(100);
  });
});

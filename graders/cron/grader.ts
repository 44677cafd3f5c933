// cron: crontab lines parsed as Vixie cron parses them, a job's next runs, and the scheduler over a
// window. The checker (checker.ts) compares the output with the oracle's (crontab.ts) and explains
// the first difference; hidden tests probe every rule the statement pins (each field's bounds,
// names, ranges and steps and their mistakes, macros, the rule for the two day fields with its `*`
// quirk, month lengths and leap years, the end of the calendar, windows' ends); performance is CPU
// time against the reference on NEXT queries for hundreds of runs of jobs that run rarely, and on
// RUN windows of years over thousands of jobs, where stepping through the calendar a minute at a
// time, or scanning every job for each run, is too slow.
import type { Language } from "@/contracts/languages";
import { memoized } from "@/graders/core/memo";
import { SeededRandom } from "@/graders/core/random";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";
import { checkAgainstReference, checkCron } from "@/graders/cron/checker";
import { END_OF_CALENDAR, expectedOutput, formatInput, parseInput, type Query, type Workload } from "@/graders/cron/crontab";
import { at, command, crontab, instant, nextQueries } from "@/graders/cron/generate";

const count = (value: number) => value.toLocaleString("en-US");

function test(name: string, workload: Workload, note?: string, withExpected = true): IoTestCase {
  const size = `${count(workload.lines.length)} line${workload.lines.length === 1 ? "" : "s"}, ${count(workload.queries.length)} quer${workload.queries.length === 1 ? "y" : "ies"}`;
  return {
    name,
    visibility: "hidden",
    description: note ? `${note}: ${size}` : size,
    input: formatInput(workload),
    expected: withExpected ? expectedOutput(workload) : undefined,
  };
}

/** A workload written out: its lines, and its queries in the input's syntax. */
function scripted(lines: string[], queries: string[]): Workload {
  return parseInput(`${lines.length}\n${lines.map((line) => `${line}\n`).join("")}${queries.length}\n${queries.map((q) => `${q}\n`).join("")}`);
}

/** A NEXT query on every line of the crontab, from the same minute. */
const nextOnEvery = (lines: string[], runs: number, from: string) => lines.map((_, i) => `NEXT ${i + 1} ${runs} ${from}`);

function bounds(): Workload {
  const lines = [
    "0 0 * * * min-0",
    "59 23 * * * max",
    "60 0 * * * x",
    "0 24 * * * x",
    "0 0 0 * * x",
    "0 0 31 * * dom-31",
    "0 0 32 * * x",
    "0 0 1 0 * x",
    "0 0 1 12 * dec",
    "0 0 1 13 * x",
    "0 0 * * 0 sunday-0",
    "0 0 * * 7 sunday-7",
    "0 0 * * 8 x",
    "0 0 * * 0-7 every-day",
    "-1 0 * * * x",
    "00 000 01 001 00 zeros",
    "59 23 31 12 6 all-high",
    "0 0 * * 6-7 weekend",
    "0 0 * * 7-7 seven-seven",
    "99999999999 * * * * x",
    "* * * * 99999999999 x",
  ];
  return scripted(lines, [...nextOnEvery(lines, 3, "2026-12-04 15:25"), "RUN 2026-12-31 23:00 2027-01-02 00:01"]);
}

function names(): Workload {
  const lines = [
    "0 9 * jan,FEB,Mar * months",
    "0 9 * * MON-fri weekdays",
    "0 9 * jun-aug sat,Sun summer-weekends",
    "0 9 * jul-dec/2 * every-other-month",
    "0 9 * * sun-sat/2 every-other-day-name",
    "0 9 * sept * x",
    "0 9 * January * x",
    "0 9 * * Sunday x",
    "0 9 * * thurs x",
    "jan 9 * * * x",
    "0 mon * * * x",
    "0 9 mon * * x",
    "0 9 * * */mon x",
    "0 9 * 1-dec * numbers-and-names",
    "0 9 * * 1-sat numbers-and-names",
    "0 9 * * fri-sun x",
    "0 9 * * sat-sun x",
    "0 9 * * fri-7 fri-to-sunday",
    "0 9 * dec-jan * x",
    "0 9 * * mOn,WeD,fRI mixed-case",
  ];
  return scripted(lines, [...nextOnEvery(lines, 4, "2026-05-28 10:00"), "RUN 2026-06-01 00:00 2026-06-15 00:00"]);
}

function rangesAndSteps(): Workload {
  const lines = [
    "*/15 * * * * quarter",
    "5-50/15 * * * * from-5",
    "0 */5 * * * every-5-hours",
    "0 0 */2 * * odd-days",
    "0 0 * */5 * months-1-6-11",
    "0 0 * * */3 sun-wed-sat",
    "0 0 * * */7 sunday-step-7",
    "0 0 * * 1-7/2 mon-wed-fri-sun",
    "*/90 * * * * step-past-the-end",
    "0 3-3/7 * * * one-hour",
    "7,19,59 1,13 * * * lists",
    "1-5,50-55/2,30 6 * * * mixed-list",
    "5/10 * * * * x",
    "*/0 * * * * x",
    "0 1-5/0 * * * x",
    "0 5-1 * * * x",
    "1,,2 * * * * x",
    "1, * * * * x",
    ",1 * * * * x",
    "*x * * * * x",
    "*-5 * * * * x",
    "** * * * * x",
    "0- * * * * x",
    "-5 * * * * x",
    "1.5 * * * * x",
    "*/ * * * * x",
    "*/-1 * * * * x",
    "0 0 1-31/10 * * days-1-11-21-31",
    "*/999999999 */999999999 * * * huge-step",
  ];
  return scripted(lines, [...nextOnEvery(lines, 5, "2026-12-30 22:50"), "RUN 2027-01-01 00:00 2027-01-01 07:00"]);
}

function missingParts(): Workload {
  const lines = [
    "5",
    "5 4",
    "5 4 *",
    "5 4 * *",
    "5 4 * * *",
    "5 4 * * mon",
    "\t5\t4 *  *\t\tmon\tcommand after tabs",
    "   5 4 * * *    command after spaces",
    "5 4 * * * a command with # and % and  two  spaces",
    "# comment",
    "   # indented comment",
    "",
    "   ",
    "#5 4 * * * commented out",
    "5 4 * * * #not-a-comment",
  ];
  return scripted(lines, [...nextOnEvery(lines, 2, "2026-12-04 00:00"), "RUN 2026-12-05 04:05 2026-12-08 04:05"]);
}

function macros(): Workload {
  const lines = [
    "@yearly happy-new-year",
    "@annually also-new-year",
    "@monthly invoice",
    "@weekly backup",
    "@daily rotate",
    "@midnight also-rotate",
    "@hourly poll",
    "@reboot start-agent",
    "@daily",
    "@reboot",
    "@Daily x",
    "@HOURLY x",
    "@often x",
    "@ x",
    "@dailyx x",
    "@daily\tafter-a-tab",
    "  @weekly   indented",
    "@every 5m x",
  ];
  return scripted(lines, [...nextOnEvery(lines, 3, "2026-12-31 23:30"), "RUN 2026-12-31 22:00 2027-01-01 02:00", "RUN 2027-02-28 23:00 2027-03-01 01:00"]);
}

/** The rule for the two day fields: both restricted, one beginning with `*` (a step on `*` too), `1-31`, `0-7`. */
function dayRule(): Workload {
  const lines = [
    "30 4 1,15 * 5 man-page-example",
    "0 0 13 * fri friday-or-13th",
    "0 0 */2 * mon odd-and-monday",
    "0 0 1-31/2 * mon odd-or-monday",
    "0 0 1-31 * mon every-day",
    "0 0 10 * * tenth",
    "0 0 * * tue tuesdays",
    "0 0 10 * */1 tenth-and-every-day",
    "0 0 10 * 0-7 tenth-or-every-day",
    "0 0 */10 * 3 days-1-11-21-31-and-wednesday",
    "0 0 31 * sun 31st-or-sunday",
    "0 0 31 * */7 31st-and-sunday",
    "0 0 * * * daily",
    "0 0 1 * 1 first-or-monday",
    "0 0 29 2 1 feb-29-or-mondays-in-feb",
    "0 0 29 2 */1 feb-29-any-weekday",
  ];
  return scripted(lines, [...nextOnEvery(lines, 12, "2027-01-31 12:00"), "RUN 2027-02-01 00:00 2027-03-02 00:00"]);
}

function calendar(): Workload {
  const lines = [
    "0 0 29 2 * leap-day",
    "0 0 30 2 * never-feb-30",
    "0 0 31 4,6,9,11 * never-31st",
    "0 0 31 * * seven-times-a-year",
    "0 0 30 * * eleven-times-a-year",
    "0 12 28-31 2 * end-of-february",
    "59 23 31 12 * last-minute",
    "0 0 1 1 * first-minute",
    "0 0 29 2 */7 feb-29-on-sunday",
    "0 0 31 2 mon mondays-in-feb",
    "0 0 */28 2 */7 feb-1-or-29-sunday",
  ];
  return scripted(lines, [
    ...nextOnEvery(lines, 6, "1970-01-01 00:00"),
    ...nextOnEvery(lines, 6, "2096-02-28 00:00"),
    ...nextOnEvery(lines, 6, "2396-01-01 00:00"),
    ...nextOnEvery(lines, 4, "9995-06-01 00:00"),
    "NEXT 7 1 9999-12-31 23:58",
    "NEXT 7 1 9999-12-31 23:59",
    "NEXT 1 5 1999-12-31 23:59",
    "RUN 2099-12-31 00:00 2101-03-02 00:00",
    "RUN 9999-12-31 00:00 9999-12-31 23:59",
  ]);
}

function windows(): Workload {
  const lines = ["*/10 * * * * ten", "0 * * * * hourly", "0 0 * * * daily", "30 12 1 * * monthly"];
  return scripted(lines, [
    "RUN 2026-12-04 12:00 2026-12-04 13:00",
    "RUN 2026-12-04 12:01 2026-12-04 12:10",
    "RUN 2026-12-04 12:00 2026-12-04 12:00",
    "RUN 2026-12-04 12:05 2026-12-04 12:06",
    "RUN 2026-12-31 23:50 2027-01-01 00:10",
    "RUN 2027-01-01 12:30 2027-01-01 12:31",
    "RUN 2027-02-28 23:59 2027-03-01 00:01",
    "NEXT 1 2 2026-12-04 12:00",
    "NEXT 1 2 2026-12-04 11:59",
    "NEXT 4 2 2027-01-01 12:30",
    "NEXT 4 2 2027-01-01 12:29",
  ]);
}

/** Hundreds of jobs due at the same minutes: the order of their lines decides. */
function sameMinute(random: SeededRandom): Workload {
  const lines = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `0 0 * * * job-${i}` : i % 3 === 1 ? `@daily job-${i}` : `0 */12 * * * job-${i}`));
  for (let i = 0; i < 20; i++) lines.splice(random.int(0, lines.length), 0, random.pick(["# comment", "", "0 0 * * x bad"]));
  return scripted(lines, ["RUN 2026-12-04 00:00 2026-12-06 00:01"]);
}

function queriesOnAnyLine(
  random: SeededRandom,
  lines: string[],
  queries: number,
  runs: [number, number],
  years: [number, number],
  windows: number,
  windowMinutes: number,
): Workload {
  const next = nextQueries(random, lines.length, queries, runs, years);
  const run: Query[] = Array.from({ length: windows }, () => {
    const start = instant(random, years[0], years[1] - years[0]);
    return { kind: "RUN" as const, start, end: Math.min(start + random.int(0, windowMinutes), END_OF_CALENDAR - 1) };
  });
  // The windows among the NEXT queries, at random places.
  const queriesInOrder = [...next];
  for (const window of run) queriesInOrder.splice(random.int(0, queriesInOrder.length), 0, window);
  return { lines, queries: queriesInOrder };
}

/** Jobs that run on one minute of days picked by the day rule, or of some months only. */
function sparseLine(random: SeededRandom): string {
  const time = `${random.int(0, 59)} ${random.int(0, 23)}`;
  const shapes = [
    () => `${random.pick(["*/31", "1", "13"])} * ${random.pick(["fri", "*/7", "1"])}`, // AND or OR of a day and a weekday
    () => `${random.pick(["*/30", "*/29"])} * ${random.int(0, 6)}`, // the 1st, 30th or 31st on one weekday
    () => `${random.int(28, 31)} * *`,
    () => `* * ${random.int(0, 6)}`,
    () => `${random.int(1, 28)} ${random.int(1, 12)} *`,
    () => `*/${random.int(8, 16)} * */${random.int(3, 7)}`,
  ];
  return `${time} ${random.pick(shapes)()} ${command(random)}`;
}

const sparseLines = (random: SeededRandom, n: number) => Array.from({ length: n }, () => sparseLine(random));

const sharedTests = memoized((seed: number): IoTestCase[] => {
  const random = new SeededRandom(seed);
  const fork = (label: string) => random.fork(label);
  const small = crontab(fork("small lines"), 40, 0.3);
  const medium = crontab(fork("medium lines"), 300);
  const large = crontab(fork("large lines"), 2_000);
  return [
    test("no crontab", scripted([], ["RUN 2026-01-01 00:00 2026-12-31 23:59"]), "no lines: a window without runs"),
    test(
      "only comments",
      scripted(["# nothing", "", "  # here"], ["NEXT 1 1 2026-01-01 00:00", "NEXT 2 3 2026-01-01 00:00", "RUN 2026-01-01 00:00 2026-01-02 00:00"]),
    ),
    test("each field's bounds", bounds(), "the lowest and highest value of each field and one past them, 0 and 7 for Sunday"),
    test("names", names(), "month and day names in any case, in lists and ranges; wrong names; fri-sun"),
    test("ranges and steps", rangesAndSteps(), "steps on * and ranges, past the end, on a single value, of 0; empty items; junk after *"),
    test("missing fields and commands", missingParts(), "one to five fields, tabs, leading blanks, comments"),
    test("macros", macros(), "every macro, @reboot, macros without a command, unknown ones"),
    test("the rule for days", dayRule(), "both day fields restricted, one beginning with *, */2, 1-31, 0-7"),
    test("months and leap years", calendar(), "the 29th to 31st, 2000, 2100 and 2400, the end of year 9999, jobs that never run"),
    test("the ends of windows", windows(), "windows starting and ending on runs, empty windows, NEXT from a run"),
    test("jobs due at the same minute", sameMinute(fork("same minute")), "300 jobs due at midnight, in the order of their lines"),
    test("random, small", queriesOnAnyLine(fork("small"), small, 200, [1, 5], [1970, 2100], 20, 360), "random lines, a third of them bad"),
    test("random, medium", queriesOnAnyLine(fork("medium"), medium, 500, [1, 40], [1970, 9999], 20, 120)),
    test(
      "random, sparse jobs",
      queriesOnAnyLine(fork("sparse"), sparseLines(fork("sparse lines"), 200), 300, [50, 200], [1970, 2500], 5, 365 * 1440),
      "jobs that run a few times a year",
    ),
    test("random, 2,000 lines", queriesOnAnyLine(fork("large"), large, 1_996, [1, 20], [1970, 9999], 4, 180), "2,000 lines and 2,000 queries"),
  ];
});

/** Jobs that run once or twice a year, on days the day rule picks: finding each run steps over months of days. */
function rareLine(random: SeededRandom): string {
  const days = random.pick([
    () => `*/31 * ${random.int(0, 6)}`, // the 1st, on one weekday
    () => `${random.pick(["*/30", "*/29"])} * ${random.int(0, 6)}`, // the 1st and the 30th or 31st, on one weekday
    () => `${random.int(1, 28)} * */7`, // a day of the month, on a Sunday
    () => `${random.int(1, 28)} ${random.int(1, 12)} *`, // once a year
  ])();
  return `${random.int(0, 59)} ${random.int(0, 23)} ${days} ${command(random)}`;
}

/** Jobs running about weekly (some 35 runs a year each). */
function weeklyLine(random: SeededRandom): string {
  const days = random.pick([
    () => `* * ${random.int(0, 7)}`,
    () => `${random.int(1, 28)},${random.int(1, 28)} * *`,
    () => `*/${random.int(5, 10)} * *`,
    () => `${random.int(1, 31)} * *`,
  ])();
  return `${random.int(0, 59)} ${random.int(0, 23)} ${days} ${command(random)}`;
}

/**
 * NEXT for hundreds of runs of jobs that run a few times a year (`queries` of them), then RUN over a
 * year of 2,000 jobs running about weekly: a heap of 2,000 jobs, some 70,000 runs.
 */
function nextAndBusyYear(seed: number, queries: number): IoTestCase {
  const random = new SeededRandom(seed).fork("performance next");
  const sparse = sparseLines(random, 500);
  const weekly = Array.from({ length: 1_500 }, () => weeklyLine(random));
  const next: Query[] = Array.from({ length: queries }, () => ({
    kind: "NEXT" as const,
    line: random.int(1, sparse.length),
    count: random.int(300, 600),
    after: instant(random, 1970, 400),
  }));
  const workload: Workload = { lines: [...sparse, ...weekly], queries: [...next, { kind: "RUN", start: at(2030, 1, 1), end: at(2031, 1, 1) }] };
  return test(
    `performance: ${count(queries)} NEXT queries of hundreds of runs, then a busy year`,
    workload,
    "jobs that run a few times a year; 2,000 jobs over a year",
    false,
  );
}

/** RUN over `years` of 2,000 jobs that run once or twice a year: most of the work is finding the next run. */
function rareDecades(seed: number, years: number): IoTestCase {
  const random = new SeededRandom(seed).fork("performance run");
  const lines = Array.from({ length: 2_000 }, () => rareLine(random));
  const workload: Workload = { lines, queries: [{ kind: "RUN", start: at(2030, 1, 1), end: at(2030 + years, 1, 1) }] };
  return test(`performance: RUN over ${years} years`, workload, "2,000 jobs that run once or twice a year", false);
}

/**
 * Sizes per language, so that the reference spends at least ~150 ms of CPU on each workload
 * (measured with `npm run graders:sizes`), within the output limit (the NEXT runs print 21 bytes each).
 */
const nextQueriesFor = (language: Language) => ({ c: 1_000, cpp: 1_000, go: 1_000, python: 60 })[language];
const rareYears = (language: Language) => ({ c: 40, cpp: 40, go: 40, python: 6 })[language];

const performanceWorkloads = memoized((seed: number, language: Language): IoTestCase[] => [
  nextAndBusyYear(seed, nextQueriesFor(language)),
  rareDecades(seed, rareYears(language)),
]);

export default defineIoGrader({
  check: checkCron,
  hiddenTests: sharedTests,
  performance: {
    workloads: performanceWorkloads,
    check: checkAgainstReference,
    // 15: the references print a matching day's runs in one go and keep their heap in one integer
    // per job; following the statement's hint 3 with gmtime at each step measured 7.5–8× in C
    // (AC-hint-3-gmtime), with datetime 2.5–2.9× in Python. Stepping minute by minute never finishes.
    tolerance: 15,
  },
});

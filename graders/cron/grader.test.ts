import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { IoTestCase } from "@/graders/core/types";
import { checkAgainstReference, checkCron } from "@/graders/cron/checker";
import { ERRORS, expectedLines, LIMITS, parseCrontab, parseInput, runWindow } from "@/graders/cron/crontab";
import grader from "@/graders/cron/grader";

const manifest = parse(readFileSync(path.join(import.meta.dirname, "../../exercises/cron/exercise.yaml"), "utf8")) as {
  limits: { outputKiB: number };
};
const hidden = grader.hiddenTests(grader.seed, "c");
const performance = grader.performance!;
const named = (name: string) => hidden.find((test) => test.name === name)!;
const example = (n: number): IoTestCase => {
  const folder = path.join(import.meta.dirname, "../../exercises/cron/examples");
  return { name: `example ${n}`, visibility: "public", input: readFileSync(`${folder}/${n}.in`, "utf8"), expected: readFileSync(`${folder}/${n}.out`, "utf8") };
};

/** The runs the RUN queries of a test print. */
function windowRuns(test: IoTestCase): number {
  const workload = parseInput(test.input);
  const parsed = parseCrontab(workload.lines);
  return workload.queries.reduce((sum, q) => sum + (q.kind === "RUN" ? runWindow(parsed, q.start, q.end).length : 0), 0);
}

/** The test's expected output with one line replaced. */
function withLine(test: IoTestCase, find: (line: string) => boolean, replace: (line: string) => string): string {
  const lines = test.expected!.split("\n");
  const at = lines.findIndex(find);
  expect(at, "the line to replace").toBeGreaterThanOrEqual(0);
  lines[at] = replace(lines[at]!);
  return lines.join("\n");
}

const message = (test: IoTestCase, output: string) => {
  const outcome = checkCron(test, output);
  expect(outcome.ok).toBe(false);
  return outcome.ok ? "" : outcome.message;
};

describe("cron's hidden tests", () => {
  it("are valid inputs within the stated limits, with answers that fit the output limit", { timeout: 120_000 }, () => {
    const limit = manifest.limits.outputKiB * 1024;
    for (const test of hidden) {
      expect(test.expected!.length, test.name).toBeLessThanOrEqual(limit);
      expect(windowRuns(test), test.name).toBeLessThanOrEqual(LIMITS.runs);
    }
    // Go's workloads are C's.
    for (const language of ["c", "python"] as const) {
      for (const test of performance.workloads(grader.seed, language)) {
        expect(expectedLines(parseInput(test.input)).join("\n").length, test.name).toBeLessThanOrEqual(limit);
        expect(windowRuns(test), test.name).toBeLessThanOrEqual(LIMITS.runs);
      }
    }
  });

  it("include the edge cases they are named for", () => {
    const all = hidden.map((test) => test.expected!).join("\n");
    // Every message, and NEXT on a line that is not a job.
    for (const error of ERRORS) expect(all).toContain(`: ${error}\n`);
    expect(all).toContain(": no job\n");
    // The rule for days: a job whose two restricted day fields give runs on days matching one of them only.
    const rule = named("the rule for days").expected!;
    expect(rule).toContain("2027-02-05 00:00 Fri"); // friday-or-13th on a Friday that is not the 13th
    expect(rule).toMatch(/2027-02-01 00:00 Mon odd-and-monday\n/);
    expect(rule).not.toMatch(/2027-02-03 00:00 Wed odd-and-monday\n/);
    // Months and leap years: 2100 is skipped, 2400 is not, and the calendar ends.
    const calendar = named("months and leap years").expected!;
    expect(calendar).toContain("2104-02-29 00:00 Fri");
    expect(calendar).toContain("2400-02-29 00:00 Tue");
    expect(calendar).toContain("9999-12-31 23:59 Fri");
    expect(calendar).toContain("no more runs");
    // Windows: an empty one, and one whose end is a run (left out).
    const windows = named("the ends of windows").expected!;
    expect(windows).toContain("runs: 0");
    // 300 jobs at midnight, in the order of their lines.
    const same = named("jobs due at the same minute")
      .expected!.split("\n")
      .filter((line) => line.startsWith("2026-12-05 00:00"));
    const numbers = same.map((line) => Number(/job-(\d+)$/.exec(line)![1]));
    expect(numbers.length).toBe(300);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it("are the same for every language, and performance workloads sized per language", () => {
    expect(grader.hiddenTests(grader.seed, "python").map((t) => t.input)).toEqual(hidden.map((t) => t.input));
    const sizes = (language: "c" | "python") => performance.workloads(grader.seed, language).map((t) => t.input.length);
    expect(sizes("python")[0]).toBeLessThan(sizes("c")[0]!);
  });
});

describe("cron's checker", () => {
  it("accepts the expected output, trailing blanks and a missing last newline too", () => {
    for (const test of [example(1), named("the rule for days")]) {
      expect(checkCron(test, test.expected!)).toEqual({ ok: true });
      expect(checkCron(test, `${test.expected!.trimEnd().split("\n").join("  \n")}`)).toEqual({ ok: true });
    }
  });

  it("explains a missed error, and a wrong field named", () => {
    const test = example(1);
    expect(message(test, test.expected!.replace("line 8: bad minute\n", ""))).toContain(
      'line 8, `60 0 * * *      echo "minute 60"`, is a bad minute: 60 is not within 0-59',
    );
    expect(message(test, test.expected!.replace("line 9: bad day-of-week", "line 9: bad hour"))).toContain("the range fri-sun runs backwards");
  });

  it("explains the rule for days, both ways", () => {
    const test = example(1);
    // Missing the Friday run of `30 4 1,15 * 5`: both fields restricted, either is enough.
    const or = message(test, test.expected!.replace("2026-12-11 04:30 Fri\n", ""));
    expect(or).toContain("both day fields are restricted, so a day matching either is enough");
    // A run on an odd day that is not a Monday for `0 0 */2 * mon`.
    const and = message(
      test,
      withLine(
        test,
        (line) => line === "2026-12-07 00:00 Mon",
        () => "2026-12-05 00:00 Sat",
      ),
    );
    expect(and).toContain("day-of-month `*/2` begins with *, so a day must match both");
  });

  it("explains runs past the calendar, the window's ends and the order of a minute", () => {
    const three = example(3);
    expect(message(three, three.expected!.replace("9996-02-29 00:00 Thu\nno more runs", "9996-02-29 00:00 Thu\n10000-02-29 00:00 Tue"))).toContain(
      "before the calendar ends",
    );
    const two = example(2);
    expect(message(two, two.expected!.replace("runs: 7", "2026-11-01 23:20 Sun sweep\nruns: 8"))).toContain("the window ends before 2026-11-01 23:20");
    expect(
      message(two, two.expected!.replace("Sun rotate-logs\n2026-11-01 00:00 Sun backup --full", "Sun backup --full\n2026-11-01 00:00 Sun rotate-logs")),
    ).toContain("in the order of their lines");
  });

  it("names the query on a hidden test, and the driver's message when it stopped", () => {
    const test = named("the ends of windows");
    const lines = test.expected!.split("\n");
    expect(message(test, lines.slice(0, 3).join("\n"))).toMatch(/ends early on a hidden test .*query 1 \(RUN 2026-12-04 12:00 2026-12-04 13:00\)/);
    expect(message(test, "invalid answer: a run of job 1 outside the window\n")).toContain("The driver stopped on a hidden test");
  });

  it("compares a performance workload with the reference's output", () => {
    const [workload] = performance.workloads(grader.seed, "python");
    const expected = expectedLines(parseInput(workload!.input)).join("\n");
    const test = { ...workload!, expected };
    expect(checkAgainstReference(test, expected)).toEqual({ ok: true });
    const outcome = checkAgainstReference(test, expected.replace(/\n[^\n]*$/, "\n1970-01-01 00:00 Thu"));
    expect(outcome.ok).toBe(false);
  }, 60_000);
});

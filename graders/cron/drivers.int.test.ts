// The drivers' promises, in the real sandbox and in every language: answers the driver can see are
// wrong are named (each way, in the same words where the languages allow), what earlier lines and
// queries printed comes first, and malformed input is refused before anything runs, in the same
// words everywhere. One misbehaving user file per language: every job runs daily at 00:00, and the
// command of the job on line 2 names the mistake to make; otherwise it answers the scenario rightly.
import path from "node:path";
import { describe, it } from "vitest";
import type { Language } from "@/contracts/languages";
import { type DriverCases, expectDriverOutputs } from "@/graders/core/test/driver-outputs";
import { formatMinute } from "@/graders/cron/crontab";
import { at } from "@/graders/cron/generate";
import { readManifest } from "@/lib/exercises/load-exercise";
import { runLimitsFor } from "@/sandbox/limits";

const MISBEHAVING: Record<Language, string> = {
  c: `#include <stdlib.h>
#include <string.h>
#include "cron.h"

struct cron_job {
    int misbehaves;
};

static char mode[32];

static int is(const char *name) {
    return strcmp(mode, name) == 0;
}

enum cron_error cron_parse(const char *line, struct cron_job **job, int *command) {
    if (strncmp(line, "60 ", 3) == 0) return CRON_BAD_MINUTE;
    int length = (int)strlen(line), at = length;
    while (line[at - 1] != ' ') at--;
    *job = calloc(1, sizeof **job);
    *command = at;
    if (strcmp(line + at, "other") == 0) return CRON_OK;
    (*job)->misbehaves = 1;
    strncpy(mode, line + at, sizeof mode - 1);
    if (is("error-unknown")) return (enum cron_error)42;
    if (is("command-empty")) *command = length;
    if (is("command-whole-line")) *command = 0;
    if (is("command-blank")) *command = at - 1;
    if (is("command-not-suffix")) *command = -1;
    return CRON_OK;
}

int cron_next(const struct cron_job *job, long long after, int count, long long *runs) {
    int got = 0;
    for (long long day = after / 1440 + 1; got < count && day * 1440 < CRON_END_OF_CALENDAR; day++) runs[got++] = day * 1440;
    if (!job->misbehaves) return got;
    if (is("next-too-many")) runs[got] = runs[got - 1] + 1440, got++;
    if (is("next-negative")) got = -1;
    if (is("next-not-increasing")) runs[1] = runs[0];
    if (is("next-not-after")) runs[0] = after;
    if (is("next-past-calendar")) runs[1] = CRON_END_OF_CALENDAR;
    return got;
}

void cron_run(struct cron_job *const *jobs, int n, long long start, long long end, void (*emit)(long long minute, int job)) {
    (void)jobs;
    if (is("run-too-many") && end - start > 14400) {
        for (long long minute = start; minute < end; minute++) emit(minute, 1);
        return;
    }
    if (is("run-before-window")) emit(start - 1, 0);
    if (is("run-not-a-job")) emit(start, n);
    if (is("run-minus-one")) emit(start, -1);
    if (is("run-out-of-order")) emit(start, 1), emit(start, 0);
    if (is("run-twice")) emit(start, 0), emit(start, 0);
    if (is("run-back-in-time")) emit(start + 1440, 0), emit(start, 0);
    for (long long day = (start + 1439) / 1440; day * 1440 < end; day++)
        for (int i = 0; i < n; i++) emit(day * 1440, i);
    if (is("run-at-end")) emit(end, 0);
}
`,
  cpp: "",
  go: `package main

import "strings"

type Job struct{ misbehaves bool }

var mode string

func Parse(line string) (*Job, string, string) {
	if strings.HasPrefix(line, "60 ") {
		return nil, "", "bad minute"
	}
	command := line[strings.LastIndexByte(line, ' ')+1:]
	if command == "other" {
		return &Job{}, command, ""
	}
	mode = command
	job := &Job{misbehaves: true}
	switch mode {
	case "error-unknown":
		return nil, "", "bad field"
	case "command-empty":
		return job, "", ""
	case "command-whole-line":
		return job, line, ""
	case "command-blank":
		return job, " " + command, ""
	case "command-not-suffix":
		return job, "elsewhere", ""
	}
	return job, command, ""
}

func (j *Job) Next(after int64, count int) []int64 {
	var runs []int64
	for day := after/1440 + 1; len(runs) < count && day*1440 < EndOfCalendar; day++ {
		runs = append(runs, day*1440)
	}
	if !j.misbehaves {
		return runs
	}
	switch mode {
	case "next-too-many":
		runs = append(runs, runs[len(runs)-1]+1440)
	case "next-not-increasing":
		runs[1] = runs[0]
	case "next-not-after":
		runs[0] = after
	case "next-past-calendar":
		runs[1] = EndOfCalendar
	}
	return runs
}

func Run(jobs []*Job, start, end int64, emit func(minute int64, job int)) {
	switch mode {
	case "run-too-many":
		if end-start > 14400 {
			for minute := start; minute < end; minute++ {
				emit(minute, 1)
			}
			return
		}
	case "run-before-window":
		emit(start-1, 0)
	case "run-not-a-job":
		emit(start, len(jobs))
	case "run-minus-one":
		emit(start, -1)
	case "run-out-of-order":
		emit(start, 1)
		emit(start, 0)
	case "run-twice":
		emit(start, 0)
		emit(start, 0)
	case "run-back-in-time":
		emit(start+1440, 0)
		emit(start, 0)
	}
	for day := (start + 1439) / 1440; day*1440 < end; day++ {
		for i := range jobs {
			emit(day*1440, i)
		}
	}
	if mode == "run-at-end" {
		emit(end, 0)
	}
}
`,
  python: `from main import END_OF_CALENDAR

mode = ""


class Job:
    def __init__(self, misbehaves):
        self.misbehaves = misbehaves


def parse(line):
    global mode
    if line.startswith("60 "):
        return "bad minute"
    command = line.rsplit(" ", 1)[1]
    if command == "other":
        return Job(False), command
    mode = command
    job = Job(True)
    return {
        "error-unknown": "bad field",
        "command-empty": (job, ""),
        "command-whole-line": (job, line),
        "command-blank": (job, " " + command),
        "command-not-suffix": (job, "elsewhere"),
        "command-not-str": (job, 7),
        "parse-not-a-pair": [job, command],
    }.get(mode, (job, command))


def next_runs(job, after, count):
    first = after // 1440 + 1
    runs = [day * 1440 for day in range(first, first + count) if day * 1440 < END_OF_CALENDAR]
    if not job.misbehaves:
        return runs
    if mode == "next-too-many":
        runs.append(runs[-1] + 1440)
    elif mode == "next-not-increasing":
        runs[1] = runs[0]
    elif mode == "next-not-after":
        runs[0] = after
    elif mode == "next-past-calendar":
        runs[1] = END_OF_CALENDAR
    elif mode == "next-not-a-list":
        return None
    elif mode == "next-not-int":
        runs[0] = float(runs[0])
    return runs


def run(jobs, start, end):
    if mode == "run-too-many" and end - start > 14400:
        for minute in range(start, end):
            yield minute, 1
        return
    yield from {
        "run-before-window": [(start - 1, 0)],
        "run-not-a-job": [(start, len(jobs))],
        "run-minus-one": [(start, -1)],
        "run-out-of-order": [(start, 1), (start, 0)],
        "run-twice": [(start, 0), (start, 0)],
        "run-back-in-time": [(start + 1440, 0), (start, 0)],
        "run-not-pairs": [start],
        "run-job-not-int": [(start, "0")],
        "run-minute-not-int": [(float(start), 0)],
    }.get(mode, [])
    for day in range((start + 1439) // 1440, (end + 1439) // 1440):
        for i in range(len(jobs)):
            yield day * 1440, i
    if mode == "run-at-end":
        yield end, 0
`,
};

/** Line 1 is bad; line 2's command is the mode; NEXT on the other job, on line 1 (no job), on line 2; then a window. */
const QUERIES = ["NEXT 3 2 2026-12-04 15:25", "NEXT 1 1 2026-12-04 15:25", "NEXT 2 2 2026-12-04 15:25", "RUN 2026-12-05 00:00 2026-12-07 00:00"];
const scenario = (mode: string, queries = QUERIES, third = "0 0 * * * other") =>
  `3\n60 0 * * * x\n0 0 * * * ${mode}\n${third}\n${queries.length}\n${queries.join("\n")}\n`;

/** The whole right output of the scenario: the bad line's error, then each query's lines. */
const right = (mode: string) => [
  "line 1: bad minute",
  "2026-12-05 00:00 Sat",
  "2026-12-06 00:00 Sun",
  "line 1: no job",
  "2026-12-05 00:00 Sat",
  "2026-12-06 00:00 Sun",
  `2026-12-05 00:00 Sat ${mode}`,
  "2026-12-05 00:00 Sat other",
  `2026-12-06 00:00 Sun ${mode}`,
  "2026-12-06 00:00 Sun other",
  "runs: 4",
];
/** The lines before the query on line 2's job (query 3), and before the window's runs (query 4). */
const beforeNext = right("").slice(0, 4);
const beforeRun = right("").slice(0, 6);
const COMMAND = "invalid answer: line 2: the command must be the end of the line after the fields (not empty, not beginning with a blank); parse returned";
const ORDER = "runs come in order of time, then of index";

/** 500,000 runs in all: 4 in the first window, then every minute of 2026 for job 1 until the limit. */
const tooMany = (): [string, string[]] => {
  const runs = Array.from({ length: 500_000 - 4 }, (_, i) => `${formatMinute(at(2026, 1, 1) + i)} other`);
  return [
    scenario("run-too-many", [...QUERIES, "RUN 2026-01-01 00:00 2027-01-01 00:00"]),
    [...right("run-too-many"), ...runs, "invalid answer: query 5: run reported more than 500000 runs in all the RUN queries, more than an input may ask for"],
  ];
};

const TIME = "a time must be YYYY-MM-DD HH:MM, from 1970-01-01 00:00 to 9999-12-31 23:59";
const SHAPE = "must be NEXT line count YYYY-MM-DD HH:MM or RUN YYYY-MM-DD HH:MM YYYY-MM-DD HH:MM";
const withQuery = (query: string) => scenario("error-unknown", [...QUERIES, query]);

/** Each input, and the whole output the driver must print for it, in every language. */
const CASES: DriverCases = [
  [scenario("right"), right("right")],
  ["0\n1\nRUN 2026-12-05 00:00 2026-12-07 00:00\n", ["runs: 0"]],
  [scenario("next-too-many"), [...beforeNext, "invalid answer: query 3: next returned 3 runs for a count of 2"]],
  [scenario("next-not-increasing"), [...beforeNext, "invalid answer: query 3: run 2 (2026-12-05 00:00) is not after run 1 (2026-12-05 00:00)"]],
  [scenario("next-not-after"), [...beforeNext, "invalid answer: query 3: run 1 (2026-12-04 15:25) is not after 2026-12-04 15:25"]],
  [scenario("next-past-calendar"), [...beforeNext, "invalid answer: query 3: run 2 (minute 4223371680) is past the end of the calendar"]],
  [scenario("run-before-window"), [...beforeRun, "invalid answer: query 4: run reported a run at 2026-12-04 23:59, outside the window"]],
  [scenario("run-at-end"), [...right("run-at-end").slice(0, -1), "invalid answer: query 4: run reported a run at 2026-12-07 00:00, outside the window"]],
  [
    scenario("run-out-of-order"),
    [...beforeRun, "2026-12-05 00:00 Sat other", `invalid answer: query 4: run reported job 0 at 2026-12-05 00:00 after job 1 at 2026-12-05 00:00: ${ORDER}`],
  ],
  [
    scenario("run-twice"),
    [
      ...beforeRun,
      "2026-12-05 00:00 Sat run-twice",
      `invalid answer: query 4: run reported job 0 at 2026-12-05 00:00 after job 0 at 2026-12-05 00:00: ${ORDER}`,
    ],
  ],
  [
    scenario("run-back-in-time"),
    [
      ...beforeRun,
      "2026-12-06 00:00 Sun run-back-in-time",
      `invalid answer: query 4: run reported job 0 at 2026-12-05 00:00 after job 0 at 2026-12-06 00:00: ${ORDER}`,
    ],
  ],
  [scenario("run-not-a-job"), [...beforeRun, "invalid answer: query 4: run reported job 2, which is not the index of a job (there are 2)"]],
  [scenario("run-minus-one"), [...beforeRun, "invalid answer: query 4: run reported job -1, which is not the index of a job (there are 2)"]],
  tooMany(),
  // Malformed input: refused before anything runs (line 1's error, the first queries and the user
  // file's mistake print nothing).
  [withQuery("NEXT 2 2 2026-12-04"), [`invalid input: query 5 ${SHAPE}`]],
  [withQuery("next 2 2 2026-12-04 15:25"), [`invalid input: query 5 ${SHAPE}`]],
  [withQuery("RUN 2026-12-05 00:00 2026-12-07 00:00 00:00"), [`invalid input: query 5 ${SHAPE}`]],
  [withQuery("NEXT 4 2 2026-12-04 15:25"), ["invalid input: query 5: the line must be 1 to 3"]],
  [withQuery("NEXT 0 2 2026-12-04 15:25"), ["invalid input: query 5: the line must be 1 to 3"]],
  [withQuery("NEXT 2 1001 2026-12-04 15:25"), ["invalid input: query 5: the count must be 1 to 1000"]],
  [withQuery("NEXT 2 0 2026-12-04 15:25"), ["invalid input: query 5: the count must be 1 to 1000"]],
  [withQuery("NEXT 2 2 2027-02-29 00:00"), [`invalid input: query 5: ${TIME}`]],
  [withQuery("RUN 1969-12-31 23:59 2026-01-01 00:00"), [`invalid input: query 5: ${TIME}`]],
  [withQuery("RUN 2026-01-01 00:00 2026-01-01 24:00"), [`invalid input: query 5: ${TIME}`]],
  [withQuery("RUN 2026-12-07 00:00 2026-12-05 00:00"), ["invalid input: query 5: a window must not end before it starts"]],
  ["0\n2\nRUN 2026-12-05 00:00 2026-12-07 00:00\nNEXT 1 1 2026-12-04 15:25\n", ["invalid input: query 2: NEXT needs a line, and the crontab has none"]],
  [scenario("error-unknown", QUERIES, `0 0 * * * ${"x".repeat(991)}`), ["invalid input: crontab line 3 is longer than 1000 characters"]],
  // A line is as long as the grader counts it, in UTF-16 units: 600 é are 1,200 bytes.
  [scenario("error-unknown", QUERIES, `0 0 * * * ${"é".repeat(600)}`), ["invalid input: crontab line 3 has a character that is not printable ASCII or a tab"]],
  [scenario("error-unknown", QUERIES, "0 0 * * * \x7f"), ["invalid input: crontab line 3 has a character that is not printable ASCII or a tab"]],
  [scenario("error-unknown").replace("\n4\n", "\n2001\n"), ["invalid input: the number of queries must be 0 to 2000"]],
  [scenario("error-unknown").replace("\n4\n", "\n4 queries\n"), ["invalid input: the number of queries must be 0 to 2000"]],
  [scenario("error-unknown").replace("\n4\n", "\n3\n"), ["invalid input: there is more input after the last query"]],
  [scenario("error-unknown").replace("\n4\n", "\n5\n"), ["invalid input: the input ends before query 5"]],
  ["3\n60 0 * * * x\n0 0 * * * error-unknown\n", ["invalid input: the input ends before crontab line 3"]],
  ["3\n60 0 * * * x\n0 0 * * * error-unknown\n0 0 * * * other\n", ["invalid input: the input ends before the number of queries"]],
  ["2001\n", ["invalid input: the number of crontab lines must be 0 to 2000"]],
  ["", ["invalid input: the input ends before the number of lines"]],
];

/** The mistakes only a language can make, or that it reports in its own terms (an enum, an offset). */
const OWN_CASES: Record<"c" | "go" | "python", DriverCases> = {
  c: [
    [scenario("error-unknown"), ["line 1: bad minute", "invalid answer: line 2: parse returned the error 42, which is not one of the statement's"]],
    [scenario("command-empty"), ["line 1: bad minute", `${COMMAND} offset 23`]],
    [scenario("command-whole-line"), ["line 1: bad minute", `${COMMAND} offset 0`]],
    [scenario("command-blank"), ["line 1: bad minute", `${COMMAND} offset 9`]],
    [scenario("command-not-suffix"), ["line 1: bad minute", `${COMMAND} offset -1`]],
    [scenario("next-negative"), [...beforeNext, "invalid answer: query 3: next returned -1 runs for a count of 2"]],
  ],
  go: [
    [scenario("error-unknown"), ["line 1: bad minute", `invalid answer: line 2: parse returned the error "bad field", which is not one of the statement's`]],
    [scenario("command-empty"), ["line 1: bad minute", `${COMMAND} ""`]],
    [scenario("command-whole-line"), ["line 1: bad minute", `${COMMAND} "0 0 * * * command-whole-line"`]],
    [scenario("command-blank"), ["line 1: bad minute", `${COMMAND} " command-blank"`]],
    [scenario("command-not-suffix"), ["line 1: bad minute", `${COMMAND} "elsewhere"`]],
  ],
  python: [
    [scenario("error-unknown"), ["line 1: bad minute", `invalid answer: line 2: parse returned the error "bad field", which is not one of the statement's`]],
    [scenario("command-empty"), ["line 1: bad minute", `${COMMAND} ""`]],
    [scenario("command-whole-line"), ["line 1: bad minute", `${COMMAND} "0 0 * * * command-whole-line"`]],
    [scenario("command-blank"), ["line 1: bad minute", `${COMMAND} " command-blank"`]],
    [scenario("command-not-suffix"), ["line 1: bad minute", `${COMMAND} "elsewhere"`]],
    [scenario("command-not-str"), ["line 1: bad minute", `${COMMAND} int`]],
    [scenario("parse-not-a-pair"), ["line 1: bad minute", "invalid answer: line 2: parse must return (job, command) or an error message, not list"]],
    [scenario("next-not-a-list"), [...beforeNext, "invalid answer: query 3: next_runs must return a list of minutes, not NoneType"]],
    [scenario("next-not-int"), [...beforeNext, "invalid answer: query 3: run 1 is 29940480.0, not a minute (an int)"]],
    [scenario("run-not-pairs"), [...beforeRun, "invalid answer: query 4: run must yield (minute, index) pairs, not 29940480"]],
    [scenario("run-job-not-int"), [...beforeRun, "invalid answer: query 4: run reported job '0', which is not the index of a job (there are 2)"]],
    [scenario("run-minute-not-int"), [...beforeRun, "invalid answer: query 4: run reported the minute 29940480.0, not an int"]],
  ],
};

describe("the cron drivers", () => {
  it.each(["c", "go", "python"] as const)(
    "in %s name every answer they can see is wrong, after what came before, and refuse malformed input",
    async (language) => {
      const edit = { c: "cron.c", go: "cron.go", python: "cron.py" }[language];
      // The exercise's limits: the case of 500,000 runs prints some 14 MB.
      const { limits } = await readManifest(path.join("exercises", "cron"));
      await expectDriverOutputs("cron", language, { name: edit, content: MISBEHAVING[language] }, [...CASES, ...OWN_CASES[language]], runLimitsFor(limits));
    },
  );
});

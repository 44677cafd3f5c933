import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { IoTestCase } from "@/graders/core/types";
import { checkAgainstReference, checkDetector } from "@/graders/deadlock-detection/checker";
import grader from "@/graders/deadlock-detection/grader";
import { chains } from "@/graders/deadlock-detection/generate";
import { expectedLines, formatInput, parseInput, ResourceSystem, type Workload } from "@/graders/deadlock-detection/system";

const manifest = parse(readFileSync(path.join(import.meta.dirname, "../../exercises/deadlock-detection/exercise.yaml"), "utf8")) as {
  limits: { outputKiB: number };
};
const hidden = grader.hiddenTests(grader.seed, "c");
const performance = grader.performance!;
const named = (name: string) => hidden.find((test) => test.name === name)!;

/** The system after each event of a test, and the event's line. */
function* replay(workload: Workload) {
  const system = new ResourceSystem(workload.n, workload.total);
  for (const event of workload.events) {
    const before = { waiting: system.waiting.map((w) => w !== null), queued: event.kind === "REQUEST" ? system.queue(event.type).length : 0 };
    const line = system.apply(event);
    yield { event, line, system, before };
  }
}

describe("deadlock-detection's hidden tests", () => {
  it("are valid inputs within the stated limits, with answers that fit the output limit", () => {
    const limit = manifest.limits.outputKiB * 1024;
    for (const test of hidden) expect(test.expected!.length, test.name).toBeLessThanOrEqual(limit);
    // Go's workloads are C's.
    for (const language of ["c", "python"] as const) {
      const [, ...streams] = performance.workloads(grader.seed, language);
      for (const test of streams) expect(expectedLines(parseInput(test.input)).join("\n").length, test.name).toBeLessThanOrEqual(limit);
      // Chains: every detection reports the two processes of the cycle (the last test below), so a line per event of at most 20 characters.
      for (const test of [performance.growth!.small(grader.seed, language), performance.growth!.large(grader.seed, language)])
        expect(parseInput(test.input).events.length * 20, test.name).toBeLessThanOrEqual(limit);
    }
  }, 60_000);

  it("growth is the same chains at n and 4n processes, with as many detections", { timeout: 30_000 }, () => {
    for (const language of ["c", "python"] as const) {
      const small = parseInput(performance.growth!.small(grader.seed, language).input);
      const large = parseInput(performance.growth!.large(grader.seed, language).input);
      expect(large.n).toBe(4 * small.n);
      const detections = (w: Workload) => w.events.filter((e) => e.kind === "DETECT").length;
      expect(detections(large)).toBe(detections(small));
    }
  });

  it("include the edge cases they are named for", () => {
    const lines = (name: string) => [...replay(parseInput(named(name).input))];
    // A waiting process that holds nothing is reported, and another one is not.
    const nothing = lines("waiting while holding nothing");
    const reportedHoldingNothing = nothing.some(
      ({ line, system }) =>
        line.startsWith("DEADLOCK") &&
        line
          .split(" ")
          .slice(1)
          .map(Number)
          .some((p) => system.held[p]!.every((h) => h === 0)),
    );
    expect(reportedHoldingNothing).toBe(true);
    // Requests granted while older ones for the same type wait.
    expect(lines("granted while others wait").some(({ event, line, before }) => event.kind === "REQUEST" && line === "GRANT" && before.queued > 0)).toBe(true);
    // A release that wakes a younger request past an older one that does not fit.
    const skips = lines("a queue that skips");
    expect(skips.some(({ event, line, system }) => event.kind === "RELEASE" && line.startsWith("OK ") && system.queue(event.type).length > 0)).toBe(true);
    // An exit of a waiting process, and the number back as a process that requests.
    const exits = lines("exits while waiting");
    const exitedWaiting = exits.findIndex(({ event, before }) => event.kind === "EXIT" && before.waiting[event.process]);
    expect(exitedWaiting).toBeGreaterThanOrEqual(0);
    const exited = exits[exitedWaiting]!.event as { process: number };
    expect(exits.slice(exitedWaiting + 1).some(({ event }) => event.kind === "REQUEST" && event.process === exited.process)).toBe(true);
    // An exit that wakes processes waiting on more than one type.
    const wakes = lines("an exit gives back several types").find(({ event }) => event.kind === "EXIT")!;
    expect(wakes.line.split(" ").length - 1).toBeGreaterThanOrEqual(3);
    // 10^9 instances: an amount past 2^29.
    expect(parseInput(named("10^9 instances").input).events.some((e) => e.kind === "REQUEST" && e.amount > 2 ** 29)).toBe(true);
    // Random streams deadlock and recover.
    for (const name of ["random, single instances", "random, small", "random, medium", "2,000 processes", "a long stream"]) {
      const answers = named(name).expected!.split("\n");
      expect(answers.filter((a) => a.startsWith("DEADLOCK")).length, name).toBeGreaterThan(5);
      expect(answers.filter((a) => a === "NONE").length, name).toBeGreaterThan(5);
      expect(answers.filter((a) => /^OK \d/.test(a)).length, name).toBeGreaterThan(50);
    }
  }, 30_000);

  it("chains unlock one process at a time, against the order of the process numbers", () => {
    const workload = parseInput(named("chains of 300").input);
    const system = new ResourceSystem(workload.n, workload.total);
    for (const event of workload.events.slice(
      0,
      workload.events.findIndex((e) => e.kind === "DETECT"),
    ))
      system.apply(event);
    // A sweep in process order: count the passes until nothing more finishes.
    const work = system.total.map((t, r) => t - system.held.reduce((sum, row, p) => sum + (system.waiting[p] ? row[r]! : 0), 0));
    const pending = system.waiting.flatMap((w, p) => (w ? [p] : []));
    let passes = 0;
    for (let progress = true; progress; passes++) {
      progress = false;
      for (const p of pending.slice()) {
        const { type, amount } = system.waiting[p]!;
        if (amount > work[type]!) continue;
        pending.splice(pending.indexOf(p), 1);
        system.held[p]!.forEach((h, r) => {
          work[r]! += h;
        });
        progress = true;
      }
    }
    expect(passes).toBeGreaterThanOrEqual(300);
    expect(pending.length).toBe(2);
    // Every detection reports the two processes of the cycle beside the chains, and nothing else.
    const answers = expectedLines(chains(43, 2, 20)).filter((line) => line.startsWith("DEADLOCK") || line === "NONE");
    expect(new Set(answers)).toEqual(new Set(["DEADLOCK 40 41"]));
  });
});

const publicTest = (input: string): IoTestCase => ({
  name: "example",
  visibility: "public",
  input,
  expected: `${expectedLines(parseInput(input)).join("\n")}\n`,
});
const example = (k: number) => publicTest(readFileSync(`exercises/deadlock-detection/examples/${k}.in`, "utf8"));
const withLine = (test: IoTestCase, index: number, line: string) => {
  const lines = test.expected!.trimEnd().split("\n");
  lines[index] = line;
  return `${lines.join("\n")}\n`;
};
const failure = (test: IoTestCase, output: string) => {
  const outcome = checkDetector(test, output);
  expect(outcome.ok).toBe(false);
  return (outcome as { message: string }).message;
};

describe("the checker explains a wrong line in the statement's terms", () => {
  it("accepts the right output, and lists in any spacing", () => {
    const test = example(1);
    expect(checkDetector(test, test.expected!)).toEqual({ ok: true });
    expect(checkDetector(test, test.expected!.replace("DEADLOCK 0 1 2 3", "DEADLOCK  0 1 2 3  "))).toEqual({ ok: true });
  });

  it("a request: granted at once although others wait, or waiting for want of instances", () => {
    const third = example(3);
    expect(failure(third, withLine(third, 2, "WAIT"))).toBe(
      'Line 3, "REQUEST 2 0 1": expected "GRANT", got "WAIT": process 2 asks for 1 of type 0 and 1 are free, so it is granted at once, even though 1 other request for type 0 wait (a request that fits does not queue).',
    );
    expect(failure(third, withLine(third, 1, "GRANT"))).toMatch(/process 1 asks for 3 of type 0 and only 1 are free, so it waits/);
    expect(failure(third, withLine(third, 1, "YES"))).toMatch(/answer GRANT or WAIT/);
  });

  it("a release or exit: who is woken, oldest first, skipping what does not fit", () => {
    const second = example(2);
    // RELEASE 1 0 1: process 3 behind process 2 (who wants two) is woken.
    expect(failure(second, withLine(second, 13, "OK"))).toMatch(/process 1 gives back 1 of type 0, and process 3's waiting request \(1 of type 0\) then fits/);
    expect(failure(second, withLine(second, 13, "OK 2 3"))).toMatch(/process 2's request \(2 of type 0\) does not fit .* one that does not fit is skipped/);
    const first = example(1);
    // EXIT 1: process 1's own waiting request is withdrawn, not granted.
    expect(failure(first, withLine(first, 9, "OK 0 1"))).toMatch(/process 1 exits: its own waiting request leaves the queue/);
    expect(failure(first, withLine(first, 9, "OK 0 0"))).toMatch(/list each once, in increasing order/);
    expect(failure(first, withLine(first, 9, "OK 3"))).toMatch(/process 0's waiting request \(1 of type 1\)/);
    expect(failure(first, withLine(first, 9, "DONE"))).toMatch(/answer OK followed by the processes this woke/);
  });

  it("a detection: who is deadlocked and why, the convention for processes that hold nothing included", () => {
    const first = example(1);
    expect(failure(first, withLine(first, 8, "DEADLOCK 0 1 2"))).toMatch(
      /process 3 is deadlocked: it waits for 1 of type 0, and even once every process that can finish has finished, only 0 of type 0 would be free\. It holds nothing, but it is reported all the same/,
    );
    expect(failure(first, withLine(first, 5, "DEADLOCK 0"))).toMatch(
      /process 0 is not deadlocked: it waits for 1 of type 1, which fits once the processes that can finish do/,
    );
    expect(failure(first, withLine(first, 13, "DEADLOCK 2"))).toMatch(/process 2 is not waiting, so it is not deadlocked/);
    expect(failure(first, withLine(first, 5, "DEADLOCK"))).toMatch(/answer DEADLOCK followed by the deadlocked processes, or NONE/);
  });

  it("hidden tests name the event, not the input; short and long output, and the driver's own message", () => {
    const test = { ...named("a queue that skips") };
    const lines = test.expected!.trimEnd().split("\n");
    expect(failure(test, `${lines.slice(0, 6).join("\n")}\nOK 2\n`)).toMatch(
      /^Wrong answer on a hidden test \(an old request that does not fit, younger ones that do: 8 processes, 1 resource type, 14 events\), event 7 \(a release by process 0\): process 0 gives back 6 of type 0, and process 4's waiting request/,
    );
    expect(failure(test, lines.slice(0, 3).join("\n"))).toMatch(
      /Your output ends early on a hidden test .*event 4 \(a request by process 3\) has no answer line/,
    );
    expect(failure(test, `${lines.slice(0, 3).join("\n")}\ninvalid answer: process 9 was not waiting\n`)).toMatch(
      /the driver stopped: invalid answer: process 9 was not waiting/,
    );
    expect(failure(test, `${test.expected}OK\n`)).toMatch(/Your output goes on too long on a hidden test .* line 15 is "OK"/);
  });

  it("a performance workload is compared with the reference's answer line by line", () => {
    const workload = chains(43, 2, 20);
    const reference = `${expectedLines(workload).join("\n")}\n`;
    const test: IoTestCase = { name: "performance", visibility: "hidden", input: formatInput(workload), expected: reference };
    expect(checkAgainstReference(test, reference)).toEqual({ ok: true });
    const wrong = reference.replace(/DEADLOCK [\d ]+/, "NONE");
    expect(checkAgainstReference(test, wrong)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/line [\d,]+ of your output is not what it should be: it differs from the reference's answer/),
    });
  }, 30_000);
});

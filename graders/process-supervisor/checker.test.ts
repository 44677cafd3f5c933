// The checker against outputs written out by hand: a right one for each rule, and each rule broken
// once, as a supervisor that breaks it would print.
import { describe, expect, it } from "vitest";
import { checkSupervisor, parseSpec } from "@/graders/process-supervisor/checker";

const T0 = 1_796_434_000_000;
const at = (ms: number) => `@${T0 + ms}`;

/** backoff 100 800, grace 300: a crasher restarted after 100 and 200 ms, then a stop at 500 ms. */
const CRASH_SPEC = parseSpec("backoff 100 800\ngrace 300\nchild crash on-failure x\nchild stop never y\n")!;
const CRASH = [
  "start crash 10",
  "start stop 11",
  `${at(5)} crash up 10`,
  `${at(6)} crash down 10 status 1`,
  "exit crash 10 status 1",
  "start crash 12",
  `${at(110)} crash up 12`,
  `${at(111)} crash down 12 status 1`,
  "exit crash 12 status 1",
  "start crash 13",
  `${at(315)} crash up 13`,
  `${at(316)} crash down 13 status 1`,
  "exit crash 13 status 1",
  `${at(500)} stop sends 11 TERM`,
  "term",
  "exit stop 11 signal 15",
  "done",
];

/** grace 300: a web server that stops on SIGTERM, a stubborn child alive every 10 ms until killed. */
const STOP_SPEC = parseSpec("backoff 100 800\ngrace 300\nchild web always x\nchild mule always y\nchild tree always z\nchild stop never w\n")!;
const STOP = [
  "start web 20",
  "start mule 21",
  "start tree 22",
  "start stop 23",
  `${at(2)} web up 20`,
  `${at(3)} mule up 21`,
  `${at(4)} tree up 22`,
  `${at(4)} tree-g up 22`,
  `${at(100)} stop sends 23 TERM`,
  "term",
  `${at(101)} mule ignores-term 21`,
  `${at(101)} web term 20`,
  `${at(102)} tree-g term 22`,
  `${at(102)} tree term 22`,
  "exit stop 23 signal 15",
  "exit web 20 status 0",
  "exit tree 22 status 0",
  ...Array.from({ length: 30 }, (_, i) => `${at(110 + i * 10)} mule alive 21`),
  "kill mule 21",
  "exit mule 21 signal 9",
  "done",
];

const check = (spec: typeof CRASH_SPEC, lines: string[], strict = true) => checkSupervisor(spec, `${lines.join("\n")}\n`, strict);
const without = (lines: string[], line: string) => {
  expect(lines).toContain(line);
  return lines.filter((l) => l !== line);
};
const replaced = (lines: string[], from: string, to: string) => {
  expect(lines).toContain(from);
  return lines.map((l) => (l === from ? to : l));
};

describe("process-supervisor checker", () => {
  it("accepts right outputs", () => {
    expect(check(CRASH_SPEC, CRASH)).toEqual({ ok: true });
    expect(check(STOP_SPEC, STOP)).toEqual({ ok: true });
  });

  it("wants every line in its form, done last, and the children started first, in order", () => {
    expect(check(CRASH_SPEC, [...CRASH.slice(0, -1), "done.", "done"])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/neither one of your lines/),
    });
    expect(check(CRASH_SPEC, CRASH.slice(0, -1))).toMatchObject({ ok: false, message: expect.stringMatching(/no done line/) });
    expect(check(CRASH_SPEC, ["start stop 11", "start crash 10", ...CRASH.slice(2)])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/in the spec's order/),
    });
    expect(check(CRASH_SPEC, [...CRASH, `${at(900)} crash up 14`])).toMatchObject({ ok: false, message: expect.stringMatching(/came after done/) });
  });

  it("matches pids and endings with what the children say", () => {
    expect(check(CRASH_SPEC, replaced(CRASH, "start crash 12", "start crash 99"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/crash was not running as pid 12 \(it was pid 99\)/),
    });
    expect(check(CRASH_SPEC, replaced(CRASH, "exit crash 12 status 1", "exit crash 12 status 0"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/ended with status 1, but your exit line says status 0/),
    });
    expect(check(CRASH_SPEC, without(CRASH, "exit crash 13 status 1"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/done while crash \(pid 13\) had no exit line/),
    });
  });

  it("names a pid a child reports that was never started", () => {
    const unknown = replaced(CRASH, `${at(110)} crash up 12`, `${at(110)} crash up 77`);
    expect(check(CRASH_SPEC, unknown)).toMatchObject({ ok: false, message: expect.stringMatching(/printed no start crash 77/) });
    expect(check(CRASH_SPEC, without(CRASH, "term"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/sent you SIGTERM \(or SIGINT\), and you never printed term/),
    });
  });

  it("holds restarts to the policy and the backoff, timed by the children", () => {
    const restartedEarly = replaced(CRASH, `${at(315)} crash up 13`, `${at(150)} crash up 13`);
    expect(check(CRASH_SPEC, restartedEarly)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/restart came 39 ms after it ended; the backoff was 200 ms/),
    });
    const restartedLate = replaced(CRASH, `${at(315)} crash up 13`, `${at(700)} crash up 13`);
    expect(check(CRASH_SPEC, restartedLate)).toMatchObject({ ok: false, message: expect.stringMatching(/the backoff was 200 ms/) });
    const never = parseSpec("backoff 100 800\ngrace 300\nchild crash never x\nchild stop never y\n")!;
    expect(check(never, CRASH)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/crash \(policy never\) was restarted after it ended with status 1/),
    });
    // The third run ends at 316 ms; its restart is due at 716, after the stop (500): none owed.
    expect(check(CRASH_SPEC, CRASH)).toEqual({ ok: true });
    const stopLate = replaced(CRASH, `${at(500)} stop sends 11 TERM`, `${at(1200)} stop sends 11 TERM`);
    expect(check(CRASH_SPEC, stopLate)).toMatchObject({ ok: false, message: expect.stringMatching(/ended with status 1 and was never restarted/) });
  });

  it("resets the backoff after a run of a second or more", () => {
    const steady = [
      "start crash 10",
      "start stop 11",
      `${at(0)} crash up 10`,
      `${at(1500)} crash down 10 status 1`,
      "exit crash 10 status 1",
      "start crash 12",
      `${at(1600)} crash up 12`,
      `${at(1601)} crash down 12 status 1`,
      "exit crash 12 status 1",
      "start crash 13",
      `${at(1801)} crash up 13`,
      `${at(1802)} crash down 13 status 1`,
      "exit crash 13 status 1",
      `${at(1900)} stop sends 11 TERM`,
      "term",
      "exit stop 11 signal 15",
      "done",
    ];
    expect(check(CRASH_SPEC, steady)).toEqual({ ok: true });
    // A first restart after a long run waits the initial delay, not twice it.
    const notReset = [
      ...CRASH.slice(0, 10),
      `${at(315)} crash up 13`,
      `${at(1500)} crash down 13 status 1`,
      "exit crash 13 status 1",
      "start crash 14",
      `${at(1900)} crash up 14`,
      `${at(1901)} crash down 14 status 1`,
      "exit crash 14 status 1",
      `${at(1950)} stop sends 11 TERM`,
      "term",
      "exit stop 11 signal 15",
      "done",
    ];
    expect(check(CRASH_SPEC, notReset)).toMatchObject({ ok: false, message: expect.stringMatching(/came 400 ms after it ended; the backoff was 100 ms/) });
  });

  it("wants lines at once: an exit before the next run's own lines", () => {
    const late = [...CRASH.slice(0, 4), "start crash 12", `${at(110)} crash up 12`, "exit crash 10 status 1", ...CRASH.slice(7)];
    expect(check(CRASH_SPEC, late)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/crash started again while its run as pid 10 had not ended/),
    });
    const heldBack = [...CRASH.slice(0, 4), `${at(110)} crash up 12`, "exit crash 10 status 1", "start crash 12", ...CRASH.slice(7)];
    expect(check(CRASH_SPEC, heldBack)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/printed before your exit line for its run as pid 10: your lines came out late/),
    });
  });

  it("holds stopping to the rules: nothing started after term, SIGTERM to every group, SIGKILL after the grace period only", () => {
    expect(check(STOP_SPEC, [...STOP.slice(0, -1), "start web 30", "done"])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/web started after term/),
    });
    expect(check(STOP_SPEC, without(STOP, `${at(102)} tree-g term 22`))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/tree's own child never got SIGTERM/),
    });
    const webKilled = [
      ...without(without(STOP, `${at(101)} web term 20`), "exit web 20 status 0").slice(0, -3),
      "kill web 20",
      "exit web 20 signal 9",
      ...STOP.slice(-3),
    ];
    expect(check(STOP_SPEC, webKilled)).toMatchObject({ ok: false, message: expect.stringMatching(/web \(pid 20\) was running at term and ended by SIGKILL/) });
    expect(check(STOP_SPEC, webKilled, false)).toEqual({ ok: true });
    const neverKilled = replaced(without(STOP, "kill mule 21"), "exit mule 21 signal 9", "exit mule 21 signal 15");
    expect(check(STOP_SPEC, neverKilled)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/mule \(pid 21\) ignores SIGTERM: grace_ms \(300 ms\) after the SIGTERM, print kill mule 21/),
    });
    const killedEarly = STOP.filter((line) => !line.includes("mule alive") || Number(line.slice(1, 14)) - T0 < 200);
    expect(check(STOP_SPEC, killedEarly)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/was last alive 89 ms later; SIGKILL is due grace_ms \(300 ms\)/),
    });
    expect(check(STOP_SPEC, without(STOP, "term"))).toMatchObject({ ok: false, message: expect.stringMatching(/kill before term/) });
  });

  it("reads the probes: zombies that stay, CPU while idle", () => {
    const spec = parseSpec("backoff 100 800\ngrace 300\nchild probe never x\n")!;
    const probe = (what: string) => ["start probe 5", `${at(600)} probe ${what}`, "exit probe 5 status 0", "done"];
    expect(check(spec, probe("zombies 5 0"))).toEqual({ ok: true });
    expect(check(spec, probe("zombies 5 3"))).toMatchObject({ ok: false, message: expect.stringMatching(/^3 of your children stayed zombies/) });
    expect(check(spec, probe("cpu 5 10 4 12 6"))).toEqual({ ok: true });
    expect(check(spec, probe("descriptors 5 0 1 2 3"))).toEqual({ ok: true });
    expect(check(spec, probe("descriptors 5 0 1 2 3 4 7"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/had descriptors 4, 7 open besides 0, 1 and 2/),
    });
    expect(check(spec, probe("cpu 5 10 4 90 30"))).toMatchObject({ ok: false, message: expect.stringMatching(/used 1060 ms of CPU in a second/) });
  });
});

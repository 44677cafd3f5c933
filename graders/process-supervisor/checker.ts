// The checker: reads the supervisor's lines (start, exit, term, kill, done) and the children's own
// lines (`@<ms> <name> <what> <pid> …`, commands.ts) together, and holds them to the statement's
// rules: every run started, reported and reaped as it really ended, restarted exactly when its
// policy says and after the backoff the rules give (timed by the children's own clocks), nothing
// started after term, SIGTERM reaching every process group, the stubborn killed after the grace
// period, done last; and what the probes saw (zombies, CPU while idle). What a command does at
// SIGTERM shows in its lines (it says term, or ignores-term, or neither and dies of it); a Run on the
// user's own spec, whose commands may ignore SIGTERM silently, is spared the last rule.
import type { CheckOutcome, Checker, IoTestCase } from "@/graders/core/types";

export type Policy = "always" | "on-failure" | "never";

export interface Spec {
  backoffInitialMs: number;
  backoffMaxMs: number;
  graceMs: number;
  children: { name: string; policy: Policy; command: string }[];
}

/** A run lasting this long resets the backoff; runs this close to it may count either way. */
const STEADY_MS = 1000;
const STEADY_MARGIN_MS = 100;
/** A restart or a kill may come this early or late against the rules' time. */
const EARLY_MS = 20;
const LATE_MS = 250;
/** The most CPU a supervisor may use over the CPU probe's idle second. */
const IDLE_CPU_MS = 250;
const TICK_MS = 10;
/** How often a stubborn child says it is alive (commands.ts), with the time its date takes. */
const ALIVE_PERIOD_MS = 25;

export function parseSpec(input: string): Spec | undefined {
  const spec: Spec = { backoffInitialMs: 0, backoffMaxMs: 0, graceMs: 0, children: [] };
  for (const line of input.split("\n")) {
    let match: RegExpMatchArray | null;
    if ((match = line.match(/^backoff (\d+) (\d+)$/))) [spec.backoffInitialMs, spec.backoffMaxMs] = [Number(match[1]), Number(match[2])];
    else if ((match = line.match(/^grace (\d+)$/))) spec.graceMs = Number(match[1]);
    else if ((match = line.match(/^child ([a-z0-9-]{1,16}) (always|on-failure|never) (.+)$/)))
      spec.children.push({ name: match[1]!, policy: match[2] as Policy, command: match[3]! });
  }
  return spec.children.length > 0 && spec.backoffInitialMs > 0 && spec.graceMs > 0 ? spec : undefined;
}

interface ChildLine {
  index: number;
  time: number;
  name: string;
  what: string;
  pid: number;
  rest: string[];
}

interface Run {
  name: string;
  pid: number;
  start: number;
  exit?: number;
  status?: number;
  signal?: number;
  kill?: number;
  lines: ChildLine[];
}

const fail = (message: string): CheckOutcome => ({ ok: false, message });

function ended(run: Run): string {
  return run.signal !== undefined ? `signal ${run.signal}` : `status ${run.status}`;
}

function restartsAfter(policy: Policy, run: Run): boolean {
  return policy === "always" || (policy === "on-failure" && (run.signal !== undefined || run.status !== 0));
}

/**
 * `strict`: the commands are the tests' own (commands.ts), which end on SIGTERM unless they say they
 * ignore it; a Run on the user's own spec may have commands that ignore it silently.
 */
export function checkSupervisor(spec: Spec, output: string, strict: boolean): CheckOutcome {
  const lines = output.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const names = new Set(spec.children.map((child) => child.name));
  const runs: Run[] = [];
  const open = new Map<string, Run>();
  const byPid = new Map<number, Run>();
  const childLines: ChildLine[] = [];
  let term: number | undefined;
  let done: number | undefined;
  let supervisorLines = 0;

  for (const [index, line] of lines.entries()) {
    const at = `line ${index + 1} ("${line.length > 80 ? `${line.slice(0, 80)}…` : line}")`;
    const child = line.match(/^@(\d+) ([a-z0-9-]+) ([a-z-]+) (\d+)((?: \S+)*)$/);
    if (child) {
      const [name, what] = [child[2]!, child[3]!];
      if (!names.has(name) && !names.has(name.replace(/-g$/, ""))) return fail(`${at} names no child of the spec.`);
      childLines.push({ index, time: Number(child[1]), name, what, pid: Number(child[4]), rest: child[5]!.trim().split(" ").filter(Boolean) });
      if (done !== undefined) return fail(`${at} came after done: a child was still running when you said done.`);
      continue;
    }
    if (done !== undefined) return fail(`${at} came after done, which must be your last line.`);
    const event = line.match(/^(start|kill) ([a-z0-9-]+) (\d+)$|^exit ([a-z0-9-]+) (\d+) (status|signal) (\d+)$|^(term|done)$/);
    if (!event)
      return fail(`${at} is neither one of your lines (start, exit, term, kill, done, as the statement writes them) nor a child's (they start with @).`);
    supervisorLines++;
    if (event[8] === "term") {
      if (term !== undefined) return fail(`${at}: term again; say it once, at the first SIGTERM or SIGINT.`);
      term = index;
      continue;
    }
    if (event[8] === "done") {
      const running = [...open.values()];
      if (running.length > 0)
        return fail(
          `${at}: done while ${running.map((run) => `${run.name} (pid ${run.pid})`).join(", ")} had no exit line: wait until every child has ended and been reaped.`,
        );
      done = index;
      continue;
    }
    const kind = event[1] ?? "exit";
    const name = event[2] ?? event[4]!;
    const pid = Number(event[3] ?? event[5]);
    if (!names.has(name)) return fail(`${at} names no child of the spec.`);
    const run = open.get(name);
    if (kind === "start") {
      if (term !== undefined) return fail(`${at}: ${name} started after term; once stopping, start nothing.`);
      if (run) return fail(`${at}: ${name} started again while its run as pid ${run.pid} had not ended (no exit line for it).`);
      if (supervisorLines <= spec.children.length && spec.children[supervisorLines - 1]!.name !== name)
        return fail(`${at}: at the start, start every child once, in the spec's order (${spec.children.map((c) => c.name).join(", ")}), before anything else.`);
      const started: Run = { name, pid, start: index, lines: [] };
      runs.push(started);
      open.set(name, started);
      byPid.set(pid, started);
    } else if (kind === "exit") {
      if (!run || run.pid !== pid) return fail(`${at}: ${name} was not running as pid ${pid}${run ? ` (it was pid ${run.pid})` : ""}.`);
      run.exit = index;
      if (event[6] === "status") run.status = Number(event[7]);
      else run.signal = Number(event[7]);
      open.delete(name);
    } else {
      if (!run || run.pid !== pid) return fail(`${at}: ${name} was not running as pid ${pid}.`);
      if (term === undefined) return fail(`${at}: kill before term; SIGKILL is for children still running grace_ms after the SIGTERM.`);
      run.kill = index;
    }
  }
  if (done === undefined) return fail("There is no done line: when no child runs and none will restart (or after stopping), print done and return 0.");
  if (supervisorLines < spec.children.length) return fail("At the start, start every child once, in the spec's order.");

  // The children's own lines, matched to the runs by pid.
  for (const line of childLines) {
    if (line.name.endsWith("-g") && !names.has(line.name)) continue; // a grandchild: its $$ is its parent's
    const run = byPid.get(line.pid);
    if (!run || run.name !== line.name)
      return fail(`${line.name} says it ran as pid ${line.pid} ("${line.what}"), but you printed no start ${line.name} ${line.pid}.`);
    run.lines.push(line);
    if (run.exit !== undefined && line.index > run.exit)
      return fail(`${run.name} (pid ${run.pid}) printed a line after your exit line for it: an exit is printed once the child has ended and been reaped.`);
    if (line.what === "down") {
      const [how, number] = line.rest;
      const said = `${how} ${number}`;
      if (ended(run) !== said) return fail(`${run.name} (pid ${run.pid}) ended with ${said}, but your exit line says ${ended(run)}.`);
    }
  }

  const termTime = childLines.find((line) => line.what === "sends")?.time;
  for (const child of spec.children) {
    const own = runs.filter((run) => run.name === child.name);
    let inARow = 0;
    for (const [k, run] of own.entries()) {
      const next = own[k + 1];
      const endedBeforeTerm = term === undefined || run.exit! < term;
      if (!endedBeforeTerm) continue;
      if (!restartsAfter(child.policy, run)) {
        if (next) return fail(`${child.name} (policy ${child.policy}) was restarted after it ended with ${ended(run)}.`);
        continue;
      }
      const up = run.lines.find((line) => line.what === "up")?.time;
      const down = run.lines.find((line) => line.what === "down")?.time;
      const length = up !== undefined && down !== undefined ? down - up : undefined;
      // The rules' delay: reset by a steady run; a run within the margin of a second may count either way.
      const steady = length !== undefined && length >= STEADY_MS + STEADY_MARGIN_MS;
      const nearSteady = length !== undefined && Math.abs(length - STEADY_MS) < STEADY_MARGIN_MS;
      const rows = nearSteady ? [0, inARow] : [steady ? 0 : inARow];
      const delayAfter = (row: number) => Math.min(spec.backoffInitialMs * 2 ** row, spec.backoffMaxMs);
      const delays = rows.map(delayAfter);
      inARow = rows[rows.length - 1]! + 1;
      if (!next) {
        if (down !== undefined && termTime !== undefined && termTime < down + Math.max(...delays) + LATE_MS) continue;
        if (down === undefined && term !== undefined) continue;
        return fail(`${child.name} (policy ${child.policy}) ended with ${ended(run)} and was never restarted.`);
      }
      if (next.start < run.exit!) return fail(`${child.name} was restarted before its exit line.`);
      // You print the exit, then start the next run: its own lines can only come after.
      if (next.lines.length > 0 && next.lines[0]!.index < run.exit!)
        return fail(
          `${child.name}'s run as pid ${next.pid} printed before your exit line for its run as pid ${run.pid}: your lines came out late. Print each line whole and at once (flush it: standard output is a pipe, so stdio holds it back).`,
        );
      const nextUp = next.lines.find((line) => line.what === "up")?.time;
      if (down === undefined || nextUp === undefined) continue;
      const gap = nextUp - down;
      const fits = rows.find((row) => gap >= delayAfter(row) - EARLY_MS && gap <= delayAfter(row) + LATE_MS);
      if (fits === undefined)
        return fail(
          `${child.name}'s restart came ${gap} ms after it ended; the backoff was ${delays.join(" or ")} ms (its restart number ${k + 1}${length !== undefined ? `, after a run of ${length} ms` : ""}; initial ${spec.backoffInitialMs}, doubling, at most ${spec.backoffMaxMs}, back to the initial after a run of a second or more).`,
        );
      inARow = fits + 1;
    }
  }

  // Stopping: who was running at the term line, and how each ended.
  if (term !== undefined) {
    // Running at term: started before it, and neither reaped nor about to end (its own down line) by then.
    const stopped = runs.filter((run) => run.start < term! && run.exit! > term! && !run.lines.some((line) => line.what === "down" && line.index < term!));
    for (const line of childLines.filter((line) => line.what === "up" && line.name.endsWith("-g"))) {
      const parent = line.name.slice(0, -2);
      if (stopped.some((run) => run.name === parent) && !childLines.some((other) => other.name === line.name && other.what === "term"))
        return fail(
          `${parent}'s own child never got SIGTERM: send it to the child's process group (kill(-pid, SIGTERM)), which the child leads (setpgid), so that what it started stops too.`,
        );
    }
    for (const run of stopped) {
      const said = (what: string) => run.lines.find((line) => line.what === what);
      const ignored = said("ignores-term");
      if (said("term") && ended(run) !== "status 0" && run.signal !== 9)
        return fail(`${run.name} (pid ${run.pid}) got SIGTERM and exits 0 on it, but your exit line says ${ended(run)}.`);
      if (ignored) {
        if (run.kill === undefined || run.signal !== 9)
          return fail(
            `${run.name} (pid ${run.pid}) ignores SIGTERM: grace_ms (${spec.graceMs} ms) after the SIGTERM, print kill ${run.name} ${run.pid} and send SIGKILL to its process group.`,
          );
        if (run.kill > run.exit!) return fail(`kill ${run.name} ${run.pid} came after its exit line.`);
        const alive = run.lines.filter((line) => line.what === "alive").map((line) => line.time);
        const last = Math.max(...alive, ignored.time);
        const due = ignored.time + spec.graceMs;
        if (alive.length > 0 && (last < due - EARLY_MS - ALIVE_PERIOD_MS || last > due + LATE_MS))
          return fail(
            `${run.name} got SIGTERM and was last alive ${last - ignored.time} ms later; SIGKILL is due grace_ms (${spec.graceMs} ms) after the SIGTERM.`,
          );
      } else if (strict && run.signal === 9)
        return fail(
          `${run.name} (pid ${run.pid}) was running at term and ended by SIGKILL (signal 9), though it ends on SIGTERM${said("term") ? "" : ", and it never said it got SIGTERM"}: send SIGTERM to every running child's process group first (a child must not start with it blocked: a signal mask survives exec), and SIGKILL only to those still running grace_ms later.`,
        );
      else if (strict && !said("term") && run.signal !== 15 && run.status === undefined)
        return fail(`${run.name} (pid ${run.pid}) was running at term and ended with ${ended(run)}, not by SIGTERM (15).`);
    }
  } else if (termTime !== undefined) return fail("A child sent you SIGTERM (or SIGINT), and you never printed term.");

  for (const line of childLines) {
    if (line.what === "descriptors") {
      const leaked = line.rest.filter((fd) => !["0", "1", "2", "3"].includes(fd));
      if (leaked.length > 0)
        return fail(
          `A program your child started had descriptor${leaked.length > 1 ? "s" : ""} ${leaked.join(", ")} open besides 0, 1 and 2 (3 is the listing's own): yours, inherited. Make them close on exec (SFD_CLOEXEC, pipe2 with O_CLOEXEC, O_CLOEXEC) or close them in the child before exec.`,
        );
    }
    if (line.what === "zombies" && line.rest[0] !== "0")
      return fail(
        `${line.rest[0]} of your children stayed zombies for 150 ms (a probe read /proc twice): reap every child that ended, in a loop (several SIGCHLDs merge into one).`,
      );
    if (line.what === "cpu") {
      const [a, b, c, d] = line.rest.map(Number) as [number, number, number, number];
      const used = (c + d - a - b) * TICK_MS;
      if (used > IDLE_CPU_MS)
        return fail(
          `Your supervisor used ${used} ms of CPU in a second in which nothing happened: sleep until a signal or the next timer (sigsuspend, poll on a signalfd), don't poll waitpid.`,
        );
    }
  }
  return { ok: true };
}

export const check: Checker = (test: IoTestCase, output: string) => {
  const spec = parseSpec(test.input);
  if (!spec) return output.startsWith("invalid spec:") ? { ok: true } : fail("The spec is invalid, so the driver should have refused it.");
  if (output.startsWith("invalid spec:")) return fail(`The driver refused the spec: ${output.split("\n")[0]}`);
  return checkSupervisor(spec, output, !test.ownInput);
};

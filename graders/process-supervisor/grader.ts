// process-supervisor: the tests' specs start children whose commands (commands.ts) report on the same
// output what they do, with their own pid and clock: started, about to exit with a status or a
// signal, got SIGTERM, still alive; a stopper child sends the supervisor SIGTERM (or SIGINT), and
// probes read /proc for zombies and for the supervisor's CPU time while nothing happens. The checker
// (checker.ts) holds the supervisor's lines to the statement's rules against them. No CPU-time
// judging against the reference: a supervisor's work is its children's; polling shows in the CPU
// probe, and a supervisor that misses a timer in a restart's or a kill's timing window.
import { check } from "@/graders/process-supervisor/checker";
import {
  countRuns,
  cpuProbe,
  descriptorProbe,
  exits,
  killsItself,
  say,
  stopsOnTerm,
  stopsSupervisor,
  stubborn,
  withGrandchild,
  zombieProbe,
} from "@/graders/process-supervisor/commands";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";

interface Child {
  name: string;
  policy: "always" | "on-failure" | "never";
  command: string;
}

function test(name: string, description: string, backoff: [number, number], graceMs: number, children: Child[]): IoTestCase {
  const input = [`backoff ${backoff[0]} ${backoff[1]}`, `grace ${graceMs}`, ...children.map((c) => `child ${c.name} ${c.policy} ${c.command}`)].join("\n");
  // No expected output to compare with (pids and times vary): the checker reads the rules into it.
  return { name, visibility: "hidden", description, input: `${input}\n`, expected: "" };
}

const child = (name: string, policy: Child["policy"], command: string): Child => ({ name, policy, command });

export default defineIoGrader({
  realTime: true,
  sourceRules: {
    c: [
      {
        names: ["system", "popen"],
        why: "they run the command and wait for it for you; start children with fork and execl, and learn of their end from SIGCHLD.",
      },
    ],
  },
  hiddenTests: () => [
    test("every policy", "always, on-failure and never, after exits with 0 and not, and a signal", [100, 800], 300, [
      child("again", "always", exits("again", 0)),
      child("ok", "on-failure", exits("ok", 0)),
      child("fails", "on-failure", exits("fails", 7, 0.1)),
      child("shot", "on-failure", killsItself("shot", 9)),
      child("once", "never", exits("once", 5)),
      child("fds", "never", descriptorProbe("fds")),
      child("stop", "never", stopsSupervisor("stop", 1.2)),
    ]),
    test("backoff doubles up to its maximum", "restarts after 20, 40, 80, 80… ms", [20, 80], 300, [
      child("crash", "on-failure", exits("crash", 1)),
      child("stop", "never", stopsSupervisor("stop", 0.8)),
    ]),
    test("a steady run resets the backoff", "two quick crashes, a run of 1.3 s, then quick crashes again", [100, 1600], 300, [
      child(
        "flaky",
        "on-failure",
        `${countRuns("flaky")}; ${say("flaky", "up")}; if [ $n = 3 ]; then sleep 1.3; fi; ${say("flaky", "down", "status 2")}; exit 2`,
      ),
      child("stop", "never", stopsSupervisor("stop", 2.6)),
    ]),
    // A supervisor that sleeps until one child's restart reaps the other up to 400 ms late.
    test("restarts keep time for every child", "two children crashing on different clocks, each restarted on time", [400, 400], 300, [
      child("fast", "on-failure", exits("fast", 1)),
      child("slow", "on-failure", exits("slow", 3, 0.1)),
      child("stop", "never", stopsSupervisor("stop", 1.5)),
    ]),
    test("SIGTERM reaches every process group", "children with children of their own, and children that die of SIGTERM", [100, 800], 1000, [
      child("tree", "always", withGrandchild("tree")),
      child("web", "always", stopsOnTerm("web")),
      child("plain", "always", `${say("plain", "up")}; sleep 30`),
      child("stop", "never", stopsSupervisor("stop", 0.4)),
    ]),
    test("the stubborn are killed after the grace period", "two children ignore SIGTERM, one stops on it", [100, 800], 500, [
      child("mule", "always", stubborn("mule")),
      child("web", "always", stopsOnTerm("web")),
      child("goat", "on-failure", stubborn("goat")),
      child("stop", "never", stopsSupervisor("stop", 0.3)),
    ]),
    test("SIGINT stops too", "SIGINT instead of SIGTERM", [100, 800], 300, [
      child("web", "always", stopsOnTerm("web")),
      child("stop", "never", stopsSupervisor("stop", 0.3, "INT")),
    ]),
    // The freezer stops the supervisor while the 30 end, so that their SIGCHLDs merge into one.
    test("thirty children end at once", "30 children end while the supervisor is stopped; a probe counts zombies", [100, 800], 300, [
      ...Array.from({ length: 30 }, (_, i) => child(`c${i + 1}`, "never", exits(`c${i + 1}`, i + 1, 0.3))),
      child("freezer", "never", "sleep 0.2; kill -STOP $PPID; sleep 0.3; kill -CONT $PPID"),
      child("probe", "never", zombieProbe("probe", 0.8)),
    ]),
    test("no polling while children sleep", "a probe reads the supervisor's CPU time over a second in which nothing happens", [100, 800], 300, [
      child("sleeper", "always", `${say("sleeper", "up")}; sleep 30`),
      child("probe", "never", cpuProbe("probe", 0.3)),
      child("stop", "never", stopsSupervisor("stop", 1.8)),
    ]),
  ],
  check,
});

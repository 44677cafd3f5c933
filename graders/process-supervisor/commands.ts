// The tests' children: lines of shell, run by the supervisor under /bin/sh -c, that say what they do
// on the same standard output, each line `@<ms> <name> <what> <pid> …` with the child's own clock
// (`date +%s%3N`) and pid (`$$`). The checker (checker.ts) reads the supervisor's lines against them.

/**
 * A line the child prints: `@<ms> <name> <what> <its pid> [rest]`. date prints it whole, time and
 * all, in one write: a SIGTERM to the child's group can kill date before the line, never in it.
 */
export function say(name: string, what: string, rest = ""): string {
  return `date "+@%s%3N ${name} ${what} $$${rest ? ` ${rest}` : ""}"`;
}

/** Which run of this child this is, 1 for the first, in $n (a counter file per supervisor and child). */
export function countRuns(name: string): string {
  const file = `/tmp/osprep-run-$PPID-${name}`;
  return `n=$(( $(cat ${file} 2>/dev/null || echo 0) + 1 )); echo $n > ${file}`;
}

/** Says it is up, then exits with `status` after `seconds`. */
export function exits(name: string, status: number, seconds = 0): string {
  return `${say(name, "up")}; ${seconds ? `sleep ${seconds}; ` : ""}${say(name, "down", `status ${status}`)}; exit ${status}`;
}

/** Says it is up, then kills itself with `signal` after `seconds`. */
export function killsItself(name: string, signal: number, seconds = 0): string {
  return `${say(name, "up")}; ${seconds ? `sleep ${seconds}; ` : ""}${say(name, "down", `signal ${signal}`)}; kill -${signal} $$`;
}

/** Says it is up, runs until SIGTERM, says so and exits 0. */
export function stopsOnTerm(name: string): string {
  return `trap '${say(name, "term")}; exit 0' TERM; ${say(name, "up")}; sleep 30 & wait`;
}

/** Says it is up, and runs until killed: it handles SIGTERM by saying so and going on, and says it is alive every 10 ms or so. */
export function stubborn(name: string): string {
  return `trap '${say(name, "ignores-term")}' TERM; ${say(name, "up")}; while :; do ${say(name, "alive")}; sleep 0.01; done`;
}

/** Like stopsOnTerm, with a child of its own in its process group, which says when SIGTERM reaches it; it waits for that child before it exits. */
export function withGrandchild(name: string): string {
  const grandchild = `(trap '${say(`${name}-g`, "term")}; exit 0' TERM; ${say(`${name}-g`, "up")}; sleep 30 & wait) &`;
  return `${grandchild} trap '${say(name, "term")}; wait; exit 0' TERM; ${say(name, "up")}; wait`;
}

/** Sends the supervisor `signal` after `seconds`, saying so, then waits to be stopped with the rest. */
export function stopsSupervisor(name: string, seconds: number, signal: "TERM" | "INT" = "TERM"): string {
  return `sleep ${seconds}; ${say(name, "sends", signal)}; kill -${signal} $PPID; sleep 30`;
}

/** After `seconds`, counts the zombies in the sandbox that stay zombies for 150 ms, and says how many. */
export function zombieProbe(name: string, seconds: number): string {
  const zombies = "$(grep -l '^State:.Z' /proc/[0-9]*/status 2>/dev/null)";
  return `sleep ${seconds}; a=${zombies}; sleep 0.15; b=${zombies}; n=$(printf '%s\\n%s\\n' "$a" "$b" | grep . | sort | uniq -d | wc -l); ${say(name, "zombies", "$n")}`;
}

/** After `seconds`, reads the supervisor's CPU time (utime and stime, in ticks) twice, a second apart. */
export function cpuProbe(name: string, seconds: number): string {
  const ticks = "$(cut -d' ' -f14,15 /proc/$PPID/stat)";
  return `sleep ${seconds}; a="${ticks}"; sleep 1; b="${ticks}"; ${say(name, "cpu", "$a $b")}`;
}

/** Lists the descriptors a program it starts has (ls's own 3 among them): what it inherited from the supervisor. */
export function descriptorProbe(name: string): string {
  return say(name, "descriptors", "$(ls /proc/self/fd | paste -sd ' ')");
}

// A process of this host named so that a later process given the same pid is not taken for it:
// "host:pid:start", the start being when the process started, in clock ticks since boot (field 22 of
// /proc/<pid>/stat). The reaper reads it from a container's owner label, the uid allocator from its
// lock files: a worker killed long ago whose pid now belongs to another process is gone all the same.
import { readFileSync } from "node:fs";
import { hostname } from "node:os";

/**
 * The fields of a /proc/<pid>/stat line after the command name, which may hold spaces and ')': the
 * fields follow the last ')'. Index 0 is field 3 (the state), index k field k + 3.
 */
export const statFieldsAfterCommand = (stat: string): string[] => stat.slice(stat.lastIndexOf(")") + 2).split(" ");

/** When process `pid` started (ticks since boot), or null when there is no such process. */
export function startTimeOf(pid: number): string | null {
  try {
    return statFieldsAfterCommand(readFileSync(`/proc/${pid}/stat`, "utf8"))[22 - 3] ?? null;
  } catch {
    return null;
  }
}

/** This process's identity (or `pid`'s): "host:pid:start". */
export function processIdentity(pid = process.pid): string {
  return `${hostname()}:${pid}:${startTimeOf(pid) ?? "?"}`;
}

/**
 * Whether `identity` ("host:pid:start", or "host:pid" as older labels have it) names a process of
 * this host that no longer runs: its pid is free, or held by a process that started at another time.
 * A process of another host is never called gone: only its own host can tell.
 */
export function processIsGone(identity: string | undefined, host = hostname()): boolean {
  const match = /^([^:]*):(\d+)(?::(\d+|\?))?$/.exec(identity ?? "");
  if (!match || match[1] !== host) return false;
  const started = startTimeOf(Number(match[2]));
  if (started === null) return true;
  return match[3] !== undefined && match[3] !== "?" && match[3] !== started;
}

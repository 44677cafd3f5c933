// What the host reads of a sandbox container's processes through /proc, without entering it: whether
// a container's init is alive, whether a run left scratch files, a server's processes and epolls.
import { readdir, readFile, readlink } from "node:fs/promises";
import type { ServerProcess } from "@/contracts/programs";
import { SCRATCH_DIRS } from "@/sandbox/docker/container-config";
import { statFieldsAfterCommand } from "@/sandbox/docker/process-identity";

/** The kernel's flag (include/linux/sched.h) on a task that has begun to exit. */
const PF_EXITING = 0x4;

/** Whether host process `pid` is alive: present, not exiting, neither a zombie nor dead. */
export async function processAlive(pid: number): Promise<boolean> {
  if (!pid) return false;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // After the command name: state, ppid, pgrp, session, tty, tpgid, flags.
    const [state = "", , , , , , flags = "0"] = statFieldsAfterCommand(stat);
    // A killed init stays "S" while it waits for the rest of its pid namespace to die; the kernel
    // marks it exiting from the start (PF_EXITING), before its processes are gone.
    return state !== "Z" && state !== "X" && (Number(flags) & PF_EXITING) === 0;
  } catch {
    return false;
  }
}

/**
 * The processes among `pids` (a container's, from its cgroup) that run as `uid` (the program's), with
 * their threads and open descriptors; with `epoll`, their epoll instances that watch a socket.
 */
export async function serverProcesses(pids: number[], uid: number, options: { epoll?: boolean } = {}): Promise<ServerProcess[]> {
  const found = await Promise.all(
    pids.map(async (pid) => {
      try {
        const status = await readFile(`/proc/${pid}/status`, "utf8");
        if (Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]) !== uid) return null;
        const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1]);
        const descriptors = await readdir(`/proc/${pid}/fd`);
        const server: ServerProcess = { pid, threads, openFiles: descriptors.length };
        if (options.epoll) server.epollInstances = await epollsWatchingSockets(pid, descriptors);
        return server;
      } catch {
        return null; // exited meanwhile
      }
    }),
  );
  return found.filter((process): process is ServerProcess => process !== null);
}

/**
 * How many of process `pid`'s epoll instances watch at least one of its sockets. An epoll
 * descriptor's fdinfo lists each watched file ("tfd: 5 events: 19 data: 0 pos:0 ino:61af sdev:8",
 * the inode in hex); a socket descriptor links to "socket:[<inode>]".
 */
async function epollsWatchingSockets(pid: number, descriptors: string[]): Promise<number> {
  const links = await Promise.all(descriptors.map(async (fd) => ({ fd, link: await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "") })));
  const sockets = new Set(links.flatMap(({ link }) => /^socket:\[(\d+)\]$/.exec(link)?.[1] ?? []));
  let watching = 0;
  for (const { fd, link } of links) {
    if (link !== "anon_inode:[eventpoll]") continue;
    const info = await readFile(`/proc/${pid}/fdinfo/${fd}`, "utf8").catch(() => "");
    const watched = [...info.matchAll(/^tfd:.*\bino:([0-9a-f]+)/gm)].map((match) => BigInt(`0x${match[1]}`).toString());
    if (watched.some((inode) => sockets.has(inode))) watching++;
  }
  return watching;
}

/**
 * Whether a run left nothing in the container's scratch directories, read from the host through
 * /proc/<pid>/root (listing only, never following what the program made). When the listing is not
 * possible, the answer is "not empty" and the session cleans up inside the container.
 */
export async function scratchLooksEmpty(pid: number): Promise<boolean> {
  if (!pid) return false;
  try {
    const listings = await Promise.all(SCRATCH_DIRS.map((dir) => readdir(`/proc/${pid}/root${dir}`)));
    return listings.every((entries) => entries.length === 0);
  } catch {
    return false;
  }
}

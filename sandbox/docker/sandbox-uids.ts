// Every sandbox container gets a uid pair of its own (the program's and the builder's), from a range
// that no host account uses: per-uid kernel limits (inotify instances, message-queue bytes, process
// counts) are then never shared between two concurrent jobs, and no host user can read or signal a
// submission. The range is cut into blocks; a runner process claims a block with a lock file on the
// host (several workers may share one Docker host) and hands out its pairs, each back once its
// container is gone.
import { execFile } from "node:child_process";
import { unlinkSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { processIdentity, processIsGone } from "@/sandbox/docker/process-identity";

export interface UidRange {
  first: number;
  last: number;
}

/** The program runs as `program`; a job container's build runs as `builder` (what it builds is read-only to the program). */
export interface SandboxUids {
  program: number;
  builder: number;
}

/**
 * The default range: 65,536 ids in 1879048192–2147352575, which systemd's conventions leave unused
 * (above the container ranges of systemd-nspawn, below the "foreign" range and 2^31).
 */
export const DEFAULT_UID_RANGE: UidRange = { first: 1_879_048_192, last: 1_879_113_727 };
/** Uids per block a runner claims at a time: 512 containers. */
export const BLOCK_SIZE = 1024;
const HIGHEST_UID = 2_147_483_646;

/** Parses "FIRST-LAST"; the error says what a valid range looks like. */
export function parseUidRange(text: string): UidRange {
  const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
  const first = Number(match?.[1]);
  const last = Number(match?.[2]);
  if (!match || first < 65_536 || last > HIGHEST_UID || last - first + 1 < BLOCK_SIZE) {
    throw new Error(
      `must be FIRST-LAST with 65536 ≤ FIRST, LAST ≤ ${HIGHEST_UID} and at least ${BLOCK_SIZE} ids (default ${DEFAULT_UID_RANGE.first}-${DEFAULT_UID_RANGE.last})`,
    );
  }
  return { first, last };
}

export interface HostIdUse {
  /** Where the id is used: "account alice (/etc/passwd)", "group docker", "subordinate ids of bob". */
  what: string;
  first: number;
  last: number;
}

/** Ids in use on the host, from passwd/group lines (`name:x:id:…`) and subuid/subgid lines (`name:start:count`). */
export function hostIdUses(sources: { passwd?: string; group?: string; subuid?: string; subgid?: string }): HostIdUse[] {
  const uses: HostIdUse[] = [];
  const lines = (text = "") => text.split("\n").filter((line) => line.trim() && !line.startsWith("#"));
  for (const [kind, text] of [
    ["account", sources.passwd],
    ["group", sources.group],
  ] as const) {
    for (const line of lines(text)) {
      const [name, , id] = line.split(":");
      if (id && /^\d+$/.test(id)) uses.push({ what: `${kind} ${name}`, first: Number(id), last: Number(id) });
    }
  }
  for (const [kind, text] of [
    ["subordinate uids", sources.subuid],
    ["subordinate gids", sources.subgid],
  ] as const) {
    for (const line of lines(text)) {
      const [name, start, count] = line.split(":");
      if (start && count && /^\d+$/.test(start) && /^\d+$/.test(count))
        uses.push({ what: `${kind} of ${name}`, first: Number(start), last: Number(start) + Number(count) - 1 });
    }
  }
  return uses;
}

/** The host's uses of ids inside `range`. */
export function conflictsWith(range: UidRange, uses: HostIdUse[]): HostIdUse[] {
  return uses.filter((use) => use.first <= range.last && use.last >= range.first);
}

const run = promisify(execFile);

/** This host's accounts and groups (through NSS where `getent` exists, so LDAP users count too) and subordinate id ranges. */
export async function readHostIdUses(): Promise<HostIdUse[]> {
  const database = async (name: "passwd" | "group") =>
    run("getent", [name], { maxBuffer: 64 * 1024 * 1024, timeout: 10_000 }).then(
      ({ stdout }) => stdout,
      () => readFile(`/etc/${name}`, "utf8").catch(() => ""),
    );
  const optional = (file: string) => readFile(file, "utf8").catch(() => "");
  const [passwd, group, subuid, subgid] = await Promise.all([database("passwd"), database("group"), optional("/etc/subuid"), optional("/etc/subgid")]);
  return hostIdUses({ passwd, group, subuid, subgid });
}

/** Refuses a range that a host account, group or subordinate id range uses, naming them. */
export async function assertRangeUnused(range: UidRange, variable = "SANDBOX_UID_RANGE"): Promise<void> {
  const conflicts = conflictsWith(range, await readHostIdUses());
  if (conflicts.length === 0) return;
  const named = conflicts.slice(0, 5).map((use) => (use.first === use.last ? `${use.what} (${use.first})` : `${use.what} (${use.first}–${use.last})`));
  throw new Error(
    `${variable} ${range.first}-${range.last} overlaps ids this host uses: ${named.join(", ")}${conflicts.length > 5 ? " …" : ""}. Choose a range no account, group or subordinate id range uses.`,
  );
}

/** The allocators not closed: their blocks go back when the process exits. */
const living = new Set<UidAllocator>();
process.once("exit", () => {
  for (const allocator of living) allocator.releaseAtExit();
});

/**
 * Hands out uid pairs from blocks of `range` this process holds. A block is held through a lock
 * file (`<lockDir>/<first uid of the block>`, holding its process's identity) put in place with link(2), which
 * fails when it exists; a lock whose process is gone is taken over. Released pairs are handed out
 * again; blocks are given back by close(), or when the process exits (a kill leaves them stale).
 */
export class UidAllocator {
  private readonly blocks: number[] = [];
  private readonly free: number[] = [];
  private readonly used = new Set<number>();
  private claiming: Promise<void> | null = null;

  constructor(
    readonly range: UidRange,
    private readonly lockDir = path.join(tmpdir(), "osprep-sandbox-uids"),
  ) {
    living.add(this);
  }

  /** Gives back the blocks' lock files at once (the process is ending). */
  releaseAtExit(): void {
    for (const block of this.blocks.splice(0)) {
      try {
        unlinkSync(this.lockFile(block));
      } catch {
        // already gone
      }
    }
  }

  /** A pair no other live container of any runner on this host has. */
  async allocate(): Promise<SandboxUids> {
    while (this.free.length === 0) {
      this.claiming ??= this.claimBlock().finally(() => (this.claiming = null));
      await this.claiming;
    }
    const program = this.free.shift()!;
    this.used.add(program);
    return { program, builder: program + 1 };
  }

  /** Gives a pair back (its container is gone). */
  release(uids: SandboxUids): void {
    if (this.used.delete(uids.program)) this.free.unshift(uids.program);
  }

  /** Uids handed out and not released. */
  get inUse(): number {
    return this.used.size;
  }

  /** Gives back every block (at shutdown, after the containers are gone). */
  async close(): Promise<void> {
    living.delete(this);
    const blocks = this.blocks.splice(0);
    this.free.length = 0;
    await Promise.all(blocks.map((block) => unlink(this.lockFile(block)).catch(() => undefined)));
  }

  private lockFile(block: number): string {
    return path.join(this.lockDir, String(block));
  }

  private async claimBlock(): Promise<void> {
    await mkdir(this.lockDir, { recursive: true, mode: 0o700 });
    for (let block = this.range.first; block + BLOCK_SIZE - 1 <= this.range.last; block += BLOCK_SIZE) {
      if (this.blocks.includes(block)) continue;
      if (!(await this.tryLock(block))) continue;
      this.blocks.push(block);
      for (let uid = block; uid < block + BLOCK_SIZE; uid += 2) this.free.push(uid);
      return;
    }
    throw new Error(
      `Every block of sandbox uids ${this.range.first}-${this.range.last} is held by a live process: widen SANDBOX_UID_RANGE or run fewer workers on this host.`,
    );
  }

  /**
   * Creates the block's lock file, taking it over from a process that is gone. The file appears
   * whole (written aside, then linked into place), so a claimant never reads it half-written; a
   * stale one is first renamed aside, so of two claimants that found it stale only one removes it.
   */
  private async tryLock(block: number): Promise<boolean> {
    const file = this.lockFile(block);
    const mine = `${processIdentity()}\n`;
    const aside = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
    await writeFile(aside, mine, { mode: 0o600 });
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          await link(aside, file);
          return true;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
        const seen = await readFile(file, "utf8").catch(() => null);
        if (seen === null) continue; // removed meanwhile: try again
        if (this.heldByLiveProcess(seen)) return false;
        // Stale: move it aside, then check that what moved is what was judged (not a new claimant's lock).
        const stale = `${aside}.stale`;
        if (
          !(await rename(file, stale).then(
            () => true,
            () => false,
          ))
        )
          continue;
        const moved = await readFile(stale, "utf8").catch(() => "");
        if (moved !== seen) {
          // Another claimant's fresh lock: put it back, and leave the block to it.
          await link(stale, file).catch(() => undefined);
          await unlink(stale).catch(() => undefined);
          return false;
        }
        await unlink(stale).catch(() => undefined);
      }
      return false;
    } finally {
      await unlink(aside).catch(() => undefined);
    }
  }

  /** Whether a lock's text (a process identity; "host pid" in older locks) names a live process of this host, this one included. */
  private heldByLiveProcess(text: string): boolean {
    const identity = text.trim().replace(" ", ":");
    return identity.startsWith(`${hostname()}:`) && !processIsGone(identity);
  }
}

const shared = new Map<string, UidAllocator>();

/** One allocator per range in this process, so the runners of a process share blocks. */
export function uidAllocatorFor(range: UidRange = DEFAULT_UID_RANGE): UidAllocator {
  const key = `${range.first}-${range.last}`;
  let allocator = shared.get(key);
  if (!allocator) shared.set(key, (allocator = new UidAllocator(range)));
  return allocator;
}

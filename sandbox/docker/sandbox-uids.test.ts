import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { processIdentity } from "@/sandbox/docker/process-identity";
import { assertRangeUnused, BLOCK_SIZE, conflictsWith, DEFAULT_UID_RANGE, hostIdUses, parseUidRange, UidAllocator } from "@/sandbox/docker/sandbox-uids";

const lockDir = () => mkdtempSync(path.join(tmpdir(), "uids-test-"));
const range = { first: 3_000_000, last: 3_000_000 + 2 * BLOCK_SIZE - 1 };

describe("the sandbox's uid range", () => {
  it("parses FIRST-LAST and refuses ranges that are too small, too low or too high", () => {
    expect(parseUidRange("1879048192-1879113727")).toEqual(DEFAULT_UID_RANGE);
    expect(parseUidRange(" 100000 - 200000 ")).toEqual({ first: 100_000, last: 200_000 });
    for (const bad of ["1000-60000", "100000-100010", "100000", "a-b", "100000-4294967295", "200000-100000"]) {
      expect(() => parseUidRange(bad), bad).toThrow(/FIRST-LAST/);
    }
  });

  it("finds the host's accounts, groups and subordinate ranges that overlap it", () => {
    const uses = hostIdUses({
      passwd: "root:x:0:0::/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\nsvc:x:3000001:3000001::/:/bin/false\n",
      group: "docker:x:999:\nodd:x:3000700:\n",
      subuid: "alice:100000:65536\nbob:2999990:20\n",
      subgid: "",
    });
    expect(conflictsWith(range, uses).map((use) => use.what)).toEqual(["account svc", "group odd", "subordinate uids of bob"]);
    expect(conflictsWith(DEFAULT_UID_RANGE, uses)).toEqual([]);
  });
});

describe("the start-up check against this host", () => {
  it("refuses a range this host's accounts use, naming them, and accepts the default one", async () => {
    await expect(assertRangeUnused({ first: 0, last: 70_000 })).rejects.toThrow(/SANDBOX_UID_RANGE 0-70000 overlaps ids this host uses: account root \(0\)/);
    await expect(assertRangeUnused(DEFAULT_UID_RANGE)).resolves.toBeUndefined();
  });
});

describe("UidAllocator", () => {
  it("hands out distinct pairs (program, builder = program + 1) and reuses released ones", async () => {
    const allocator = new UidAllocator(range, lockDir());
    const pairs = await Promise.all(Array.from({ length: 600 }, () => allocator.allocate()));
    const all = pairs.flatMap((pair) => [pair.program, pair.builder]);
    expect(new Set(all).size).toBe(1200);
    expect(pairs.every((pair) => pair.builder === pair.program + 1 && pair.program >= range.first && pair.builder <= range.last)).toBe(true);
    allocator.release(pairs[7]!);
    expect(await allocator.allocate()).toEqual(pairs[7]);
    await allocator.close();
  });

  it("never gives two processes of the host the same block, and takes over the block of a process that is gone", async () => {
    const dir = lockDir();
    const first = new UidAllocator(range, dir);
    const second = new UidAllocator(range, dir);
    const a = await first.allocate();
    const b = await second.allocate();
    expect(Math.floor((b.program - range.first) / BLOCK_SIZE)).not.toBe(Math.floor((a.program - range.first) / BLOCK_SIZE));
    // Both blocks held: a third allocator has nowhere to go, and says what to do.
    await expect(new UidAllocator(range, dir).allocate()).rejects.toThrow(/SANDBOX_UID_RANGE/);
    // The first block's holder "dies": its lock names a process that no longer exists.
    const gone = spawnSync("true").pid!;
    writeFileSync(path.join(dir, String(range.first)), `${hostname()} ${gone}\n`);
    const third = new UidAllocator(range, dir);
    expect((await third.allocate()).program).toBe(range.first);
    expect(readFileSync(path.join(dir, String(range.first)), "utf8")).toBe(`${processIdentity()}\n`);
    await Promise.all([first.close(), second.close(), third.close()]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("gives each of many allocators claiming at the same moment a block of its own", async () => {
    // A lock file is never seen half-written: a claimant that read it empty took it for stale.
    const dir = lockDir();
    const wide = { first: range.first, last: range.first + 16 * BLOCK_SIZE - 1 };
    const allocators = Array.from({ length: 16 }, () => new UidAllocator(wide, dir));
    const pairs = await Promise.all(allocators.map((allocator) => allocator.allocate()));
    expect(new Set(pairs.map((pair) => Math.floor((pair.program - wide.first) / BLOCK_SIZE))).size).toBe(16);
    await Promise.all(allocators.map((allocator) => allocator.close()));
    expect(readdirSync(dir)).toEqual([]);
  });

  it("takes over a block whose holder's pid now belongs to another process (it started at another time)", async () => {
    const dir = lockDir();
    const one = { first: range.first, last: range.first + BLOCK_SIZE - 1 };
    // This process's pid, with a start time that is not this process's: the holder died, its pid was reused.
    writeFileSync(path.join(dir, String(one.first)), `${hostname()}:${process.pid}:1\n`);
    const allocator = new UidAllocator(one, dir);
    expect((await allocator.allocate()).program).toBe(one.first);
    await allocator.close();
  });

  it("lets one of two claimants take over a dead process's block, never both", async () => {
    const dir = lockDir();
    const one = { first: range.first, last: range.first + BLOCK_SIZE - 1 };
    for (let round = 0; round < 20; round++) {
      writeFileSync(path.join(dir, String(one.first)), `${hostname()} ${spawnSync("true").pid!}\n`);
      const claimants = [new UidAllocator(one, dir), new UidAllocator(one, dir)];
      const outcomes = await Promise.allSettled(claimants.map((allocator) => allocator.allocate()));
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      await Promise.all(claimants.map((allocator) => allocator.close()));
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

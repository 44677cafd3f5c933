// The oracle against examples worked by hand from the statement's rules, and the fsck against
// images corrupted the ways real file systems go wrong.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "@/graders/core/random";
import {
  BLOCK,
  BLOCK_BITMAP,
  crc32,
  firstDataBlock,
  INODE,
  INODE_BITMAP,
  inodeOffset,
  parseInput,
  SUPER,
  setU16,
  setU32,
  u32,
} from "@/graders/inode-fs/format";
import { expectedLines, FileSystem } from "@/graders/inode-fs/fs";
import { fsck } from "@/graders/inode-fs/fsck";
import { randomMix, scripted } from "@/graders/inode-fs/generate";

const answers = (blocks: number, script: string) => {
  const lines = expectedLines(scripted(blocks, script));
  return lines.slice(
    1,
    lines.findIndex((line) => line.startsWith("image")),
  );
};

const build = (blocks: number, script: string) => {
  const fs = new FileSystem(blocks);
  for (const command of scripted(blocks, script).commands) fs.apply(command);
  return fs;
};

describe("the oracle", () => {
  it("formats 64 blocks as the statement says: 16 inodes, one table block, the root in block 4", () => {
    const fs = new FileSystem(64);
    expect([fs.inodes, fs.dataStart, firstDataBlock(8192)]).toEqual([16, 4, 131]);
    expect(u32(fs.image, SUPER.magic)).toBe(0x444f4e49);
    expect(Buffer.from(fs.image.subarray(0, 4)).toString("latin1")).toBe("INOD");
    expect([fs.freeBlocks, fs.freeInodes]).toEqual([59, 14]);
    expect(fs.image[INODE_BITMAP * BLOCK]).toBe(0b11);
    expect(fs.image[BLOCK_BITMAP * BLOCK]).toBe(0b11111);
    expect(fs.stat(1)).toBe("1 dir 2 64 1");
    expect(u32(fs.image, 4 * BLOCK)).toBe(1);
    expect(u32(fs.image, 4 * BLOCK + 32)).toBe(1);
    expect(Buffer.from(fs.image.subarray(4 * BLOCK + 36, 4 * BLOCK + 39)).toString("latin1")).toBe("..\0");
  });

  it("puts the indirect block before the 11th data block", () => {
    const fs = build(64, "create /f; write /f 0 10240 0; write /f 10240 1 0");
    // The root's block is 4; the file's ten blocks 5-14; then the indirect block 15, data block 16.
    const direct = [...Array(10).keys()].map((k) => u32(fs.image, inodeOffset(2) + INODE.direct + 4 * k));
    expect(direct).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(u32(fs.image, inodeOffset(2) + INODE.indirect)).toBe(15);
    expect(u32(fs.image, 15 * BLOCK)).toBe(16);
    expect(fs.stat(2)).toBe("2 file 1 10241 12");
  });

  it("writes the pattern ((offset + i) × 31 + seed) mod 256 and reads it back by CRC-32", () => {
    const fs = build(64, "create /f; write /f 3 2 5");
    const data = 5 * BLOCK;
    expect([...fs.image.subarray(data, data + 6)]).toEqual([0, 0, 0, (3 * 31 + 5) & 255, (4 * 31 + 5) & 255, 0]);
    expect(crc32(new Uint8Array([]))).toBe("00000000");
    expect(crc32(new TextEncoder().encode("123456789"))).toBe("cbf43926");
    expect(answers(64, "create /f; write /f 3 2 5; read /f 0 10; read /f 5 1")).toEqual([
      "ok",
      "ok",
      `5 ${crc32(new Uint8Array([0, 0, 0, 98, 129]))}`,
      "0 00000000",
    ]);
  });

  it("takes the largest file and refuses a byte more", () => {
    expect(answers(512, "create /f; write /f 0 272384 1; stat /f; write /f 272384 1 1; write /f 1 272384 1; write /f 272384 0 1")).toEqual([
      "ok",
      "ok",
      "2 file 1 272384 267",
      "EFBIG",
      "EFBIG",
      "ok",
    ]);
  });

  it("refuses ENOSPC at the exact block, counting the indirect block, and changes nothing", () => {
    // 59 free: /a takes 39 (38 + indirect), /b 10, /c 9: one left, and /b's 11th block needs two.
    const script = "create /a; write /a 0 38912 1; create /b; write /b 0 10240 2; create /c; write /c 0 9216 3";
    const before = build(64, script);
    expect(before.freeBlocks).toBe(1);
    const after = build(64, `${script}; write /b 10240 1 2`);
    expect(Buffer.compare(Buffer.from(before.image), Buffer.from(after.image))).toBe(0);
    expect(answers(64, `${script}; write /b 10240 1 2; unlink /c; write /b 10240 1 2`).slice(-3)).toEqual(["ENOSPC", "ok", "ok"]);
  });

  it("counts links as the entries naming each inode", () => {
    expect(
      answers(
        64,
        "mkdir /a; mkdir /a/b; stat /a; stat /; create /f; link /f /a/g; link /f /a/b/h; stat /f; unlink /f; stat /a/g; rmdir /a/b; unlink /a/b/h; rmdir /a/b; stat /a; stat /a/g",
      ),
    ).toEqual([
      "ok",
      "ok",
      "2 dir 3 96 1",
      "1 dir 3 96 1",
      "ok",
      "ok",
      "ok",
      "4 file 3 0 0",
      "ok",
      "4 file 2 0 0",
      "ENOTEMPTY",
      "ok",
      "ok",
      "2 dir 2 128 1",
      "4 file 1 0 0",
    ]);
  });

  it("reuses the lowest empty slot, and grows a directory by a block past 32 entries", () => {
    const names = Array.from({ length: 30 }, (_, i) => `create /f${i}`).join("; ");
    // 128 blocks: 32 inodes, 30 files and the root; 32 slots fill the first block exactly.
    expect(answers(128, `${names}; stat /`).at(-1)).toBe("1 dir 2 1024 1");
    const links = Array.from({ length: 30 }, (_, i) => `link /f /l${i}`).join("; ");
    expect(answers(64, `create /f; ${links}; stat /; unlink /l3; unlink /l1; create /x; ls /`).slice(31, 39)).toEqual([
      "1 dir 2 1056 2",
      "ok",
      "ok",
      "ok",
      "32 entries",
      ". 1 dir 2 1056 2",
      ".. 1 dir 2 1056 2",
      "f 2 file 29 0 0",
    ]);
    // The new file takes slot 4, the one l1 left (l3's was slot 6).
    expect(answers(64, `create /f; ${links}; unlink /l3; unlink /l1; create /x; ls /`)[39]).toBe("x 3 file 1 0 0");
  });

  it("checks the errors in the statement's order", () => {
    expect(
      answers(
        64,
        "create /f; mkdir /f/x; mkdir /no/x; create /abcdefghijklmnopqrstuvwxyz012/x; link /f /f; link / /x; rmdir /; unlink /; write / 0 1 1; ls /f",
      ),
    ).toEqual(["ok", "ENOTDIR", "ENOENT", "ENAMETOOLONG", "EEXIST", "EPERM", "EBUSY", "EISDIR", "EISDIR", "ENOTDIR"]);
  });

  it("answers the statement's examples", () => {
    for (const n of [1, 2, 3]) {
      const dir = path.join(import.meta.dirname, "../../exercises/inode-fs/examples");
      const workload = parseInput(readFileSync(path.join(dir, `${n}.in`), "utf8"))!;
      expect(`${expectedLines(workload).join("\n")}\n`).toBe(readFileSync(path.join(dir, `${n}.out`), "utf8"));
    }
  });
});

describe("the grader's fsck", () => {
  const healthy = () => build(128, "mkdir /a; create /a/f; write /a/f 0 12000 1; link /a/f /g; create /h; write /h 0 100 2");

  it("finds the oracle's images consistent, on random mixes too", () => {
    expect(fsck(healthy().image).problem).toBeNull();
    for (let seed = 0; seed < 40; seed++) {
      const random = new SeededRandom(seed);
      const workload = randomMix(random, {
        blocks: random.pick([64, 128, 512]),
        commands: 300,
        weights: { mkdir: 2, create: 4, write: 6, read: 1, stat: 1, ls: 1, link: 2, unlink: 3, rmdir: 1 },
        maxWrite: 20_000,
        strays: 0.1,
      });
      const fs = new FileSystem(workload.blocks);
      for (const command of workload.commands) fs.apply(command);
      expect(fsck(fs.image).problem, `seed ${seed}`).toBeNull();
    }
  });

  it("names a leaked block, a block held twice, and a block held but marked free", () => {
    const leaked = healthy();
    leaked.image[BLOCK_BITMAP * BLOCK + 12] = 1; // block 96 (bits 97-103 were clear)
    expect(fsck(leaked.image).problem).toBe("block 96 is marked used in the block bitmap, but no inode holds it (a leaked block)");
    const twice = healthy();
    const fileBlock = u32(twice.image, inodeOffset(3) + INODE.direct);
    setU32(twice.image, inodeOffset(4) + INODE.direct, fileBlock);
    expect(fsck(twice.image).problem).toBe(`block ${fileBlock} is used by inode 3 (/a/f)'s data block 0 and by inode 4 (/h) as its data block 0`);
    const free = healthy();
    const h = u32(free.image, inodeOffset(4) + INODE.direct);
    free.image[BLOCK_BITMAP * BLOCK + (h >> 3)] = free.image[BLOCK_BITMAP * BLOCK + (h >> 3)]! & ~(1 << (h & 7));
    expect(fsck(free.image).problem).toBe(`block ${h} is marked free in the block bitmap but holds inode 4 (/h)'s data block 0`);
  });

  it("names a wrong link count, a wrong .., a free inode named, and a size its blocks do not match", () => {
    const links = healthy();
    setU16(links.image, inodeOffset(3) + INODE.links, 1);
    expect(fsck(links.image).problem).toBe("inode 3 (/a/f)'s link count is 1, but 2 directory entries name it");
    const dotdot = healthy();
    const a = u32(dotdot.image, inodeOffset(2) + INODE.direct);
    setU32(dotdot.image, a * BLOCK + 32, 2);
    expect(fsck(dotdot.image).problem).toBe('entry 1 of /a (inode 2) must be ".." naming its parent, inode 1, but it is ".." naming inode 2');
    const freed = healthy();
    freed.image[INODE_BITMAP * BLOCK] = freed.image[INODE_BITMAP * BLOCK]! & ~(1 << 4);
    expect(fsck(freed.image).problem).toBe('entry 4 of / (inode 1) ("h") names inode 4, which is marked free in the inode bitmap');
    const size = healthy();
    setU32(size.image, inodeOffset(3) + INODE.size, 10240);
    expect(fsck(size.image).problem).toMatch(
      /^inode 3 \(\/a\/f\) has size 10240, so 10 data blocks and no indirect block, but its indirect pointer names block \d+$/,
    );
  });

  it("names a superblock whose free counts disagree with the bitmaps", () => {
    const fs = healthy();
    setU32(fs.image, SUPER.freeBlocks, fs.freeBlocks + 1);
    expect(fsck(fs.image).problem).toBe(`the superblock counts ${fs.freeBlocks} free blocks, but the block bitmap has ${fs.freeBlocks - 1}`);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { IoTestCase } from "@/graders/core/types";
import { checkInodeFs } from "@/graders/inode-fs/checker";
import { BLOCK, formatImage, LIMITS, parseImage, parseInput, type Workload } from "@/graders/inode-fs/format";
import { expectedLines, FileSystem } from "@/graders/inode-fs/fs";
import grader from "@/graders/inode-fs/grader";

const manifest = parse(readFileSync(path.join(import.meta.dirname, "../../exercises/inode-fs/exercise.yaml"), "utf8")) as {
  limits: { outputKiB: number };
};
const hidden = grader.hiddenTests(grader.seed, "c");
const named = (name: string) => hidden.find((test) => test.name === name)!;
const workloadOf = (test: IoTestCase): Workload => parseInput(test.input)!;
const answersOf = (test: IoTestCase) => {
  const lines = test.expected!.split("\n");
  return lines.slice(
    0,
    lines.findIndex((line) => line.startsWith("image ")),
  );
};

describe("inode-fs's hidden tests", () => {
  it("are valid inputs within the stated limits, with answers and images that fit the output limit", () => {
    const everyTest = (["c", "python"] as const).flatMap((language) => [
      ...grader.hiddenTests(grader.seed, language).filter((test) => language === "c" || test.name.startsWith("large")),
      ...grader.performance!.workloads(grader.seed, language),
    ]);
    for (const test of everyTest) {
      const workload = parseInput(test.input);
      expect(workload, test.name).not.toBeNull();
      expect(workload!.commands.length, test.name).toBeLessThanOrEqual(LIMITS.maxCommands);
      const output = test.expected ?? `${expectedLines(workload!).join("\n")}\n`;
      // The reference's output is at most this, with room for a program's longer lines.
      expect(output.length, test.name).toBeLessThanOrEqual(manifest.limits.outputKiB * 1024 * 0.85);
    }
  }, 120_000);

  it("include the edge cases they are named for", () => {
    expect(answersOf(named("the largest file"))).toContain("2 file 1 272384 267");
    expect(answersOf(named("ten blocks, then the indirect block"))).toEqual(expect.arrayContaining(["2 file 1 10240 10", "2 file 1 10241 12"]));
    expect(answersOf(named("names of 27 and 28 bytes")).filter((line) => line === "ENAMETOOLONG").length).toBeGreaterThanOrEqual(6);
    // 400 links in one directory: past ten blocks, so the directory has its indirect block.
    expect(answersOf(named("many hard links"))).toEqual(expect.arrayContaining(["2 file 401 100 1", "3 dir 2 12864 14"]));
    const full = answersOf(named("full disk: blocks"));
    expect(full.filter((line) => line === "ENOSPC").length).toBeGreaterThanOrEqual(3);
    expect(answersOf(named("full disk: inodes"))).toContain("ENOSPC");
    expect(answersOf(named("full disk: directories"))).toEqual(expect.arrayContaining(["1 dir 2 1024 1", "ENOSPC", "1 dir 2 1056 2"]));
    // The large tests: thousands of files on the largest device.
    const large = workloadOf(named("large: thousands of files, 30,000 commands"));
    expect(large.blocks).toBe(LIMITS.maxBlocks);
    const fs = new FileSystem(large.blocks);
    for (const command of large.commands) fs.apply(command);
    expect(fs.inodes - 1 - fs.freeInodes).toBeGreaterThan(1_500);
  }, 60_000);

  it("explain a wrong answer by its command, and an inconsistent image by its first inconsistency", () => {
    const test = named("hard links");
    // Command 7 is stat /a/f, after two links: three names.
    const wrongStat = checkInodeFs(test, test.expected!.replace("4 file 3 3000 3", "4 file 2 3000 3"));
    expect(wrongStat.ok || wrongStat.message).toContain(
      'at command 7 (stat /a/f) the answer is "4 file 3 3000 3", but yours is "4 file 2 3000 3": inode 4 is a file of 3000 bytes (3 data blocks) named by 3 directory entries',
    );

    // An image whose block bitmap marks one more block used: a leaked block.
    const workload = workloadOf(test);
    const lines = test.expected!.trimEnd().split("\n");
    const imageAt = lines.findIndex((line) => line.startsWith("image "));
    const image = parseImage(lines.slice(imageAt), workload.blocks) as Uint8Array;
    image[2 * BLOCK + 15] = image[2 * BLOCK + 15]! | 0x80; // block 127
    const leaked = checkInodeFs(test, `${[...lines.slice(0, imageAt), ...formatImage(image)].join("\n")}\n`);
    expect(leaked.ok || leaked.message).toContain(
      "the grader's fsck finds your image inconsistent after the last command: block 127 is marked used in the block bitmap, but no inode holds it (a leaked block)",
    );

    // A consistent image that is not the pinned one: a byte of a file's data.
    const past = named("writes past the end");
    const pastLines = past.expected!.trimEnd().split("\n");
    const pastAt = pastLines.findIndex((line) => line.startsWith("image "));
    const data = parseImage(pastLines.slice(pastAt), 64) as Uint8Array;
    const fs = new FileSystem(64);
    for (const command of workloadOf(past).commands) fs.apply(command);
    const block = fs.pointer(2, 1);
    data[block * BLOCK + 5] = data[block * BLOCK + 5]! ^ 0xff;
    const differs = checkInodeFs(past, `${[...pastLines.slice(0, pastAt), ...formatImage(data)].join("\n")}\n`);
    expect(differs.ok || differs.message).toContain(`byte 5 of block ${block} is`);
    expect(differs.ok || differs.message).toContain(`block ${block} is inode 2 (/f)'s data block 1.`);
  });

  it("judges a Run on input the drivers refuse by the reference's words", () => {
    const refused = {
      name: "your input",
      visibility: "public" as const,
      input: "mkfs 10\n",
      expected: "invalid input: the first line must be mkfs <blocks>, 64 to 8192 blocks\n",
      ownInput: true,
    };
    expect(checkInodeFs(refused, refused.expected).ok).toBe(true);
    expect(checkInodeFs(refused, "ok\n").ok).toBe(false);
  });
});

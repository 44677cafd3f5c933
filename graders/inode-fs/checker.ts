// The inode file system's checker: the answers and the image. The grader's fsck reads the image
// first (an inconsistent image is named by its first inconsistency); then the answers are compared
// with the oracle's (the first wrong one explained by replaying the oracle to it); then the image
// with the oracle's, byte for byte (the first differing block named by what it holds).
import { exactLines, excerpt, explainedDivergence, firstDivergence, normalisedLines } from "@/graders/core/checkers";
import type { Checker, CheckOutcome, IoTestCase } from "@/graders/core/types";
import { FileSystem } from "@/graders/inode-fs/fs";
import {
  BLOCK,
  BLOCK_BITMAP,
  formatCommand,
  INODE_BITMAP,
  INODE_SIZE,
  INODE_TABLE,
  parseImage,
  parseInput,
  SUPER,
  type Workload,
} from "@/graders/inode-fs/format";
import { fsck } from "@/graders/inode-fs/fsck";

const count = (value: number) => value.toLocaleString("en-US");
const IMAGE = /^image \d+$/;

function fail(test: IoTestCase, message: string): CheckOutcome {
  const where = test.visibility === "hidden" ? `On a hidden test${test.description ? ` (${test.description})` : ""}: ` : "";
  const sentence = where ? message : `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return { ok: false, message: `${where}${sentence}` };
}

/** The command whose answer holds line `line` (0-based, line 0 is mkfs's), and why the oracle answers as it does. */
function explainAnswer(workload: Workload, line: number, expected: string | undefined, actual: string | undefined): string {
  const fs = new FileSystem(workload.blocks);
  let at = 1;
  for (let i = 0; i < workload.commands.length; i++) {
    const command = workload.commands[i]!;
    const answer = fs.apply(command);
    if (line < at + answer.lines.length) {
      const within = line - at;
      const which = answer.lines.length > 1 ? ` (line ${within + 1} of its ${answer.lines.length})` : "";
      const got = actual === undefined ? "nothing" : `"${excerpt(actual)}"`;
      return `at command ${count(i + 1)} (${excerpt(formatCommand(command))}) the answer${which} is "${expected}", but yours is ${got}: ${answer.why}.`;
    }
    at += answer.lines.length;
  }
  return `your answers go on after the last command's (line ${count(line + 1)} is "${excerpt(actual ?? "")}").`;
}

const SUPER_FIELDS = Object.entries(SUPER) as [string, number][];
const INODE_FIELDS: [string, number, number][] = [
  ["type", 0, 2],
  ["link count", 2, 4],
  ["size", 4, 8],
  ["direct pointers", 8, 48],
  ["indirect pointer", 48, 52],
  ["padding", 52, 64],
];

/** The first difference of two images, named by what the expected image holds there. */
function explainImage(expected: Uint8Array, actual: Uint8Array): string | null {
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  if (at === expected.length) return null;
  const block = Math.floor(at / BLOCK);
  const offset = at % BLOCK;
  const bytes = `byte ${offset} of block ${block} is 0x${actual[at]!.toString(16).padStart(2, "0")}, but 0x${expected[at]!.toString(16).padStart(2, "0")} in a correct image`;
  if (block === 0) {
    const field = SUPER_FIELDS.find(([, start]) => offset >= start && offset < start + 4);
    return `${bytes}: the superblock's ${field ? field[0] : "zeros after its fields"}.`;
  }
  if (block === INODE_BITMAP || block === BLOCK_BITMAP) {
    const first = offset * 8;
    const what = block === INODE_BITMAP ? "inode" : "block";
    const differs = [...Array(8).keys()].map((bit) => first + bit).filter((n) => ((expected[at]! ^ actual[at]!) >> (n - first)) & 1);
    const n = differs[0]!;
    const used = (expected[at]! >> (n - first)) & 1;
    return `${bytes}: the ${what} bitmap says ${what} ${n} is ${used ? "free" : "in use"}, but it is ${used ? "in use" : "free"} (the lowest free ${what} is taken first, and freed ones are cleared).`;
  }
  const owners = fsck(expected).owners;
  const inodeBlocks = (expected.length / BLOCK / 64) | 0;
  if (block >= INODE_TABLE && block < INODE_TABLE + inodeBlocks) {
    const inode = (block - INODE_TABLE) * 16 + Math.floor(offset / INODE_SIZE);
    const within = offset % INODE_SIZE;
    const field = INODE_FIELDS.find(([, start, end]) => within >= start && within < end)!;
    const path = fsck(expected).paths.get(inode);
    return `${bytes}: inode ${inode}'s ${field[0]}${path ? ` (${path})` : " (a free inode: all zeros)"}.`;
  }
  const owner = owners.get(block);
  if (owner) return `${bytes}: block ${block} is ${owner}.`;
  return `${bytes}: block ${block} is free in a correct image, holding what it held last (blocks are zeroed when allocated, not when freed).`;
}

export const checkInodeFs: Checker = (test: IoTestCase, output: string): CheckOutcome => {
  if (test.expected === undefined) throw new Error(`Test ${test.name} has no expected output.`);
  if (output === test.expected) return { ok: true };
  const expected = normalisedLines(test.expected);
  const actual = normalisedLines(output);
  const workload = parseInput(test.input);
  // A Run on input the drivers refuse: the reference's "invalid input" line is the answer.
  if (!workload) return exactLines(test, output);
  const answers = expected.findIndex((line) => IMAGE.test(line));
  const mark = actual.findIndex((line) => IMAGE.test(line));
  const stopped = actual.find((line) => line.startsWith("invalid device access:") || line.startsWith("invalid result:"));
  if (stopped) return fail(test, `the driver stopped: ${excerpt(stopped, 200)}.`);
  if (mark >= 0) {
    const image = parseImage(actual.slice(mark), workload.blocks);
    if (typeof image === "string") return fail(test, `the image cannot be read: ${image}.`);
    const report = fsck(image);
    if (report.problem) return fail(test, `the grader's fsck finds your image inconsistent after the last command: ${report.problem}.`);
  }
  const mine = mark >= 0 ? actual.slice(0, mark) : actual;
  const divergence = firstDivergence(expected.slice(0, answers), mine);
  if (divergence) {
    const line = divergence.line - 1;
    if (divergence.expected === undefined) return explainedDivergence(test, divergence, explainAnswer(workload, line, undefined, divergence.actual));
    return explainedDivergence(test, divergence, explainAnswer(workload, line, divergence.expected, divergence.actual));
  }
  if (mark < 0) return fail(test, `your output has every answer but no image after them ("image ${workload.blocks}" and the blocks).`);
  const want = parseImage(expected.slice(answers), workload.blocks) as Uint8Array;
  const got = parseImage(actual.slice(mark), workload.blocks) as Uint8Array;
  const difference = explainImage(want, got);
  if (difference)
    return fail(
      test,
      `every answer is right and the fsck finds your image consistent, but it is not the image the pinned format and allocation order make: ${difference}`,
    );
  return { ok: true };
};

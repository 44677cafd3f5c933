// The pinned on-disk format of the inode file system (exercises/inode-fs/README.md, "The disk"),
// shared by the oracle (fs.ts) and the grader's fsck (fsck.ts): block and record layouts, and the
// commands' input and output forms.
import { crc32 as zlibCrc32 } from "node:zlib";

export const BLOCK = 1024;
export const MAGIC = 0x444f4e49; // "INOD" in little-endian bytes
export const INODE_SIZE = 64;
export const INODES_PER_BLOCK = BLOCK / INODE_SIZE;
export const DIRECT = 10;
export const POINTERS = BLOCK / 4;
export const MAX_FILE_BLOCKS = DIRECT + POINTERS;
export const MAX_FILE_SIZE = MAX_FILE_BLOCKS * BLOCK;
export const ENTRY_SIZE = 32;
export const ENTRIES_PER_BLOCK = BLOCK / ENTRY_SIZE;
export const NAME_MAX = 27;
export const ROOT = 1;
export const INODE_BITMAP = 1;
export const BLOCK_BITMAP = 2;
export const INODE_TABLE = 3;
export const FREE = 0;
export const FILE = 1;
export const DIR = 2;

export const LIMITS = { minBlocks: 64, maxBlocks: 8192, maxOffset: 1_000_000, maxLength: MAX_FILE_SIZE, maxCommands: 200_000, maxPath: 1023 };

/** Inodes of a device of `blocks` blocks: 16 per 64 blocks (one inode table block per 64 blocks). */
export const inodeCount = (blocks: number) => 16 * Math.floor(blocks / 64);
export const firstDataBlock = (blocks: number) => INODE_TABLE + inodeCount(blocks) / INODES_PER_BLOCK;

/** Blocks a file of `size` bytes holds: its data blocks, and the indirect block past 10 of them. */
export function blocksFor(size: number): number {
  const data = Math.ceil(size / BLOCK);
  return data + (data > DIRECT ? 1 : 0);
}

/** Superblock fields: name → byte offset (each a little-endian u32). */
export const SUPER = {
  magic: 0,
  blocks: 4,
  inodes: 8,
  inodeBitmap: 12,
  blockBitmap: 16,
  inodeTable: 20,
  inodeTableBlocks: 24,
  firstDataBlock: 28,
  freeBlocks: 32,
  freeInodes: 36,
  root: 40,
} as const;

/** Inode fields: byte offsets within its 64 bytes. */
export const INODE = { type: 0, links: 2, size: 4, direct: 8, indirect: 48 } as const;

export const ERRORS = ["ENOENT", "EEXIST", "ENOTDIR", "EISDIR", "ENOTEMPTY", "ENOSPC", "EFBIG", "ENAMETOOLONG", "EPERM", "EBUSY"] as const;
export type FsError = (typeof ERRORS)[number];

export type Command =
  | { op: "mkdir" | "create" | "unlink" | "rmdir" | "stat" | "ls"; path: string }
  | { op: "write"; path: string; offset: number; length: number; seed: number }
  | { op: "read"; path: string; offset: number; length: number }
  | { op: "link"; path: string; target: string };

export interface Workload {
  blocks: number;
  commands: Command[];
}

/** The byte a write with `seed` puts at file position `position`. */
export const patternByte = (position: number, seed: number) => (position * 31 + seed) & 0xff;

/** CRC-32 (zlib's, IEEE), as eight lowercase hex digits: what the drivers print for a read's bytes. */
export const crc32 = (bytes: Uint8Array): string => zlibCrc32(bytes).toString(16).padStart(8, "0");

export function formatCommand(command: Command): string {
  switch (command.op) {
    case "write":
      return `write ${command.path} ${command.offset} ${command.length} ${command.seed}`;
    case "read":
      return `read ${command.path} ${command.offset} ${command.length}`;
    case "link":
      return `link ${command.path} ${command.target}`;
    default:
      return `${command.op} ${command.path}`;
  }
}

export function formatInput(workload: Workload): string {
  const lines = [`mkfs ${workload.blocks}`, ...workload.commands.map(formatCommand)];
  return `${lines.join("\n")}\n`;
}

const PATH = /^\/$|^(\/[!-.0-~]+)+$/;
const isPath = (token: string | undefined): token is string =>
  token !== undefined && token.length <= LIMITS.maxPath && PATH.test(token) && !token.split("/").some((c) => c === "." || c === "..");

function integer(token: string | undefined, max: number): number | null {
  if (token === undefined || !/^\d{1,9}$/.test(token)) return null;
  const value = Number(token);
  return value <= max ? value : null;
}

const ARGUMENTS: Record<string, number> = { mkdir: 1, create: 1, unlink: 1, rmdir: 1, stat: 1, ls: 1, write: 4, read: 3, link: 2 };

/** The input as the drivers read it (white-space-separated tokens), or null where they refuse it. */
export function parseInput(input: string): Workload | null {
  const tokens = input.split(/[ \n\r\t\v\f]+/).filter(Boolean);
  if (tokens[0] !== "mkfs") return null;
  const blocks = integer(tokens[1], LIMITS.maxBlocks);
  if (blocks === null || blocks < LIMITS.minBlocks) return null;
  const commands: Command[] = [];
  for (let at = 2; at < tokens.length; ) {
    const op = tokens[at]!;
    const count = ARGUMENTS[op];
    if (count === undefined || commands.length >= LIMITS.maxCommands) return null;
    const args = tokens.slice(at + 1, at + 1 + count);
    at += 1 + count;
    if (args.length < count || !isPath(args[0])) return null;
    if (op === "write") {
      const [offset, length, seed] = [integer(args[1], LIMITS.maxOffset), integer(args[2], LIMITS.maxLength), integer(args[3], 255)];
      if (offset === null || length === null || seed === null) return null;
      commands.push({ op, path: args[0], offset, length, seed });
    } else if (op === "read") {
      const [offset, length] = [integer(args[1], LIMITS.maxOffset), integer(args[2], LIMITS.maxLength)];
      if (offset === null || length === null) return null;
      commands.push({ op, path: args[0], offset, length });
    } else if (op === "link") {
      if (!isPath(args[1])) return null;
      commands.push({ op, path: args[0], target: args[1] });
    } else commands.push({ op: op as "mkdir", path: args[0] });
  }
  return { blocks, commands };
}

export const u32 = (image: Uint8Array, offset: number) =>
  (image[offset]! | (image[offset + 1]! << 8) | (image[offset + 2]! << 16) | (image[offset + 3]! << 24)) >>> 0;
export const u16 = (image: Uint8Array, offset: number) => image[offset]! | (image[offset + 1]! << 8);
export function setU32(image: Uint8Array, offset: number, value: number): void {
  image[offset] = value & 0xff;
  image[offset + 1] = (value >>> 8) & 0xff;
  image[offset + 2] = (value >>> 16) & 0xff;
  image[offset + 3] = (value >>> 24) & 0xff;
}
export function setU16(image: Uint8Array, offset: number, value: number): void {
  image[offset] = value & 0xff;
  image[offset + 1] = (value >>> 8) & 0xff;
}
export const inodeOffset = (inode: number) => INODE_TABLE * BLOCK + inode * INODE_SIZE;
export const typeName = (type: number) => (type === FILE ? "file" : type === DIR ? "dir" : `type ${type}`);

/** The image dump the drivers print after the answers: `image <N>`, then `<n> <base64>` per block that is not all zeros. */
export function formatImage(image: Uint8Array): string[] {
  const blocks = image.length / BLOCK;
  const lines = [`image ${blocks}`];
  for (let n = 0; n < blocks; n++) {
    const block = image.subarray(n * BLOCK, (n + 1) * BLOCK);
    if (block.some((byte) => byte !== 0)) lines.push(`${n} ${Buffer.from(block).toString("base64")}`);
  }
  return lines;
}

/** The image from its dump lines, or why it cannot be read. */
export function parseImage(lines: string[], blocks: number): Uint8Array | string {
  if (lines[0] !== `image ${blocks}`) return `the dump must start with "image ${blocks}"`;
  const image = new Uint8Array(blocks * BLOCK);
  let previous = -1;
  for (const line of lines.slice(1)) {
    const match = /^(\d+) ([A-Za-z0-9+/]+={0,2})$/.exec(line);
    const n = match ? Number(match[1]) : -1;
    if (!match || n >= blocks || n <= previous) return `the dump's line "${line.slice(0, 40)}" is not a block of the device in order`;
    const bytes = Buffer.from(match[2]!, "base64");
    if (bytes.length !== BLOCK) return `the dump's block ${n} is not ${BLOCK} bytes`;
    image.set(bytes, n * BLOCK);
    previous = n;
  }
  return image;
}

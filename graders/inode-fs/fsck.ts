// The grader's fsck: reads an image in the pinned format (format.ts) from the superblock and the
// root directory down, and names its first inconsistency the way e2fsck would: a block two inodes
// hold, a block in use but marked free or marked used and held by nothing, a link count that is not
// the number of entries naming the inode, a size its blocks do not match, a wrong `.` or `..`, an
// entry naming a free inode. On a consistent image it says who holds each block, for the checker.
import {
  BLOCK,
  BLOCK_BITMAP,
  DIR,
  DIRECT,
  ENTRY_SIZE,
  FILE,
  firstDataBlock,
  INODE,
  INODE_BITMAP,
  INODE_TABLE,
  inodeCount,
  inodeOffset,
  MAGIC,
  MAX_FILE_SIZE,
  NAME_MAX,
  POINTERS,
  ROOT,
  SUPER,
  u16,
  u32,
} from "@/graders/inode-fs/format";

export interface FsckReport {
  /** The first inconsistency, as a sentence; null when the image is consistent. */
  problem: string | null;
  /** Who holds each block of a consistent image: "the superblock", "data block 3 of /a/b (inode 4)", … */
  owners: Map<number, string>;
  /** A path of each inode reached from the root. */
  paths: Map<number, string>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

class Inconsistent extends Error {}
const inconsistent = (message: string): never => {
  throw new Inconsistent(message);
};

export function fsck(image: Uint8Array): FsckReport {
  const owners = new Map<number, string>();
  const paths = new Map<number, string>();
  try {
    check(image, owners, paths);
    return { problem: null, owners, paths };
  } catch (error) {
    if (error instanceof Inconsistent) return { problem: error.message, owners, paths };
    throw error;
  }
}

function check(image: Uint8Array, owners: Map<number, string>, paths: Map<number, string>): void {
  const blocks = image.length / BLOCK;
  const inodes = inodeCount(blocks);
  const dataStart = firstDataBlock(blocks);
  const expectSuper: [keyof typeof SUPER, number, string][] = [
    ["magic", MAGIC, "the magic number 0x444f4e49"],
    ["blocks", blocks, "the device's block count"],
    ["inodes", inodes, "16 inodes per 64 blocks"],
    ["inodeBitmap", INODE_BITMAP, "block 1"],
    ["blockBitmap", BLOCK_BITMAP, "block 2"],
    ["inodeTable", INODE_TABLE, "block 3"],
    ["inodeTableBlocks", inodes / 16, "one block per 16 inodes"],
    ["firstDataBlock", dataStart, "the block after the inode table"],
    ["root", ROOT, "inode 1"],
  ];
  for (const [field, value, meaning] of expectSuper) {
    const got = u32(image, SUPER[field]);
    if (got !== value) inconsistent(`the superblock's ${field} (bytes ${SUPER[field]}-${SUPER[field] + 3}) is ${got}, but it must be ${value} (${meaning})`);
  }
  const bit = (bitmap: number, n: number) => (image[bitmap * BLOCK + (n >> 3)]! & (1 << (n & 7))) !== 0;
  owners.set(0, "the superblock");
  owners.set(INODE_BITMAP, "the inode bitmap");
  owners.set(BLOCK_BITMAP, "the block bitmap");
  for (let b = INODE_TABLE; b < dataStart; b++) owners.set(b, `the inode table (inodes ${(b - INODE_TABLE) * 16}-${(b - INODE_TABLE) * 16 + 15})`);
  for (let b = 0; b < dataStart; b++) if (!bit(BLOCK_BITMAP, b)) inconsistent(`block ${b} (${owners.get(b)}) is marked free in the block bitmap`);
  if (!bit(INODE_BITMAP, 0)) inconsistent("inode 0 (reserved: an entry naming inode 0 is an empty slot) is marked free in the inode bitmap");

  const field16 = (inode: number, offset: number) => u16(image, inodeOffset(inode) + offset);
  const field32 = (inode: number, offset: number) => u32(image, inodeOffset(inode) + offset);
  const named = new Map<number, number>(); // inode → entries naming it
  const visitedDirs = new Set<number>();

  /** Claims the inode's blocks, checking its size against them; returns its data blocks in order. */
  const claim = (inode: number, path: string): number[] => {
    const size = field32(inode, INODE.size);
    const who = `inode ${inode} (${path})`;
    if (size > MAX_FILE_SIZE) inconsistent(`${who} has size ${size}, past the largest file (${MAX_FILE_SIZE} bytes)`);
    const count = Math.ceil(size / BLOCK);
    const indirect = field32(inode, INODE.indirect);
    const take = (block: number, what: string) => {
      if (block < dataStart || block >= blocks) inconsistent(`${who}'s ${what} is block ${block}, outside the data blocks (${dataStart} to ${blocks - 1})`);
      const owner = owners.get(block);
      if (owner !== undefined) inconsistent(`block ${block} is used by ${owner} and by ${who} as its ${what}`);
      if (!bit(BLOCK_BITMAP, block)) inconsistent(`block ${block} is marked free in the block bitmap but holds ${who}'s ${what}`);
      owners.set(block, `${who}'s ${what}`);
    };
    const data: number[] = [];
    for (let index = 0; index < DIRECT; index++) {
      const block = field32(inode, INODE.direct + 4 * index);
      if (index < count) {
        if (block === 0) inconsistent(`${who} has size ${size}, so ${plural(count, "data block")}, but its direct pointer ${index} is 0`);
        take(block, `data block ${index}`);
        data.push(block);
      } else if (block !== 0)
        inconsistent(`${who} has size ${size}, so ${plural(count, "data block")}, but its direct pointer ${index} still names block ${block}`);
    }
    if (count <= DIRECT) {
      if (indirect !== 0)
        inconsistent(`${who} has size ${size}, so ${plural(count, "data block")} and no indirect block, but its indirect pointer names block ${indirect}`);
      return data;
    }
    if (indirect === 0) inconsistent(`${who} has size ${size}, so ${count} data blocks, but no indirect block for those past the tenth`);
    take(indirect, "indirect block");
    for (let index = DIRECT; index < DIRECT + POINTERS; index++) {
      const block = u32(image, indirect * BLOCK + 4 * (index - DIRECT));
      if (index < count) {
        if (block === 0)
          inconsistent(`${who} has size ${size}, so ${count} data blocks, but entry ${index - DIRECT} of its indirect block (block ${indirect}) is 0`);
        take(block, `data block ${index}`);
        data.push(block);
      } else if (block !== 0) {
        inconsistent(
          `${who} has size ${size}, so ${count} data blocks, but entry ${index - DIRECT} of its indirect block (block ${indirect}) still names block ${block}`,
        );
      }
    }
    return data;
  };

  const visit = (inode: number, path: string, parent: number): void => {
    paths.set(inode, path);
    visitedDirs.add(inode);
    const size = field32(inode, INODE.size);
    if (size % ENTRY_SIZE !== 0) inconsistent(`directory ${path} (inode ${inode}) has size ${size}, not a multiple of ${ENTRY_SIZE} (one entry)`);
    const data = claim(inode, path);
    const names = new Set<string>();
    const children: [number, string][] = [];
    for (let slot = 0; slot < size / ENTRY_SIZE; slot++) {
      const at = data[Math.floor((slot * ENTRY_SIZE) / BLOCK)]! * BLOCK + ((slot * ENTRY_SIZE) % BLOCK);
      const target = u32(image, at);
      const raw = image.subarray(at + 4, at + ENTRY_SIZE);
      const end = raw.indexOf(0);
      const name = Buffer.from(raw.subarray(0, end < 0 ? raw.length : end)).toString("latin1");
      const where = `entry ${slot} of ${path} (inode ${inode})`;
      if (target === 0) continue;
      if (end < 0 || end > NAME_MAX) inconsistent(`${where} has a name of more than ${NAME_MAX} bytes with no NUL after it`);
      if (name === "") inconsistent(`${where} names inode ${target} with an empty name`);
      if (names.has(name)) inconsistent(`${path} (inode ${inode}) holds two entries named "${name}"`);
      names.add(name);
      if (slot === 0 && (name !== "." || target !== inode))
        inconsistent(`${where} must be "." naming inode ${inode} itself, but it is "${name}" naming inode ${target}`);
      if (slot === 1 && (name !== ".." || target !== parent))
        inconsistent(`${where} must be ".." naming its parent, inode ${parent}, but it is "${name}" naming inode ${target}`);
      if (slot > 1 && (name === "." || name === "..")) inconsistent(`${where} is another "${name}", past the first two slots`);
      if (target >= inodes) inconsistent(`${where} ("${name}") names inode ${target}, but there are only ${inodes} inodes`);
      const type = field16(target, INODE.type);
      if (!bit(INODE_BITMAP, target)) inconsistent(`${where} ("${name}") names inode ${target}, which is marked free in the inode bitmap`);
      if (type !== FILE && type !== DIR) inconsistent(`${where} ("${name}") names inode ${target}, whose type is ${type} (a free inode)`);
      named.set(target, (named.get(target) ?? 0) + 1);
      if (slot > 1) children.push([target, name]);
    }
    if (data.length === 0 || size < 2 * ENTRY_SIZE) inconsistent(`directory ${path} (inode ${inode}) has size ${size}: it lacks its "." and ".." entries`);
    for (const [child, name] of children) {
      const childPath = `${path === "/" ? "" : path}/${name}`;
      if (field16(child, INODE.type) === DIR) {
        if (visitedDirs.has(child))
          inconsistent(`directory inode ${child} is reached twice: as ${paths.get(child)} and as ${childPath} (a directory has one parent)`);
        visit(child, childPath, inode);
      } else if (!paths.has(child)) {
        paths.set(child, childPath);
        claim(child, childPath);
      }
    }
  };
  if (field16(ROOT, INODE.type) !== DIR) inconsistent(`the root, inode 1, has type ${field16(ROOT, INODE.type)}, not a directory (2)`);
  if (!bit(INODE_BITMAP, ROOT)) inconsistent("the root, inode 1, is marked free in the inode bitmap");
  visit(ROOT, "/", ROOT);

  for (const [inode, count] of named) {
    const links = field16(inode, INODE.links);
    if (links !== count) {
      inconsistent(`inode ${inode} (${paths.get(inode)})'s link count is ${links}, but ${plural(count, "directory entry names", "directory entries name")} it`);
    }
  }
  let usedInodes = 0;
  for (let inode = 1; inode < inodes; inode++) {
    if (!bit(INODE_BITMAP, inode)) continue;
    usedInodes++;
    if (!paths.has(inode)) inconsistent(`inode ${inode} is marked used in the inode bitmap, but no directory entry names it (a leaked inode)`);
  }
  let usedBlocks = 0;
  for (let block = 0; block < blocks; block++) {
    if (!bit(BLOCK_BITMAP, block)) continue;
    usedBlocks++;
    if (!owners.has(block)) inconsistent(`block ${block} is marked used in the block bitmap, but no inode holds it (a leaked block)`);
  }
  const freeBlocks = u32(image, SUPER.freeBlocks);
  if (freeBlocks !== blocks - usedBlocks) inconsistent(`the superblock counts ${freeBlocks} free blocks, but the block bitmap has ${blocks - usedBlocks}`);
  const freeInodes = u32(image, SUPER.freeInodes);
  if (freeInodes !== inodes - 1 - usedInodes)
    inconsistent(`the superblock counts ${freeInodes} free inodes, but the inode bitmap has ${inodes - 1 - usedInodes}`);
}

// The oracle: the inode file system of the statement, written on an image in memory with the pinned
// layout (format.ts) and the pinned allocation order, so that its image is the one every correct
// solution leaves, byte for byte. Each command answers with its output lines and, for the checker's
// messages, why.
import {
  BLOCK,
  blocksFor,
  type Command,
  DIR,
  DIRECT,
  ENTRIES_PER_BLOCK,
  ENTRY_SIZE,
  FILE,
  type FsError,
  firstDataBlock,
  crc32,
  formatImage,
  INODE,
  INODE_BITMAP,
  BLOCK_BITMAP,
  INODE_SIZE,
  inodeCount,
  inodeOffset,
  MAGIC,
  MAX_FILE_SIZE,
  NAME_MAX,
  patternByte,
  ROOT,
  SUPER,
  setU16,
  setU32,
  typeName,
  u16,
  u32,
  type Workload,
  INODE_TABLE,
} from "@/graders/inode-fs/format";

export interface Answer {
  lines: string[];
  /** Why the answer is what it is, in file-system terms, for the checker's messages. */
  why: string;
}

class Failure {
  constructor(
    readonly error: FsError,
    readonly why: string,
  ) {}
}

const fail = (error: FsError, why: string): never => {
  throw new Failure(error, why);
};

const components = (path: string) => path.split("/").filter(Boolean);

export class FileSystem {
  readonly image: Uint8Array;
  readonly blocks: number;
  readonly inodes: number;
  readonly dataStart: number;

  constructor(blocks: number) {
    this.blocks = blocks;
    this.image = new Uint8Array(blocks * BLOCK);
    this.inodes = inodeCount(blocks);
    this.dataStart = firstDataBlock(blocks);
    const sb = (field: keyof typeof SUPER, value: number) => setU32(this.image, SUPER[field], value);
    sb("magic", MAGIC);
    sb("blocks", blocks);
    sb("inodes", this.inodes);
    sb("inodeBitmap", INODE_BITMAP);
    sb("blockBitmap", BLOCK_BITMAP);
    sb("inodeTable", INODE_TABLE);
    sb("inodeTableBlocks", this.inodes / 16);
    sb("firstDataBlock", this.dataStart);
    sb("freeBlocks", blocks - this.dataStart);
    sb("freeInodes", this.inodes - 1);
    sb("root", ROOT);
    for (let b = 0; b < this.dataStart; b++) this.setBit(BLOCK_BITMAP, b, true);
    this.setBit(INODE_BITMAP, 0, true);
    const root = this.allocateInode();
    const block = this.allocateBlock();
    this.initInode(root, DIR, 2);
    this.setPointer(root, 0, block);
    this.writeEntry(block * BLOCK, ROOT, ".");
    this.writeEntry(block * BLOCK + ENTRY_SIZE, ROOT, "..");
    this.setSize(root, 2 * ENTRY_SIZE);
  }

  // ---- bitmaps and the superblock's counts ----
  private bit(bitmap: number, n: number): boolean {
    return (this.image[bitmap * BLOCK + (n >> 3)]! & (1 << (n & 7))) !== 0;
  }
  private setBit(bitmap: number, n: number, on: boolean): void {
    const at = bitmap * BLOCK + (n >> 3);
    this.image[at] = on ? this.image[at]! | (1 << (n & 7)) : this.image[at]! & ~(1 << (n & 7));
  }
  get freeBlocks(): number {
    return u32(this.image, SUPER.freeBlocks);
  }
  get freeInodes(): number {
    return u32(this.image, SUPER.freeInodes);
  }
  private allocateBlock(): number {
    for (let b = this.dataStart; b < this.blocks; b++) {
      if (!this.bit(BLOCK_BITMAP, b)) {
        this.setBit(BLOCK_BITMAP, b, true);
        setU32(this.image, SUPER.freeBlocks, this.freeBlocks - 1);
        this.image.fill(0, b * BLOCK, (b + 1) * BLOCK);
        return b;
      }
    }
    throw new Error("no free block: the space check should have refused");
  }
  private freeBlock(b: number): void {
    this.setBit(BLOCK_BITMAP, b, false);
    setU32(this.image, SUPER.freeBlocks, this.freeBlocks + 1);
  }
  private allocateInode(): number {
    for (let i = 1; i < this.inodes; i++) {
      if (!this.bit(INODE_BITMAP, i)) {
        this.setBit(INODE_BITMAP, i, true);
        setU32(this.image, SUPER.freeInodes, this.freeInodes - 1);
        return i;
      }
    }
    throw new Error("no free inode: the space check should have refused");
  }

  // ---- inodes ----
  type(inode: number): number {
    return u16(this.image, inodeOffset(inode) + INODE.type);
  }
  links(inode: number): number {
    return u16(this.image, inodeOffset(inode) + INODE.links);
  }
  size(inode: number): number {
    return u32(this.image, inodeOffset(inode) + INODE.size);
  }
  private setLinks(inode: number, links: number): void {
    setU16(this.image, inodeOffset(inode) + INODE.links, links);
  }
  private setSize(inode: number, size: number): void {
    setU32(this.image, inodeOffset(inode) + INODE.size, size);
  }
  private initInode(inode: number, type: number, links: number): void {
    this.image.fill(0, inodeOffset(inode), inodeOffset(inode) + INODE_SIZE);
    setU16(this.image, inodeOffset(inode) + INODE.type, type);
    this.setLinks(inode, links);
  }
  /** The block holding logical block `index` of the inode (0 past its end). */
  pointer(inode: number, index: number): number {
    if (index < DIRECT) return u32(this.image, inodeOffset(inode) + INODE.direct + 4 * index);
    const indirect = u32(this.image, inodeOffset(inode) + INODE.indirect);
    return indirect === 0 ? 0 : u32(this.image, indirect * BLOCK + 4 * (index - DIRECT));
  }
  private setPointer(inode: number, index: number, block: number): void {
    if (index < DIRECT) setU32(this.image, inodeOffset(inode) + INODE.direct + 4 * index, block);
    else setU32(this.image, u32(this.image, inodeOffset(inode) + INODE.indirect) * BLOCK + 4 * (index - DIRECT), block);
  }
  /** Appends a data block as logical block `index`, the indirect block first when `index` is 10. */
  private appendBlock(inode: number, index: number): void {
    if (index === DIRECT) setU32(this.image, inodeOffset(inode) + INODE.indirect, this.allocateBlock());
    this.setPointer(inode, index, this.allocateBlock());
  }
  /** Frees the inode's blocks (data in order, then the indirect block) and the inode. */
  private release(inode: number): void {
    const data = Math.ceil(this.size(inode) / BLOCK);
    for (let index = 0; index < data; index++) this.freeBlock(this.pointer(inode, index));
    const indirect = u32(this.image, inodeOffset(inode) + INODE.indirect);
    if (indirect !== 0) this.freeBlock(indirect);
    this.image.fill(0, inodeOffset(inode), inodeOffset(inode) + INODE_SIZE);
    this.setBit(INODE_BITMAP, inode, false);
    setU32(this.image, SUPER.freeInodes, this.freeInodes + 1);
  }

  // ---- directories ----
  private entryAt(dir: number, slot: number): number {
    return this.pointer(dir, Math.floor(slot / ENTRIES_PER_BLOCK)) * BLOCK + (slot % ENTRIES_PER_BLOCK) * ENTRY_SIZE;
  }
  private writeEntry(at: number, inode: number, name: string): void {
    this.image.fill(0, at, at + ENTRY_SIZE);
    setU32(this.image, at, inode);
    this.image.set(Buffer.from(name, "latin1"), at + 4);
  }
  private entryName(at: number): string {
    const bytes = this.image.subarray(at + 4, at + ENTRY_SIZE);
    const end = bytes.indexOf(0);
    return Buffer.from(bytes.subarray(0, end < 0 ? bytes.length : end)).toString("latin1");
  }
  /** The directory's live entries in slot order. */
  entries(dir: number): { slot: number; inode: number; name: string }[] {
    const list = [];
    for (let slot = 0; slot < this.size(dir) / ENTRY_SIZE; slot++) {
      const at = this.entryAt(dir, slot);
      const inode = u32(this.image, at);
      if (inode !== 0) list.push({ slot, inode, name: this.entryName(at) });
    }
    return list;
  }
  private find(dir: number, name: string): { slot: number; inode: number } | undefined {
    // Compares raw bytes: big directories are scanned on every lookup, as the textbook does.
    const wanted = Buffer.from(name, "latin1");
    const slots = this.size(dir) / ENTRY_SIZE;
    let base = 0;
    for (let slot = 0; slot < slots; slot++) {
      if (slot % ENTRIES_PER_BLOCK === 0) base = this.pointer(dir, slot / ENTRIES_PER_BLOCK) * BLOCK;
      const at = base + (slot % ENTRIES_PER_BLOCK) * ENTRY_SIZE;
      const inode = u32(this.image, at);
      if (inode === 0 || this.image[at + 4 + wanted.length] !== 0) continue;
      let same = true;
      for (let i = 0; i < wanted.length && same; i++) same = this.image[at + 4 + i] === wanted[i];
      if (same) return { slot, inode };
    }
    return undefined;
  }
  /** The slot a new entry takes (the lowest empty one, or a new one at the end), and the blocks it costs. */
  private newSlot(dir: number): { slot: number; cost: number } {
    const slots = this.size(dir) / ENTRY_SIZE;
    for (let slot = 0; slot < slots; slot++) if (u32(this.image, this.entryAt(dir, slot)) === 0) return { slot, cost: 0 };
    if (this.size(dir) + ENTRY_SIZE > MAX_FILE_SIZE) {
      fail("EFBIG", `the directory has ${slots} entries, none empty, and one more would take it past the largest file (${MAX_FILE_SIZE} bytes)`);
    }
    return { slot: slots, cost: blocksFor(this.size(dir) + ENTRY_SIZE) - blocksFor(this.size(dir)) };
  }
  private addEntry(dir: number, slot: number, inode: number, name: string): void {
    if (slot * ENTRY_SIZE === this.size(dir)) {
      if (this.size(dir) % BLOCK === 0) this.appendBlock(dir, this.size(dir) / BLOCK);
      this.setSize(dir, this.size(dir) + ENTRY_SIZE);
    }
    this.writeEntry(this.entryAt(dir, slot), inode, name);
  }

  // ---- paths ----
  private checkNames(path: string): void {
    const long = components(path).find((c) => c.length > NAME_MAX);
    if (long !== undefined) fail("ENAMETOOLONG", `the name "${long}" is ${long.length} bytes, more than ${NAME_MAX}`);
  }
  /** The inode a path names. */
  private resolve(path: string): number {
    this.checkNames(path);
    let inode = ROOT;
    let walked = "";
    for (const name of components(path)) {
      if (this.type(inode) !== DIR) fail("ENOTDIR", `${walked} is a file, not a directory`);
      const entry = this.find(inode, name);
      walked += `/${name}`;
      if (!entry) fail("ENOENT", `${walked} does not exist`);
      inode = entry!.inode;
    }
    return inode;
  }
  /** The directory that is to hold the path's last name, and that name. */
  private parent(path: string): { dir: number; name: string } {
    const names = components(path);
    const name = names.pop()!;
    const dir = this.resolve(`/${names.join("/")}`);
    if (this.type(dir) !== DIR) fail("ENOTDIR", `/${names.join("/")} is a file, not a directory`);
    return { dir, name };
  }
  private checkSpace(inodes: number, blocks: number, what: string): void {
    if (inodes > this.freeInodes) fail("ENOSPC", `${what} needs an inode and none is free`);
    if (blocks > this.freeBlocks)
      fail("ENOSPC", `${what} needs ${blocks} free ${blocks === 1 ? "block" : "blocks"} and ${this.freeBlocks} ${this.freeBlocks === 1 ? "is" : "are"} free`);
  }

  // ---- commands ----
  private make(path: string, type: number): string {
    this.checkNames(path);
    if (path === "/") fail("EEXIST", "/ exists");
    const { dir, name } = this.parent(path);
    if (this.find(dir, name)) fail("EEXIST", `${path} exists`);
    const { slot, cost } = this.newSlot(dir);
    const what =
      type === DIR
        ? `a directory (an inode, its block${cost ? ", and a new block for its parent's entry" : ""})`
        : `a file (an inode${cost ? ", and a new block for its parent's entry" : ""})`;
    this.checkSpace(1, cost + (type === DIR ? 1 : 0), what);
    const inode = this.allocateInode();
    this.initInode(inode, type, type === DIR ? 2 : 1);
    if (type === DIR) {
      const block = this.allocateBlock();
      this.setPointer(inode, 0, block);
      this.writeEntry(block * BLOCK, inode, ".");
      this.writeEntry(block * BLOCK + ENTRY_SIZE, dir, "..");
      this.setSize(inode, 2 * ENTRY_SIZE);
      this.setLinks(dir, this.links(dir) + 1);
    }
    this.addEntry(dir, slot, inode, name);
    return `inode ${inode}, entry ${slot} of its directory`;
  }

  private write(path: string, offset: number, length: number, seed: number): string {
    const inode = this.resolve(path);
    if (this.type(inode) === DIR) fail("EISDIR", `${path} is a directory`);
    if (offset + length > MAX_FILE_SIZE) fail("EFBIG", `the write would end at byte ${offset + length}, past the largest file (${MAX_FILE_SIZE} bytes)`);
    if (length === 0) return "a write of no bytes changes nothing";
    const size = this.size(inode);
    const end = Math.max(size, offset + length);
    const cost = blocksFor(end) - blocksFor(size);
    this.checkSpace(0, cost, `growing ${path} from ${size} to ${end} bytes`);
    for (let index = Math.ceil(size / BLOCK); index < Math.ceil(end / BLOCK); index++) this.appendBlock(inode, index);
    for (let p = offset; p < offset + length; p++) this.image[this.pointer(inode, Math.floor(p / BLOCK)) * BLOCK + (p % BLOCK)] = patternByte(p, seed);
    this.setSize(inode, end);
    return `${cost} new ${cost === 1 ? "block" : "blocks"}, ${end} bytes`;
  }

  private read(path: string, offset: number, length: number): { count: number; hash: string } {
    const inode = this.resolve(path);
    if (this.type(inode) === DIR) fail("EISDIR", `${path} is a directory`);
    const count = Math.max(0, Math.min(length, this.size(inode) - offset));
    const bytes = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const p = offset + i;
      bytes[i] = this.image[this.pointer(inode, Math.floor(p / BLOCK)) * BLOCK + (p % BLOCK)]!;
    }
    return { count, hash: crc32(bytes) };
  }

  /** What stat says of the inode, in words. */
  describe(inode: number): string {
    const size = this.size(inode);
    const data = Math.ceil(size / BLOCK);
    const links = this.links(inode);
    const blocks = `${data} data ${data === 1 ? "block" : "blocks"}${data > DIRECT ? " and the indirect block" : ""}`;
    return `inode ${inode} is a ${typeName(this.type(inode))} of ${size} bytes (${blocks}) named by ${links} directory ${links === 1 ? "entry" : "entries"}`;
  }

  stat(inode: number): string {
    return `${inode} ${typeName(this.type(inode))} ${this.links(inode)} ${this.size(inode)} ${blocksFor(this.size(inode))}`;
  }

  private link(existing: string, path: string): string {
    const inode = this.resolve(existing);
    if (this.type(inode) === DIR) fail("EPERM", `${existing} is a directory, which cannot be hard-linked`);
    this.checkNames(path);
    if (path === "/") fail("EEXIST", "/ exists");
    const { dir, name } = this.parent(path);
    if (this.find(dir, name)) fail("EEXIST", `${path} exists`);
    const { slot, cost } = this.newSlot(dir);
    this.checkSpace(0, cost, "the new entry");
    this.addEntry(dir, slot, inode, name);
    this.setLinks(inode, this.links(inode) + 1);
    return `inode ${inode} now has ${this.links(inode)} links`;
  }

  private removeEntry(dir: number, slot: number): void {
    this.image.fill(0, this.entryAt(dir, slot), this.entryAt(dir, slot) + ENTRY_SIZE);
  }

  private unlink(path: string): string {
    const inode = this.resolve(path);
    if (this.type(inode) === DIR) fail("EISDIR", `${path} is a directory (rmdir removes directories)`);
    const { dir, name } = this.parent(path);
    this.removeEntry(dir, this.find(dir, name)!.slot);
    this.setLinks(inode, this.links(inode) - 1);
    if (this.links(inode) > 0) return `inode ${inode} keeps ${this.links(inode)} ${this.links(inode) === 1 ? "link" : "links"} and its data`;
    const held = blocksFor(this.size(inode));
    this.release(inode);
    return `its last link: inode ${inode} and its ${held} ${held === 1 ? "block are" : "blocks are"} freed`;
  }

  private rmdir(path: string): string {
    this.checkNames(path);
    if (path === "/") fail("EBUSY", "/ is the root, which cannot be removed");
    const inode = this.resolve(path);
    if (this.type(inode) !== DIR) fail("ENOTDIR", `${path} is a file`);
    const left = this.entries(inode).filter((entry) => entry.name !== "." && entry.name !== "..");
    if (left.length > 0) fail("ENOTEMPTY", `${path} still holds ${left[0]!.name}${left.length > 1 ? ` and ${left.length - 1} more` : ""}`);
    const { dir, name } = this.parent(path);
    this.removeEntry(dir, this.find(dir, name)!.slot);
    this.setLinks(dir, this.links(dir) - 1);
    this.release(inode);
    return `inode ${inode} and its blocks are freed; its parent loses the link its .. made`;
  }

  private ls(path: string): string[] {
    const inode = this.resolve(path);
    if (this.type(inode) !== DIR) fail("ENOTDIR", `${path} is a file`);
    const entries = this.entries(inode);
    return [`${entries.length} entries`, ...entries.map((entry) => `${entry.name} ${this.stat(entry.inode)}`)];
  }

  apply(command: Command): Answer {
    try {
      switch (command.op) {
        case "mkdir":
          return { lines: ["ok"], why: `a new directory: ${this.make(command.path, DIR)}` };
        case "create":
          return { lines: ["ok"], why: `a new file: ${this.make(command.path, FILE)}` };
        case "write":
          return { lines: ["ok"], why: this.write(command.path, command.offset, command.length, command.seed) };
        case "read": {
          const { count, hash } = this.read(command.path, command.offset, command.length);
          return { lines: [`${count} ${hash}`], why: `${count} bytes from byte ${command.offset}` };
        }
        case "stat":
          return { lines: [this.stat(this.resolve(command.path))], why: this.describe(this.resolve(command.path)) };
        case "ls": {
          const lines = this.ls(command.path);
          return { lines, why: "the live entries in slot order" };
        }
        case "link":
          return { lines: ["ok"], why: this.link(command.path, command.target) };
        case "unlink":
          return { lines: ["ok"], why: this.unlink(command.path) };
        case "rmdir":
          return { lines: ["ok"], why: this.rmdir(command.path) };
      }
    } catch (error) {
      if (error instanceof Failure) return { lines: [error.error], why: error.why };
      throw error;
    }
  }
}

/** Everything a correct program prints for the workload: the answers, then the image. */
export function expectedLines(workload: Workload): string[] {
  const fs = new FileSystem(workload.blocks);
  const lines = ["ok"];
  for (const command of workload.commands) lines.push(...fs.apply(command).lines);
  return [...lines, ...formatImage(fs.image)];
}

export const expectedOutput = (workload: Workload) => `${expectedLines(workload).join("\n")}\n`;

// Workloads for the inode file system: scripted edge cases, and random mixes of commands over a
// tree the generator follows with the oracle (so that most commands name what exists, and the
// rest probe the errors).
import type { SeededRandom } from "@/graders/core/random";
import { FileSystem } from "@/graders/inode-fs/fs";
import { type Command, MAX_FILE_SIZE, NAME_MAX, parseInput, type Workload } from "@/graders/inode-fs/format";

/** Commands written as input lines, `;` between them: "mkdir /a; create /a/f". */
export function scripted(blocks: number, text: string): Workload {
  const lines = text
    .split(";")
    .map((line) => line.trim())
    .filter(Boolean);
  const workload = parseInput(`mkfs ${blocks}\n${lines.join("\n")}\n`);
  if (!workload) throw new Error(`Not a valid script: ${text}`);
  return workload;
}

export interface Mix {
  blocks: number;
  commands: number;
  /** Relative weights of the commands. */
  weights: Partial<Record<Command["op"], number>>;
  /** The largest write, in bytes. */
  maxWrite: number;
  /** The share of commands aimed at a path chosen at random (mostly errors). */
  strays: number;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_-.";

function randomName(random: SeededRandom): string {
  const roll = random.next();
  const length = roll < 0.05 ? NAME_MAX : roll < 0.08 ? NAME_MAX + 1 : random.int(1, 12);
  let name = "";
  while (name.length < length) name += LETTERS[random.int(0, LETTERS.length - 1)];
  return name === "." || name === ".." ? `${name}x` : name;
}

const join = (dir: string, name: string) => (dir === "/" ? `/${name}` : `${dir}/${name}`);

/**
 * A random mix: the generator keeps the directories and files the oracle says exist, and picks
 * each command's paths among them (a new name for mkdir, create and link), now and then a stray.
 */
export function randomMix(random: SeededRandom, mix: Mix): Workload {
  const fs = new FileSystem(mix.blocks);
  const dirs: string[] = ["/"];
  const files: string[] = [];
  const sizes = new Map<string, number>();
  const ops = Object.entries(mix.weights) as [Command["op"], number][];
  const total = ops.reduce((sum, [, w]) => sum + w, 0);
  const commands: Command[] = [];
  const pickDir = () => random.pick(dirs);
  const stray = () => {
    const base = random.next() < 0.5 && files.length > 0 ? random.pick(files) : random.pick(dirs);
    return random.next() < 0.5 ? join(base, randomName(random)) : base;
  };
  const anyFile = () => (files.length > 0 && random.next() >= mix.strays ? random.pick(files) : stray());
  const anyDir = () => (dirs.length > 1 && random.next() >= mix.strays ? random.pick(dirs.slice(1)) : stray());
  const newPath = () => (random.next() < mix.strays ? stray() : join(pickDir(), randomName(random)));
  while (commands.length < mix.commands) {
    let roll = random.next() * total;
    const op = ops.find(([, w]) => (roll -= w) < 0)?.[0] ?? ops[0]![0];
    let command: Command;
    switch (op) {
      case "mkdir":
      case "create":
        command = { op, path: newPath() };
        break;
      case "write": {
        const path = anyFile();
        const size = sizes.get(path) ?? 0;
        const length = random.next() < 0.1 ? 0 : random.int(1, Math.min(mix.maxWrite, MAX_FILE_SIZE));
        const offset = random.next() < 0.6 ? size : random.next() < 0.9 ? random.int(0, size) : random.int(size, Math.min(size + 3 * 1024, MAX_FILE_SIZE));
        command = { op, path, offset, length, seed: random.int(0, 255) };
        break;
      }
      case "read": {
        const path = anyFile();
        const size = sizes.get(path) ?? 0;
        command = { op, path, offset: random.int(0, size + 10), length: random.int(0, Math.min(mix.maxWrite * 2, MAX_FILE_SIZE)) };
        break;
      }
      case "stat":
        command = { op, path: random.next() < 0.5 ? anyFile() : anyDir() };
        break;
      case "ls":
        command = { op, path: random.next() < 0.2 ? "/" : anyDir() };
        break;
      case "link":
        command = { op, path: anyFile(), target: newPath() };
        break;
      case "unlink":
        command = { op, path: anyFile() };
        break;
      case "rmdir":
        command = { op, path: anyDir() };
        break;
    }
    commands.push(command);
    const [answer] = fs.apply(command).lines;
    if (answer !== "ok") continue;
    if (command.op === "mkdir") dirs.push(command.path);
    else if (command.op === "create") files.push(command.path);
    else if (command.op === "link") files.push(command.target);
    else if (command.op === "write" && command.length > 0) sizes.set(command.path, Math.max(sizes.get(command.path) ?? 0, command.offset + command.length));
    else if (command.op === "unlink") files.splice(files.indexOf(command.path), 1);
    else if (command.op === "rmdir") dirs.splice(dirs.indexOf(command.path), 1);
  }
  return { blocks: mix.blocks, commands };
}

/** A file system filled with files of `fileBlocks` blocks each, until the disk is nearly full. */
export function fill(blocks: number, fileBlocks: number, prefix = "/f"): string[] {
  const lines: string[] = [];
  const fs = new FileSystem(blocks);
  for (let i = 0; ; i++) {
    const create: Command = { op: "create", path: `${prefix}${i}` };
    if (fs.apply(create).lines[0] !== "ok") break;
    const write: Command = { op: "write", path: `${prefix}${i}`, offset: 0, length: fileBlocks * 1024, seed: i & 0xff };
    lines.push(`create ${prefix}${i}`, `write ${prefix}${i} 0 ${fileBlocks * 1024} ${i & 0xff}`);
    if (fs.apply(write).lines[0] !== "ok") break;
  }
  return lines;
}

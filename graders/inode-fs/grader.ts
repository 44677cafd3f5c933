// inode-fs: a small ext2 on a block device. Edge cases first, each probing one rule the statement
// pins (the indirect block's place, the largest file, names of 27 and 28 bytes, slots reused, link
// counts, all-or-nothing ENOSPC), then random and large mixes; the expected answers and image come
// from the TypeScript oracle, and the checker runs the grader's fsck on every image. Performance:
// CPU against the reference on a long mix over thousands of files.
import { againstReference } from "@/graders/core/checkers";
import { memoized, memoizedBySpeed } from "@/graders/core/memo";
import { SeededRandom } from "@/graders/core/random";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";
import type { Language } from "@/contracts/languages";
import { checkInodeFs } from "@/graders/inode-fs/checker";
import { expectedOutput } from "@/graders/inode-fs/fs";
import { formatInput, type Workload } from "@/graders/inode-fs/format";
import { fill, type Mix, randomMix, scripted } from "@/graders/inode-fs/generate";

const count = (value: number) => value.toLocaleString("en-US");

function test(name: string, what: string, workload: Workload, withExpected = true): IoTestCase {
  return {
    name,
    visibility: "hidden",
    description: `${count(workload.blocks)} blocks, ${count(workload.commands.length)} commands: ${what}`,
    input: formatInput(workload),
    expected: withExpected ? expectedOutput(workload) : undefined,
  };
}

const EVERYTHING = { mkdir: 2, create: 4, write: 6, read: 3, stat: 2, ls: 1, link: 2, unlink: 3, rmdir: 1 };
const mix = (random: SeededRandom, shape: Partial<Mix> & Pick<Mix, "blocks" | "commands">): Workload =>
  randomMix(random, { weights: EVERYTHING, maxWrite: 4_000, strays: 0.1, ...shape });

const repeat = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("; ");

/** A chain of `depth` directories, each name `width` bytes: the path of the deepest. */
function chain(depth: number, width: number): string {
  return Array.from({ length: depth }, (_, i) => `/${String.fromCharCode(97 + (i % 26)).repeat(width - 2)}${String(i).padStart(2, "0")}`).join("");
}

const sharedTests = memoized((seed: number): IoTestCase[] => {
  const random = new SeededRandom(seed);
  const fork = (label: string) => random.fork(label);
  const deep = chain(30, 27);
  const deepDirs = Array.from({ length: 30 }, (_, i) => chain(i + 1, 27));
  return [
    test("empty file system", "mkfs, then only looking", scripted(64, "ls /; stat /; read / 0 10; ls /nothing; unlink /nothing; rmdir /")),
    test(
      "the largest device",
      "8,192 blocks: 2,048 inodes, 128 inode-table blocks",
      scripted(8192, "ls /; mkdir /a; create /a/b; write /a/b 0 5000 9; stat /a/b; ls /a"),
    ),
    test(
      "names of 27 and 28 bytes",
      "a name of 27 bytes fills its entry to the NUL; one of 28 is refused on every command",
      scripted(
        64,
        "create /abcdefghijklmnopqrstuvwxyz0; mkdir /zyxwvutsrqponmlkjihgfedcba9; create /zyxwvutsrqponmlkjihgfedcba9/abcdefghijklmnopqrstuvwxyz0; ls /; ls /zyxwvutsrqponmlkjihgfedcba9; create /abcdefghijklmnopqrstuvwxyz01; mkdir /abcdefghijklmnopqrstuvwxyz01; stat /abcdefghijklmnopqrstuvwxyz01; write /abcdefghijklmnopqrstuvwxyz01/x 0 1 1; link /abcdefghijklmnopqrstuvwxyz0 /abcdefghijklmnopqrstuvwxyz01; link /abcdefghijklmnopqrstuvwxyz0 /zyxwvutsrqponmlkjihgfedcba9/bcdefghijklmnopqrstuvwxyz01; rmdir /abcdefghijklmnopqrstuvwxyz01; unlink /abcdefghijklmnopqrstuvwxyz01/a; unlink /abcdefghijklmnopqrstuvwxyz0; ls /",
      ),
    ),
    test(
      "deep paths",
      "30 directories deep, names of 27 bytes; a file on the way, a name missing on the way",
      scripted(
        512,
        `${deepDirs.map((d) => `mkdir ${d}`).join("; ")}; create ${deep}/f; write ${deep}/f 0 3000 4; stat ${deep}/f; ls ${deep}; create ${deepDirs[3]}/file; create ${deepDirs[3]}/file/x; mkdir ${deepDirs[3]}/nothing/x; stat ${deepDirs[3]}/file/x; rmdir ${deepDirs[28]}; unlink ${deep}/f; rmdir ${deep}; stat ${deepDirs[28]}`,
      ),
    ),
    test(
      "ten blocks, then the indirect block",
      "a file of exactly 10 blocks, then its 11th needs the indirect block first",
      scripted(
        64,
        "create /f; write /f 0 10240 3; stat /f; read /f 10230 100; write /f 10240 1 4; stat /f; read /f 10230 100; write /f 11264 1024 5; stat /f; create /g; write /g 0 1 6; stat /g",
      ),
    ),
    test(
      "the largest file",
      "272,384 bytes: 266 data blocks and the indirect block; one byte past it is EFBIG",
      scripted(
        512,
        "create /f; write /f 0 272384 7; stat /f; read /f 272000 1000; write /f 272384 1 8; write /f 272383 2 8; write /f 272383 1 9; read /f 0 272384; write /f 1000000 0 1; write /f 272384 0 1; stat /f; unlink /f; create /g; write /g 0 1 1; stat /g",
      ),
    ),
    test(
      "writes past the end",
      "the gap is zeros; an overwrite in the middle; a write of 0 bytes past the end changes nothing",
      scripted(
        64,
        "create /f; write /f 5000 10 1; stat /f; read /f 0 5010; read /f 4990 30; write /f 100 50 2; read /f 90 70; write /f 9000 0 3; stat /f; write /f 2047 2 4; read /f 2040 20; read /f 5010 10; read /f 6000 10",
      ),
    ),
    test(
      "a directory past one block",
      "33 entries take a second block; removed names leave empty slots that the next names take, lowest first",
      scripted(
        512,
        `mkdir /d; ${repeat(40, (i) => `create /d/f${i}`)}; stat /d; unlink /d/f5; unlink /d/f2; unlink /d/f30; ls /d; create /d/new1; create /d/new2; create /d/new3; create /d/new4; ls /d; stat /d`,
      ),
    ),
    test(
      "hard links",
      "links to one file from several directories; unlink of a linked name keeps the data; a directory cannot be linked",
      scripted(
        128,
        "mkdir /a; mkdir /b; create /a/f; write /a/f 0 3000 7; link /a/f /b/g; link /a/f /h; stat /a/f; link /a/f /b/g; link /a /c; link /nothing /x; link /a/f /nothing/x; unlink /a/f; stat /b/g; read /h 0 3000; ls /a; ls /b; unlink /h; stat /b/g; unlink /b/g; stat /b/g; create /z; stat /z; link /z /a/f; stat /a/f",
      ),
    ),
    test(
      "many hard links",
      "400 names of one file in one directory: the directory grows past ten blocks, into its indirect block",
      scripted(
        256,
        `create /f; write /f 0 100 1; mkdir /d; ${repeat(400, (i) => `link /f /d/l${i}`)}; stat /f; stat /d; ${repeat(200, (i) => `unlink /d/l${2 * i}`)}; stat /f; link /f /d/again; stat /d; unlink /f; stat /d/l1; read /d/l399 0 100`,
      ),
    ),
    test(
      "rmdir and unlink",
      "rmdir of a directory that is not empty, of a file, of the root; unlink of a directory; link counts of parents",
      scripted(
        128,
        "mkdir /a; mkdir /a/b; mkdir /a/c; create /a/c/f; stat /a; rmdir /a; rmdir /a/c; unlink /a/c; rmdir /a/c/f; rmdir /; unlink /; unlink /a/c/f; rmdir /a/c; stat /a; rmdir /a/b; stat /a; ls /a; rmdir /a; ls /; stat /; mkdir /a; stat /a",
      ),
    ),
    test(
      "every error",
      "each error code of each command",
      scripted(
        64,
        "mkdir /; create /; mkdir /d; create /d; mkdir /d; create /f; mkdir /f/x; create /f/x; mkdir /no/x; write /d 0 1 1; read /d 0 1; write /no 0 1 1; read /f/x 0 1; ls /f; ls /no; stat /f/x; link /d /x; link /f /d; link /f /f; link /f /" +
          "; unlink /d; rmdir /f; rmdir /no; rmdir /; write /f 272384 1 1; write /f 1 272384 1; link /f /abcdefghijklmnopqrstuvwxyz012; stat /abcdefghijklmnopqrstuvwxyz012/x",
      ),
    ),
    test(
      "full disk: blocks",
      "a write of 21 blocks with 18 free changes nothing; then 18 fit exactly; ENOSPC for one block more",
      scripted(
        64,
        "create /a; write /a 0 30720 5; create /b; write /b 0 10240 6; write /b 10240 20480 6; stat /b; read /b 10000 1000; write /b 10240 17408 6; stat /b; create /c; write /c 0 1024 1; write /c 0 1 1; stat /c; mkdir /d; create /e; unlink /a; write /b 27648 1 6; mkdir /d; stat /b; stat /",
      ),
    ),
    test(
      "full disk: the indirect block",
      "one block free when a file needs its 11th data block: not enough with the indirect block",
      scripted(
        64,
        "create /a; write /a 0 38912 1; create /b; write /b 0 10240 2; create /c; write /c 0 9216 3; write /b 10240 1024 2; stat /b; unlink /c; write /b 10240 1024 2; stat /b; stat /",
      ),
    ),
    test(
      "full disk: inodes",
      "16 inodes on 64 blocks: the 15th file is ENOSPC; names come back",
      scripted(64, `${repeat(16, (i) => `create /f${i}`)}; mkdir /d; link /f0 /g; unlink /f3; mkdir /d; create /f15; ls /`),
    ),
    test(
      "full disk: directories",
      "a root of 32 full slots and one block free: mkdir needs two (its own and the root's next), create one",
      scripted(
        64,
        `create /f; ${repeat(28, (i) => `link /f /l${i}`)}; create /big; write /big 0 58368 1; stat /; mkdir /d; create /e; stat /; stat /big; mkdir /d`,
      ),
    ),
    test(
      "filled, then emptied",
      "files of 3 blocks until ENOSPC, then every other one removed and the space reused",
      scripted(
        300,
        [...fill(300, 3), ...Array.from({ length: 40 }, (_, i) => `unlink /f${2 * i}`), "create /big", "write /big 0 100000 9", "stat /big"].join("; "),
      ),
    ),
    test("random, small disk", "a tight 64 blocks, ENOSPC often", mix(fork("small"), { blocks: 64, commands: 600 })),
    test("random, large writes", "writes up to the largest file", mix(fork("large writes"), { blocks: 1_024, commands: 500, maxWrite: 272_384 })),
    test(
      "random, directories",
      "many directories, rmdir often",
      mix(fork("dirs"), { blocks: 512, commands: 1_500, weights: { ...EVERYTHING, mkdir: 6, rmdir: 4 } }),
    ),
    test("random, links", "hard links and unlinks", mix(fork("links"), { blocks: 512, commands: 1_500, weights: { ...EVERYTHING, link: 6, unlink: 5 } })),
    test("random, strays", "a third of the paths chosen at random: errors", mix(fork("strays"), { blocks: 256, commands: 1_500, strays: 0.35 })),
  ];
});

/** The large tests, per language: thousands of files and a disk nearly full (fewer commands in Python). */
const largeTests = memoizedBySpeed((seed: number, language: Language): IoTestCase[] => {
  const commands = language === "python" ? 6_000 : 30_000;
  const random = new SeededRandom(seed).fork("large");
  return [
    test(
      `large: thousands of files, ${count(commands)} commands`,
      "8,192 blocks, small files in a few hundred directories",
      mix(random.fork("files"), {
        blocks: 8_192,
        commands,
        maxWrite: 1_000,
        weights: { mkdir: 1, create: 8, write: 6, read: 3, stat: 2, ls: 0.05, link: 2, unlink: 2, rmdir: 0.3 },
      }),
    ),
    test(
      `large: a disk nearly full, ${count(commands)} commands`,
      "2,048 blocks, writes until ENOSPC, then churn",
      mix(random.fork("full"), { blocks: 2_048, commands, maxWrite: 30_000, weights: { create: 3, write: 8, read: 2, unlink: 2, stat: 1, mkdir: 0.5 } }),
    ),
  ];
});

function hiddenTests(seed: number, language: Language): IoTestCase[] {
  return [...sharedTests(seed, language), ...largeTests(seed, language)];
}

/**
 * The performance workload, sized per language so that the reference spends at least ~150 ms of
 * CPU on it: a long mix over thousands of files on the largest device.
 */
const performanceWorkloads = memoizedBySpeed((seed: number, language: Language): IoTestCase[] => {
  const commands = language === "python" ? 8_000 : 50_000;
  const workload = mix(new SeededRandom(seed).fork("performance"), {
    blocks: 8_192,
    commands,
    weights: { mkdir: 1, create: 6, write: 6, read: 4, stat: 3, ls: 0.02, link: 2, unlink: 3, rmdir: 0.3 },
  });
  return [test(`performance: ${count(commands)} commands`, "thousands of files on 8,192 blocks", workload, false)];
});

export default defineIoGrader({
  check: checkInodeFs,
  hiddenTests,
  performance: {
    workloads: performanceWorkloads,
    check: againstReference(checkInodeFs),
    tolerance: 4,
  },
});

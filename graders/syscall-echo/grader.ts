// syscall-echo: every line back with its length in bytes. Exact output; a large input for the
// performance check, where a read per byte or a quadratic buffer is many times the reference's cost.
// The drivers (exercises/syscall-echo/starter) cut the first reads and writes short at awkward places
// and check the C and Go error returns; the source rules refuse the buffered I/O the statement forbids.
import { exactOutput } from "@/graders/core/checkers";
import { SeededRandom } from "@/graders/core/random";
import { memoized } from "@/graders/core/memo";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";
import type { Language } from "@/contracts/languages";

/** The oracle: what a correct program prints for `input`. */
export function echoLines(input: string): string {
  if (input === "") return "";
  const lines = input.split("\n");
  if (input.endsWith("\n")) lines.pop();
  return lines.map((line) => `${Buffer.byteLength(line, "utf8")} ${line}\n`).join("");
}

const WORDS = ["read", "write", "fd", "EINTR", "pipe", "buffer", "syscall", "kernel", "page", "inode", "é", "∑", "🐧", "\t", " "];

function randomLine(random: SeededRandom, maxWords: number): string {
  const count = random.int(0, maxWords);
  let line = "";
  for (let i = 0; i < count; i++) line += random.pick(WORDS) + (random.next() < 0.7 ? " " : "");
  return line;
}

/** `count` lines of none to two characters: the most work per byte the program reads (a line's number and its write). */
function shortLines(random: SeededRandom, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push("ab".slice(0, random.int(0, 2)));
  return `${out.join("\n")}\n`;
}

/**
 * Lines in the performance workload, per language, so the reference spends at least ~150 ms of CPU
 * on it (measured with `npm run graders:sizes`): the work is moving bytes, so it takes millions of
 * short lines (megabytes in and out) to measure C's reference reliably.
 */
const PERFORMANCE_LINES: Record<Language, number> = { c: 3_200_000, cpp: 3_200_000, go: 4_000_000, python: 700_000 };

function manyLines(random: SeededRandom, lines: number, maxWords: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(randomLine(random, maxWords));
  return `${out.join("\n")}\n`;
}

function test(name: string, description: string, input: string): IoTestCase {
  return { name, description, visibility: "hidden", input, expected: echoLines(input) };
}

/** A line longer than the "megabyte or more" the statement promises. */
const LONG_LINE = (5 << 20) / 2;

export default defineIoGrader({
  // "Use the system calls directly": the buffered layers that would do the exercise's point.
  sourceRules: {
    c: [
      {
        names: [
          "FILE",
          "stdin",
          "stdout",
          "fopen",
          "fdopen",
          "freopen",
          "fmemopen",
          "open_memstream",
          "popen",
          "tmpfile",
          "fread",
          "fwrite",
          "fgets",
          "fgetc",
          "getc",
          "getchar",
          "gets",
          "getline",
          "getdelim",
          "scanf",
          "vscanf",
          "printf",
          "vprintf",
          "puts",
          "putchar",
          "dprintf",
          "vdprintf",
        ],
        why: "this exercise is about read(2) and write(2) themselves: use them, not stdio's buffered streams (snprintf is fine for the number; fprintf(stderr, …) for debugging).",
      },
    ],
    go: [
      {
        modules: ["bufio", "os", "io/ioutil"],
        why: "this exercise is about the system calls themselves: use syscall.Read and syscall.Write on the descriptors you are given, not bufio or os.File.",
      },
      {
        names: ["Print", "Printf", "Println", "Scan", "Scanf", "Scanln"],
        why: "fmt's Print and Scan functions go through os.Stdout and os.Stdin: use syscall.Read and syscall.Write (strconv for the number; println() writes to standard error for debugging).",
      },
    ],
    python: [
      {
        modules: ["sys", "io", "_io", "fileinput", "codecs", "posix"],
        why: "this exercise is about the system calls themselves: use os.read and os.write on the descriptors you are given, not sys.stdin or file objects.",
      },
      // In code only: "input" is in every other docstring here.
      {
        names: ["open", "fdopen", "print", "input"],
        codeOnly: true,
        why: "file objects, input() and print() buffer for you: use os.read and os.write on the descriptors you are given (os.write(2, …) for debugging).",
      },
    ],
  },
  check: exactOutput,
  hiddenTests: (seed) => {
    const random = new SeededRandom(seed);
    return [
      test("empty input", "empty input", ""),
      test("no final newline", "a last line without a newline", "first\nsecond\nno newline here"),
      test("only newlines", "1,000 empty lines", "\n".repeat(1000)),
      test("trailing white space", "lines ending in spaces and tabs", "end with space \nend with tab\t\n  \n\t\t\n"),
      test("multi-byte characters", "multi-byte UTF-8 characters", "é\n∑ sum\n🐧 penguin\nnaïve café\n"),
      test("one long line", "a line of 2.5 MiB", `${"x".repeat(LONG_LINE)}\nshort\n`),
      test("long line, no newline", "a 300 KiB line with no newline", "y".repeat(300 * 1024)),
      test("many short lines", "50,000 short lines", manyLines(random.fork("many"), 50_000, 3)),
      test("random text", "random text", manyLines(random.fork("random"), 2_000, 30)),
    ];
  },
  performance: {
    workloads: memoized((seed, language) => {
      const lines = PERFORMANCE_LINES[language];
      return [test("large input", `${lines.toLocaleString("en-US")} short lines`, shortLines(new SeededRandom(seed).fork("perf"), lines))];
    }),
    tolerance: 3,
  },
});

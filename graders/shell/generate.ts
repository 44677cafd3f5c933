// Random scripts for the shell's hidden tests: and-or lists of pipelines over the programs the model
// knows (osh.ts), with redirections into files of /tmp that later lines read back, so that a wrong
// status, a lost redirection or a stage fed the wrong input shows in the output. Within a pipeline,
// no file is both written and read, nor written twice: its stages run at once, and the result would
// depend on which ran first.
import type { SeededRandom } from "@/graders/core/random";

const WORDS = ["alpha", "beta", "gamma", "delta", "x", "42", "a.b", "some words", "", "it's", 'say "hi"', "$HOME", "a|b", "semi;colon", "tab\there"];

/** A word as the script writes it: plain, or quoted in one of the ways the statement allows. */
export function quote(random: SeededRandom, word: string): string {
  const plain = /^[A-Za-z0-9._/=+-]+$/.test(word);
  const style = plain ? random.int(0, 3) : random.int(1, 3);
  if (style === 0) return word;
  if (style === 1 && !word.includes("'")) return `'${word}'`;
  if (style === 2) return `"${word.replace(/["\\$]/g, (c) => `\\${c}`)}"`;
  if (word === "") return "''";
  return word.replace(/[^A-Za-z0-9._/=+-]/g, (c) => (c === "\t" ? "'\t'" : `\\${c}`));
}

interface Files {
  /** Files that exist (written by earlier lines). */
  existing: string[];
  next: number;
}

/** A first stage: something that prints, or fails. */
function source(random: SeededRandom, files: Files, reads: Set<string>): string {
  const kind = random.int(0, 9);
  if (kind <= 2) {
    const words = Array.from({ length: random.int(1, 4) }, () => quote(random, random.pick(WORDS)));
    return `echo ${words.join(" ")}`;
  }
  if (kind <= 4) return random.int(0, 1) ? `seq ${random.int(1, 30)}` : `seq ${random.int(1, 5)} ${random.int(5, 40)}`;
  if (kind === 5 && files.existing.length > 0) {
    const file = random.pick(files.existing);
    reads.add(file);
    return random.int(0, 1) ? `cat ${file}` : `cat < ${file}`;
  }
  if (kind === 6) return random.pick(["true", "false", `sh -c 'exit ${random.int(0, 5)}'`, "sh -c 'kill -TERM $$'"]);
  if (kind === 7) return random.pick(["nosuch-command", "/tmp/missing/program", "/tmp"]);
  if (kind === 8) return `echo "status $?"`;
  return `seq ${random.int(1, 3000)}`;
}

/** A later stage: a filter of its standard input. */
function filter(random: SeededRandom): string {
  return random.pick(["cat", "wc -l", "wc -c", `head -n ${random.int(0, 5)}`, `tail -n ${random.int(1, 3)}`, "tr a-z A-Z", `head -c ${random.int(1, 9)}`]);
}

/** A pipeline, its last stage maybe redirected into a file, some stage's errors maybe into another. */
function pipeline(random: SeededRandom, files: Files): string {
  const reads = new Set<string>();
  const stages = [source(random, files, reads)];
  for (let n = random.pick([0, 0, 1, 1, 2, 3]); n > 0; n--) stages.push(filter(random));
  const fresh = () => `/tmp/f${files.next++}`;
  const written: string[] = [];
  if (random.int(0, 3) === 0) {
    const target = random.int(0, 1) && files.existing.some((f) => !reads.has(f)) ? random.pick(files.existing.filter((f) => !reads.has(f))) : fresh();
    stages[stages.length - 1] += ` ${random.pick([">", ">>"])} ${target}`;
    written.push(target);
  }
  if (random.int(0, 5) === 0) {
    const target = fresh();
    const at = random.int(0, stages.length - 1);
    stages[at] += ` 2> ${target}`;
    written.push(target);
  }
  for (const file of written) if (!files.existing.includes(file)) files.existing.push(file);
  return stages.join(random.pick([" | ", "|", " |"]));
}

/** A line: and-or lists of pipelines, joined by `;`, ending now and then with a look at a file or `$?`. */
export function randomLine(random: SeededRandom, files: Files): string {
  const lists = Array.from({ length: random.pick([1, 1, 1, 2, 3]) }, () => {
    const pipelines = [pipeline(random, files)];
    for (let n = random.pick([0, 0, 1, 2]); n > 0; n--) pipelines.push(`${random.pick(["&&", "||"])} ${pipeline(random, files)}`);
    return pipelines.join(" ");
  });
  const line = lists.join(random.pick(["; ", ";", " ; "]));
  if (random.int(0, 3) === 0) return `${line}; echo $?`;
  if (random.int(0, 4) === 0 && files.existing.length > 0) return `${line}; cat ${random.pick(files.existing)}`;
  return line;
}

/** A script of `count` random lines; every file it writes is in /tmp. */
export function randomScript(random: SeededRandom, count: number): string {
  const files: Files = { existing: [], next: 0 };
  const lines = Array.from({ length: count }, () => randomLine(random, files));
  lines.push(`cat ${files.existing.length ? files.existing.join(" ") : "/dev/null"}; echo $?`);
  return `${lines.join("\n")}\n`;
}

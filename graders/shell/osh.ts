// The oracle of the shell exercise: osh's language (exercises/shell/README.md) read and run by a
// model. The model runs scripts against a model of the sandbox (a file system whose only writable
// place is /tmp) and of the programs the tests use (echo, cat, seq, wc, head, tail, yes, tr, sleep,
// mkdir, pwd, true, false, `ls /proc/self/fd`, the zombie count, `sh -c` killing itself), so it knows the
// output a correct shell gives without running one, and which script line printed each output line.
// The tests keep to what the model knows (`ModelError` otherwise); its parser is the statement's.

/** A part of a word: text, or `$?` to be replaced when the pipeline runs. */
export type Part = string | { status: true };
export type Word = Part[];
export type Operator = "|" | "||" | "&" | "&&" | ";" | "<" | ">" | ">>" | "2>" | "2>>";
type Token = { word: Word } | { op: Operator };

export interface Redirection {
  op: "<" | ">" | ">>" | "2>" | "2>>";
  target: Word;
}
export interface Command {
  words: Word[];
  redirections: Redirection[];
  /** Words and redirections in the order written (redirections apply in this order). */
  items: ({ word: Word } | { redirection: Redirection })[];
}
export type Pipeline = Command[];
export interface AndOr {
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
}
export interface ListItem {
  andOr: AndOr;
  background: boolean;
}
export type ParsedLine = { ok: true; lists: ListItem[] } | { ok: false; message: string };

/** A script the model cannot run: the test generator stepped outside what the model knows. */
export class ModelError extends Error {}

const BLANK = /[ \t]/;
const OPERATOR_START = /[|&;<>]/;

/** The line's tokens, or the unterminated-quote error. */
export function tokenize(line: string): Token[] | { error: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (BLANK.test(c)) {
      i++;
      continue;
    }
    if (c === "#") break;
    if (line.startsWith("2>>", i)) {
      tokens.push({ op: "2>>" });
      i += 3;
      continue;
    }
    if (line.startsWith("2>", i)) {
      tokens.push({ op: "2>" });
      i += 2;
      continue;
    }
    const op = (["||", "&&", ">>", "|", "&", ";", "<", ">"] as const).find((candidate) => line.startsWith(candidate, i));
    if (op) {
      tokens.push({ op });
      i += op.length;
      continue;
    }
    const word: Part[] = [];
    const text = (s: string) => {
      const last = word[word.length - 1];
      if (typeof last === "string") word[word.length - 1] = last + s;
      else word.push(s);
    };
    while (i < line.length && !BLANK.test(line[i]!) && !OPERATOR_START.test(line[i]!)) {
      const ch = line[i]!;
      if (ch === "'") {
        const end = line.indexOf("'", i + 1);
        if (end === -1) return { error: "osh: syntax error: unterminated quote" };
        text(line.slice(i + 1, end));
        i = end + 1;
      } else if (ch === '"') {
        i++;
        for (;;) {
          if (i >= line.length) return { error: "osh: syntax error: unterminated quote" };
          const d = line[i]!;
          if (d === '"') {
            i++;
            break;
          }
          if (d === "\\" && i + 1 < line.length && '"\\$'.includes(line[i + 1]!)) {
            text(line[i + 1]!);
            i += 2;
          } else if (d === "$" && line[i + 1] === "?") {
            word.push({ status: true });
            i += 2;
          } else {
            text(d);
            i++;
          }
        }
      } else if (ch === "\\") {
        text(i + 1 < line.length ? line[i + 1]! : "\\");
        i += 2;
      } else if (ch === "$" && line[i + 1] === "?") {
        word.push({ status: true });
        i += 2;
      } else {
        text(ch);
        i++;
      }
    }
    if (word.length === 0) word.push("");
    tokens.push({ word });
  }
  return tokens;
}

const isRedirection = (op: Operator): op is Redirection["op"] => op === "<" || op === ">" || op === ">>" || op === "2>" || op === "2>>";

/** The statement's grammar over one line; the first operator out of place is the error. */
export function parseLine(line: string): ParsedLine {
  const tokens = tokenize(line);
  if ("error" in tokens) return { ok: false, message: tokens.error };
  let at = 0;
  const near = (): never => {
    const token = tokens[at];
    throw new SyntaxProblem(`osh: syntax error near '${token && "op" in token ? token.op : "newline"}'`);
  };
  const peekOp = (): Operator | null => {
    const token = tokens[at];
    return token && "op" in token ? token.op : null;
  };
  const command = (): Command => {
    const result: Command = { words: [], redirections: [], items: [] };
    for (;;) {
      const token = tokens[at];
      if (token && "word" in token) {
        result.words.push(token.word);
        result.items.push({ word: token.word });
        at++;
      } else if (token && isRedirection(token.op)) {
        at++;
        const target = tokens[at];
        if (!target || !("word" in target)) near();
        const redirection = { op: token.op as Redirection["op"], target: (target as { word: Word }).word };
        result.redirections.push(redirection);
        result.items.push({ redirection });
        at++;
      } else break;
    }
    if (result.items.length === 0) near();
    return result;
  };
  const pipeline = (): Pipeline => {
    const commands = [command()];
    while (peekOp() === "|") {
      at++;
      commands.push(command());
    }
    return commands;
  };
  const andOr = (): AndOr => {
    const result: AndOr = { first: pipeline(), rest: [] };
    for (let op = peekOp(); op === "&&" || op === "||"; op = peekOp()) {
      at++;
      result.rest.push({ op, pipeline: pipeline() });
    }
    return result;
  };
  try {
    const lists: ListItem[] = [];
    while (at < tokens.length) {
      const item = andOr();
      const op = peekOp();
      if (at < tokens.length && op !== ";" && op !== "&") near();
      lists.push({ andOr: item, background: op === "&" });
      at++;
    }
    return { ok: true, lists };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, message: error.message };
    throw error;
  }
}

class SyntaxProblem extends Error {}

// ---- The model of the sandbox and its programs.

/** What a test's output line shows: the category the checker explains. */
export type Shows = "output" | "status" | "descriptors" | "zombies" | "files" | "exit";

export interface OutputLine {
  text: string;
  /** The script line (1-based) that printed it; 0 for the driver's closing line. */
  line: number;
  shows: Shows;
}

/** Standard input of a model program: text, or `yes`'s endless lines. */
type Input = string | { repeat: string };

type Node = { kind: "dir" } | { kind: "file"; content: string };

const TOOLS = new Set(["echo", "cat", "seq", "wc", "head", "tail", "yes", "tr", "sleep", "mkdir", "true", "false", "ls", "find", "sh", "pwd"]);
const ZOMBIE_PROBE = ["find", "/proc", "-mindepth", "2", "-maxdepth", "2", "-name", "status", "-exec", "grep", "-l", "zombie", "{}", "+"];
const SIGNALS: Record<string, number> = { TERM: 15, KILL: 9, INT: 2, HUP: 1, USR1: 10 };

interface Result {
  status: number;
  stdout: Input;
  stderr: string;
}

function normalize(path: string, cwd: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith("/") ? path : `${cwd}/${path}`).split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

const decimal = (text: string) => /^\d+$/.test(text);

/** A model of one run of the shell over a script. */
class Machine {
  private readonly nodes = new Map<string, Node>([
    ["/", { kind: "dir" }],
    ["/tmp", { kind: "dir" }],
    ["/usr", { kind: "dir" }],
    ["/usr/bin", { kind: "dir" }],
    ["/bin", { kind: "dir" }],
    ["/proc", { kind: "dir" }],
    ["/dev", { kind: "dir" }],
  ]);
  private cwd = "/";
  private status = 0;
  readonly output: OutputLine[] = [];
  /** The script's lines, for what each one shows. */
  private lines: string[] = [];

  run(script: string): OutputLine[] {
    const all = script.split("\n");
    this.lines = all;
    if (all[all.length - 1] === "") all.pop();
    let exit: number | null = null;
    for (let n = 0; n < all.length && exit === null; n++) exit = this.line(all[n]!, n + 1);
    this.print(`osh: exit ${exit ?? this.status}\n`, 0, "exit");
    return this.output;
  }

  /** Background lists started and not yet waited for. */
  private background: { andOr: AndOr; number: number; status: number; cwd: string }[] = [];

  /** The `wait` built-in: the background lists run to their end, changing nothing in the shell. */
  private waitForBackground(): void {
    const { status, cwd } = this;
    this.subshell = true;
    for (const list of this.background.splice(0)) {
      this.status = list.status;
      this.cwd = list.cwd;
      this.andOr(list.andOr, list.number);
    }
    this.subshell = false;
    this.status = status;
    this.cwd = cwd;
  }

  /** Running a background list: built-ins act in its child (exit ends the list, wait has nothing to wait for). */
  private subshell = false;

  /** The line being printed, not yet ended by a newline, and who began it. */
  private pending: OutputLine | null = null;

  /** Output reaching the shell's standard output; a line belongs to the command that began it. */
  private print(text: string, line: number, shows: Shows): void {
    const pieces = text.split("\n");
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (piece !== "") this.pending ??= { text: "", line, shows };
      if (this.pending) this.pending.text += piece;
      if (i < pieces.length - 1) {
        this.output.push(this.pending ?? { text: "", line, shows });
        this.pending = null;
      }
    }
  }

  /** Runs one line; the exit status when it ends the shell. */
  private line(text: string, number: number): number | null {
    const parsed = parseLine(text);
    if (!parsed.ok) {
      this.status = 2;
      return null;
    }
    for (const item of parsed.lists) {
      if (item.background) {
        // Its effects are seen after `wait` (the tests read nothing of it before): it runs then, as
        // a child would have, with the $? and directory it started with.
        this.background.push({ andOr: item.andOr, number, status: this.status, cwd: this.cwd });
        this.status = 0;
        continue;
      }
      const exit = this.andOr(item.andOr, number);
      if (exit !== null) return exit;
    }
    return null;
  }

  private andOr(list: AndOr, number: number): number | null {
    let exit = this.pipeline(list.first, number);
    if (exit !== null) return exit;
    for (const { op, pipeline } of list.rest) {
      if ((op === "&&") !== (this.status === 0)) continue;
      exit = this.pipeline(pipeline, number);
      if (exit !== null) return exit;
    }
    return null;
  }

  private expand(word: Word): string {
    return word.map((part) => (typeof part === "string" ? part : String(this.status))).join("");
  }

  /** Runs a pipeline; the exit status when it is a lone `exit`. */
  private pipeline(commands: Pipeline, number: number): number | null {
    const alone = commands.length === 1;
    let input: Input = "";
    let status = 0;
    for (let i = 0; i < commands.length; i++) {
      const command = commands[i]!;
      const last = i === commands.length - 1;
      const argv = command.words.map((word) => this.expand(word));
      const result = this.command(argv, command, input, alone);
      if ("exit" in result) return result.exit;
      status = result.status;
      if (last) {
        if (typeof result.stdout !== "string") throw new ModelError("endless output reaches the end of a pipeline");
        this.print(result.stdout, number, this.shows(number, commands, command, argv));
      }
      input = result.stdout;
    }
    this.status = status;
    return null;
  }

  /** What a pipeline's output shows: a line listing descriptors or counting zombies shows them throughout (a file of them printed after). */
  private shows(number: number, commands: Pipeline, last: Command, argv: string[]): Shows {
    const line = this.lines[number - 1] ?? "";
    if (line.includes("ls /proc/self/fd")) return "descriptors";
    if (line.includes(ZOMBIE_PROBE.join(" "))) return "zombies";
    if (last.words.some((word) => word.some((part) => typeof part !== "string"))) return "status";
    if (commands.some((command) => command.redirections.some((r) => r.op === "<")) || (argv[0] === "cat" && argv.length > 1)) return "files";
    return "output";
  }

  /**
   * One command of a pipeline: redirections in order, then the built-in or the program. Its output
   * goes on in the pipe, or into the file its redirections chose (the next stage then reads nothing).
   */
  private command(argv: string[], command: Command, input: Input, alone: boolean): { exit: number } | { status: number; stdout: Input } {
    let stdin: Input = input;
    // The files standard output and error go to: opened (created, truncated) already, written at their end.
    let stdout: string | null = null;
    let stderr: string | null = null;
    const writeTo = (path: string | null, text: string) => {
      if (!path || path === "/dev/null") return;
      const node = this.nodes.get(path) as { kind: "file"; content: string };
      node.content += text;
    };
    for (const redirection of command.redirections) {
      const path = this.expand(redirection.target);
      const opened = this.open(path, redirection.op);
      if ("error" in opened) {
        writeTo(stderr, `osh: ${path}: ${opened.error}\n`);
        return { status: 1, stdout: "" };
      }
      if (redirection.op === "<") stdin = opened.content;
      else if (redirection.op === ">" || redirection.op === ">>") stdout = opened.path;
      else stderr = opened.path;
    }
    const result = this.program(argv, stdin, alone);
    if ("exit" in result) return result;
    if (typeof result.stderr === "string") writeTo(stderr, result.stderr);
    if (stdout) {
      if (typeof result.stdout !== "string") throw new ModelError("endless output into a file");
      writeTo(stdout, result.stdout);
      return { status: result.status, stdout: "" };
    }
    return { status: result.status, stdout: result.stdout };
  }

  /** Opens a redirection's file as the sandbox would: only /tmp is writable. */
  private open(name: string, op: Redirection["op"]): { path: string; content: string } | { error: string } {
    const path = normalize(name, this.cwd);
    if (path === "/dev/null") return { path, content: "" };
    const node = this.nodes.get(path);
    const parent = this.nodes.get(path.slice(0, path.lastIndexOf("/")) || "/");
    if (op === "<") {
      if (!node) return { error: "No such file or directory" };
      if (!path.startsWith("/tmp/")) throw new ModelError(`reading ${path}`);
      if (node.kind === "dir") throw new ModelError("reading a directory");
      return { path, content: node.content };
    }
    if (node?.kind === "dir") return { error: "Is a directory" };
    if (parent?.kind !== "dir") return { error: parent ? "Not a directory" : "No such file or directory" };
    if (path !== "/tmp" && !path.startsWith("/tmp/")) return { error: "Read-only file system" };
    if (!node || op === ">" || op === "2>") this.nodes.set(path, { kind: "file", content: "" });
    return { path, content: "" };
  }

  private program(argv: string[], stdin: Input, alone: boolean): { exit: number } | Result {
    const [name, ...args] = argv;
    if (name === undefined) return { status: 0, stdout: "", stderr: "" };
    if (name === "cd" || name === "exit" || name === "wait") return this.builtin(name, args, alone);
    let tool: string | null = null;
    if (name.includes("/")) {
      const path = normalize(name, this.cwd);
      const base = path.slice(path.lastIndexOf("/") + 1);
      if ((path === `/usr/bin/${base}` || path === `/bin/${base}`) && TOOLS.has(base)) tool = base;
      else if (this.nodes.has(path)) return { status: 126, stdout: "", stderr: `osh: ${name}: Permission denied\n` };
      else return { status: 127, stdout: "", stderr: `osh: ${name}: No such file or directory\n` };
    } else if (TOOLS.has(name)) tool = name;
    else return { status: 127, stdout: "", stderr: `osh: ${name}: command not found\n` };
    return this.tool(tool, args, stdin);
  }

  private builtin(name: string, args: string[], alone: boolean): { exit: number } | Result {
    const done = (status: number, stderr = "") => ({ status, stdout: "", stderr });
    if (name === "wait") {
      if (alone && !this.subshell) this.waitForBackground();
      return done(0);
    }
    if (name === "exit") {
      if (args.length > 1 || (args.length === 1 && (!decimal(args[0]!) || Number(args[0]) > 255))) throw new ModelError("exit's argument");
      const status = args.length ? Number(args[0]) : this.status;
      return alone ? { exit: status } : done(status);
    }
    if (args.length > 1) return done(1, "osh: cd: too many arguments\n");
    const target = args[0] ?? "/tmp";
    const path = normalize(target, this.cwd);
    const node = this.nodes.get(path);
    if (!node) {
      if (path.startsWith("/tmp/") || path === "/tmp") return done(1, `osh: cd: ${target}: No such file or directory\n`);
      throw new ModelError(`cd outside the model: ${target}`);
    }
    if (node.kind !== "dir") return done(1, `osh: cd: ${target}: Not a directory\n`);
    if (alone) this.cwd = path;
    return done(0);
  }

  private tool(name: string, args: string[], stdin: Input): Result {
    const ok = (stdout: Input, status = 0, stderr = "") => ({ status, stdout, stderr });
    const text = (): string => {
      if (typeof stdin !== "string") throw new ModelError(`${name} reading endless input`);
      return stdin;
    };
    const count = (flag: string): number => {
      const value = args[args.indexOf(flag) + 1];
      if (args.length !== 2 || args[0] !== flag || value === undefined || !decimal(value)) throw new ModelError(`${name} ${args.join(" ")}`);
      return Number(value);
    };
    switch (name) {
      case "echo":
        if (args.some((arg) => arg.startsWith("-"))) throw new ModelError("echo with an option");
        return ok(`${args.join(" ")}\n`);
      case "true":
        return ok("");
      case "false":
        return ok("", 1);
      case "sleep":
        return ok("");
      case "seq": {
        const numbers = args.map(Number);
        if (!(args.length === 1 || args.length === 2) || !args.every(decimal)) throw new ModelError(`seq ${args.join(" ")}`);
        const [from, to] = numbers.length === 1 ? [1, numbers[0]!] : [numbers[0]!, numbers[1]!];
        const out: string[] = [];
        for (let n = from; n <= to; n++) out.push(`${n}\n`);
        return ok(out.join(""));
      }
      case "yes":
        return ok({ repeat: `${args.length ? args.join(" ") : "y"}\n` });
      case "cat": {
        if (args.length === 0) return ok(stdin);
        let out = "";
        let err = "";
        let status = 0;
        for (const arg of args) {
          const path = normalize(arg, this.cwd);
          const node = path === "/dev/null" ? { kind: "file" as const, content: "" } : this.nodes.get(path);
          if (path !== "/dev/null" && !path.startsWith("/tmp/")) throw new ModelError(`cat ${path}`);
          if (!node) {
            err += `cat: ${arg}: No such file or directory\n`;
            status = 1;
          } else if (node.kind === "dir") throw new ModelError("cat of a directory");
          else out += node.content;
        }
        return ok(out, status, err);
      }
      case "wc": {
        const input = text();
        if (args.length !== 1 || (args[0] !== "-l" && args[0] !== "-c")) throw new ModelError(`wc ${args.join(" ")}`);
        return ok(`${args[0] === "-l" ? (input.match(/\n/g) ?? []).length : Buffer.byteLength(input)}\n`);
      }
      case "head": {
        if (args[0] === "-c") {
          const n = count("-c");
          return ok(typeof stdin === "string" ? stdin.slice(0, n) : stdin.repeat.repeat(Math.ceil(n / stdin.repeat.length)).slice(0, n));
        }
        const n = count("-n");
        if (typeof stdin !== "string") return ok(stdin.repeat.repeat(n));
        return ok(
          stdin
            .split(/(?<=\n)/)
            .slice(0, n)
            .join(""),
        );
      }
      case "tail": {
        const n = count("-n");
        const all = text()
          .split(/(?<=\n)/)
          .filter((piece) => piece !== "");
        return ok(n === 0 ? "" : all.slice(-n).join(""));
      }
      case "tr": {
        if (args.join(" ") !== "a-z A-Z") throw new ModelError(`tr ${args.join(" ")}`);
        return ok(typeof stdin === "string" ? stdin.toUpperCase() : { repeat: stdin.repeat.toUpperCase() });
      }
      case "mkdir": {
        if (args.length !== 1) throw new ModelError("mkdir with other than one argument");
        const path = normalize(args[0]!, this.cwd);
        if (!path.startsWith("/tmp/")) throw new ModelError("mkdir outside /tmp");
        if (this.nodes.has(path)) return ok("", 1, `mkdir: cannot create directory '${args[0]}': File exists\n`);
        if (this.nodes.get(path.slice(0, path.lastIndexOf("/")))?.kind !== "dir") throw new ModelError("mkdir without its parent");
        this.nodes.set(path, { kind: "dir" });
        return ok("");
      }
      case "pwd":
        if (args.length) throw new ModelError("pwd with arguments");
        return ok(`${this.cwd}\n`);
      case "ls":
        if (args.join(" ") !== "/proc/self/fd") throw new ModelError(`ls ${args.join(" ")}`);
        return ok("0\n1\n2\n3\n");
      case "find":
        if (args.join(" ") !== ZOMBIE_PROBE.slice(1).join(" ")) throw new ModelError(`find ${args.join(" ")}`);
        return ok("");
      case "sh": {
        const match = args.length === 2 && args[0] === "-c" ? /^(?:kill -([A-Z0-9]+) \$\$|exit (\d+))$/.exec(args[1]!) : null;
        if (!match) throw new ModelError(`sh ${args.join(" ")}`);
        if (match[2] !== undefined) return ok("", Number(match[2]) & 255);
        const signal = SIGNALS[match[1]!] ?? Number(match[1]);
        if (!signal) throw new ModelError(`signal ${match[1]}`);
        return ok("", 128 + signal);
      }
      default:
        throw new ModelError(`no model of ${name}`);
    }
  }
}

/** What a correct shell prints for `script` (the driver's closing line included), line by line. */
export function runScript(script: string): OutputLine[] {
  return new Machine().run(script);
}

/** The expected output as text. */
export function expectedOutput(script: string): string {
  return runScript(script)
    .map((line) => `${line.text}\n`)
    .join("");
}

/** The zombie count the tests print: the processes in the sandbox whose status says they are zombies. */
export const ZOMBIE_COUNT = `${ZOMBIE_PROBE.join(" ")} | wc -l`;

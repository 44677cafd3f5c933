// shell: osh, run by the driver one line at a time, starts real programs in the sandbox. Its output
// (what those programs print) is compared with the model's (osh.ts), which knows the programs the
// tests use. Hidden tests go through every rule of the statement: words and quotes, each syntax
// error, statuses (exits, signals, missing and non-executable programs), redirections in every order
// and their failures, pipelines of megabytes, of 30 stages and of endless first stages, the
// descriptors a child inherits, the zombies left, background lists and wait, built-ins alone and in
// pipelines, SIGPIPE in children, the shell's exit status; then random scripts. No CPU-time judging:
// a shell's cost is its programs' (fork and exec); a shell that does not run stages concurrently, or
// keeps a pipe end open, never ends, which the wall-time limit turns into TLE.
import { SeededRandom } from "@/graders/core/random";
import { defineIoGrader, type IoTestCase } from "@/graders/core/types";
import { checkShell } from "@/graders/shell/checker";
import { randomScript } from "@/graders/shell/generate";
import { expectedOutput, ZOMBIE_COUNT } from "@/graders/shell/osh";

function test(name: string, lines: string[] | string, description: string): IoTestCase {
  const input = typeof lines === "string" ? lines : `${lines.join("\n")}\n`;
  return { name, visibility: "hidden", description, input, expected: expectedOutput(input) };
}

const WORDS = [
  "echo plain   words\tand tabs",
  `echo 'single $? "quoted"' "double 'quoted' \\"escaped\\" \\\\ \\$? $?" un\\ quoted\\|bar`,
  `echo a'b c'"d"e '' "" x`,
  "echo a#b # a comment",
  `echo back\\slash "keep \\n and \\t" 'and \\n' "a\\b"`,
  `echo $? "$?" '$?' \\$? a$?b`,
  "echo 2>/dev/null visible; echo a2>/tmp/f; cat /tmp/f",
  "echo semi;echo colon&&echo and||echo or",
  "echo pipe|tr a-z A-Z",
  `false; echo "after false: $?"; echo "now: $?"`,
  "# just a comment",
  "   \t ",
  `echo "kept: $?"`,
  "",
  `echo "tab\tinside" end\\`,
];

const SYNTAX = [
  "| echo never",
  "echo $?",
  "echo a | | echo never",
  "echo $?",
  "echo never ||",
  "echo $?",
  "echo never > ; echo never2",
  "echo $?",
  "; echo never",
  "echo never ;; echo never",
  "echo never & & echo never",
  "echo never >",
  "echo $?",
  "echo 'never",
  "echo $?",
  'echo "never',
  "echo $?",
  "echo before && > /tmp/nofile ;;",
  `cat /tmp/nofile 2> /dev/null; echo "cat: $?"`,
  "true &&& echo never",
  "echo $?",
  "echo ok; echo $?",
  "echo ok ;",
  "echo 'in the background' &",
  "wait",
  "echo ok;echo $?",
];

const STATUSES = [
  "true; echo $?",
  "false; echo $?",
  "sh -c 'exit 3'; echo $?",
  "sh -c 'exit 255'; echo $?",
  "sh -c 'kill -TERM $$'; echo $?",
  "sh -c 'kill -KILL $$'; echo $?",
  "sh -c 'kill -INT $$'; echo $?",
  "nosuch-program; echo $?",
  "nosuch-program 2> /tmp/err; cat /tmp/err",
  "/tmp/missing/program 2> /tmp/err2; echo $?; cat /tmp/err2",
  "/tmp 2> /tmp/err3; echo $?; cat /tmp/err3",
  "echo > /tmp/not-executable; /tmp/not-executable 2> /tmp/err4; echo $?; cat /tmp/err4",
  `/usr/bin/echo absolute path; /bin/echo "$?"`,
  "false | true; echo $?",
  "true | false; echo $?",
  "false && echo never; echo $?",
  "true || echo never; echo $?",
  `false || echo "false then $?"`,
  "true || false && echo z",
  "false && echo x || echo y",
  `false || false || echo "third: $?"`,
  `true && sh -c 'exit 4' && echo never || echo "or after $?"`,
  "sh -c 'exit 6' | sh -c 'exit 7'; echo $?",
  "sh -c 'exit 2'",
];

const REDIRECTIONS = [
  "cd /tmp",
  "echo one > a; echo two >> a; echo three >>a; cat a",
  "echo new > a; cat a",
  `> empty; cat empty; echo "empty: $?"`,
  `echo hi > b > c; cat b; echo "b: $?"; cat c`,
  "> d echo written first",
  "cat d",
  "< a wc -l",
  "wc -c < a > e; cat e",
  "cat < a > f 2> g; cat f g",
  `cat < missing; echo "missing input: $?"`,
  "cat < missing > h; echo $?; cat h",
  `cat > i < missing; echo $?; cat i; echo "i: $?"`,
  `echo x > /; echo "directory: $?"`,
  `echo x > /not-tmp; echo "read-only: $?"`,
  `echo x > /tmp/no/dir; echo "no directory: $?"`,
  "cat missing 2> j; echo $?; cat j",
  "cat missing 2>> j; cat j",
  "echo appended 2>> j >> j; cat j",
  `echo "quoted target" > 'k l'; cat "k l"`,
  "echo to null > /dev/null; echo $?",
  "nosuch > out 2> err < a; echo $?; cat out err",
  "echo 2> only-err out; cat only-err",
  "echo $? > status-file; cat status-file",
];

const THIRTY_CATS = Array.from({ length: 29 }, () => "cat").join(" | ");

const PIPELINES = [
  "seq 1 100000 | wc -l",
  "seq 1 1000000 | tail -n 1",
  `seq 3 | ${THIRTY_CATS}`,
  "yes | head -n 3",
  "yes osh | head -c 10; echo",
  "seq 1 100000 | head -n 2",
  "yes | cat | cat | head -n 1",
  "echo never seen > /tmp/p | wc -c",
  "cat /tmp/p",
  "echo a | nosuch-filter 2> /dev/null | wc -l",
  "seq 5 | tail -n 2 | tr a-z A-Z",
  "seq 200000 | cat | cat | tail -n 1",
  `echo one|echo two|echo three`,
  `seq 3 | ${Array.from({ length: 14 }, () => "cat").join("|")} | wc -l`,
  // 21 seconds one stage after another, past the wall-time limit; 0.7 at once.
  `${Array.from({ length: 30 }, () => "sleep 0.7").join(" | ")}; echo "thirty sleeps at once"`,
];

const DESCRIPTORS = [
  "ls /proc/self/fd",
  "ls /proc/self/fd | cat",
  "cat /dev/null | ls /proc/self/fd",
  "echo x | ls /proc/self/fd | cat | cat",
  "seq 3 | cat | ls /proc/self/fd | cat | cat",
  "ls /proc/self/fd > /tmp/fds; cat /tmp/fds",
  "ls /proc/self/fd < /dev/null 2> /tmp/e | cat",
  "echo > /tmp/x; ls /proc/self/fd < /tmp/x",
  "sleep 0.1 | ls /proc/self/fd",
  "sleep 0.2 &",
  "ls /proc/self/fd",
  "seq 10 > /tmp/ten & ls /proc/self/fd",
  "wait",
  "cd /tmp; ls /proc/self/fd",
  "nosuch 2> /tmp/e; ls /proc/self/fd",
  "cat < /tmp/ten > /tmp/copy; ls /proc/self/fd",
  "wc -c",
];

const ZOMBIES = [
  "sleep 0.05 &",
  "sleep 0.05 &",
  "true &",
  "sleep 0.6",
  ZOMBIE_COUNT,
  "true | true | sleep 0.2",
  ZOMBIE_COUNT,
  "sleep 0.05 & sleep 0.05 & seq 3 | sleep 0.05 &",
  "sleep 0.6",
  ZOMBIE_COUNT,
  "nosuch 2> /dev/null | true",
  ZOMBIE_COUNT,
  "sleep 0.1 & wait",
  ZOMBIE_COUNT,
];

const BACKGROUND = [
  "cd /tmp",
  "sleep 1 && echo late > late &",
  `echo "right away: $?"`,
  `cat late 2> /dev/null; echo "before: $?"`,
  "wait",
  "cat late",
  "false &",
  `echo "after a background list: $?"`,
  "cd / &",
  "pwd",
  "exit 3 &",
  `echo "still here"`,
  Array.from({ length: 10 }, (_, i) => `sleep 0.3 > b${i} &`).join(" "),
  `wait; echo "waited: $?"`,
  "echo one > o1 & echo two > o2 &",
  "wait",
  "cat o1 o2",
  `false; echo "started with $?" > p &`,
  "wait; cat p",
  "mkdir bgdir",
  "cd bgdir && pwd > /tmp/where & wait; cat /tmp/where; pwd",
  `exit 4 || echo never > /tmp/never & wait; cat /tmp/never 2> /dev/null; echo "exit ended the list: $?"`,
];

const BUILTINS = [
  "pwd",
  "cd /tmp; pwd",
  "mkdir sub; cd sub; pwd",
  "echo here > file; cd ..; cat sub/file",
  `cd sub/file; echo "not a directory: $?"`,
  `cd nowhere; echo "missing: $?"`,
  `cd a b; echo "two arguments: $?"`,
  "cd; pwd",
  "cd /tmp/sub | cat; pwd",
  `cd nowhere | cat; echo "in a pipeline: $?"`,
  `exit 5 | cat; echo "exit in a pipeline: $?"`,
  "cat /dev/null | exit 4; echo $?",
  `wait | cat; echo "wait in a pipeline: $?"`,
  "cd sub > redirected; pwd; cat /tmp/redirected; echo $?",
  "cd ..; pwd",
  "cd ./sub/../sub; pwd",
  "echo bye; exit 9; echo never",
  "echo never",
];

const SIGPIPE = [
  "yes 2> /tmp/e1 | head -n 1; cat /tmp/e1",
  "seq 1 1000000 2> /tmp/e2 | head -n 2; cat /tmp/e2",
  "yes 2> /tmp/e3 | cat 2> /tmp/e4 | head -c 4; echo; cat /tmp/e3 /tmp/e4",
];

export default defineIoGrader({
  realTime: true,
  sourceRules: {
    c: [{ names: ["system", "popen"], why: "they hand the command to /bin/sh, which would be the shell for you; start programs with fork and execv." }],
    go: [{ modules: ["os/exec"], why: "os/exec starts, wires and waits for programs for you; use os.StartProcess or syscall.ForkExec, os.Pipe and Wait." }],
    python: [
      {
        modules: ["subprocess"],
        why: "subprocess starts, wires and waits for programs for you; use os.fork, os.execv, os.pipe, os.dup2 and os.waitpid.",
      },
      { names: ["system", "popen"], codeOnly: true, why: "os.system and os.popen hand the command to /bin/sh; start programs with os.fork and os.execv." },
    ],
  },
  hiddenTests: (seed) => {
    const random = new SeededRandom(seed);
    return [
      test("words and quotes", WORDS, "blanks, quotes, escapes, $?, comments, operators without blanks"),
      test("syntax errors", SYNTAX, "an operator out of place, a line ending too early, unterminated quotes: nothing of the line runs"),
      test("statuses", STATUSES, "exits, signals, missing and non-executable programs, pipelines, && and || chains"),
      test("redirections", REDIRECTIONS, "every operator, in every position and order, and files that cannot be opened"),
      test("pipelines", PIPELINES, "megabytes through pipes, 30 stages, endless first stages, redirected stages, stages that must run at once"),
      test("descriptors", DESCRIPTORS, "what a child inherits, alone, in pipelines, with redirections, beside background lists"),
      test("zombies", ZOMBIES, "background lists that ended, every stage of a pipeline"),
      test("background lists", BACKGROUND, "the shell goes on at once, $? after them, wait, ten at once, built-ins in them"),
      test("built-ins", BUILTINS, "cd and its errors, built-ins in pipelines and with redirections, exit"),
      test("SIGPIPE in children", SIGPIPE, "writers whose reader left must die of SIGPIPE, quietly"),
      test("exit with $?", ["echo a", "false", "exit", "echo never"], "exit without a number"),
      test("exit status at the end", ["echo a", "sh -c 'exit 42'"], "the last pipeline's status"),
      test("random, 30 lines", randomScript(random.fork("small"), 30), "and-or lists of pipelines with redirections"),
      test("random, 300 lines", randomScript(random.fork("large"), 300), "and-or lists of pipelines with redirections"),
    ];
  },
  check: checkShell,
});

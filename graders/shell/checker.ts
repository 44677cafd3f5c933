// The checker of the shell: compares the output with the model's (osh.ts) line by line and explains
// the first wrong line by what it shows: the descriptors a child inherited, the zombies left, a
// status, a file the redirections wrote, the shell's exit status. Every test tells the script line
// that printed it; public tests also the line expected and got. A Run on the user's own script, which
// may start any program, is compared with the reference shell's output on it instead.
import { exactLines, excerpt } from "@/graders/core/checkers";
import type { Checker, IoTestCase } from "@/graders/core/types";
import { type OutputLine, runScript, type Shows } from "@/graders/shell/osh";

const WHY: Record<Shows, string> = {
  output: "",
  status:
    "It prints `$?`: check the status of that pipeline (its last command's; 128 + N when a signal killed it; 127 or 126 when the program could not run) and which pipelines of an && / || chain ran.",
  descriptors:
    "`ls /proc/self/fd` lists the descriptors a program your shell started inherited: 0, 1 and 2, and 3 (the listing's own). Any other number is one of your shell's descriptors that leaked into the child: a pipe end or a redirection's file not closed after dup2 (or opened without O_CLOEXEC).",
  zombies:
    "It counts the zombie processes in the sandbox: children that ended and that nobody waited for. Wait for every command of a pipeline (by pid), and reap the background lists that have ended before each line.",
  files:
    "It prints a file that redirections wrote or read: check the order in which they are opened, `>` against `>>`, and where a pipeline's output goes when a stage is redirected.",
  exit: "This is the driver's last line, with the status your shell ended with: `exit N`, `exit` alone ($?), or $? after the last line.",
};

const quoted = (text: string | undefined) => (text === undefined ? "nothing" : `"${excerpt(text)}"`);

/** The output's lines as printed; a last line without its newline still counts. */
function outputLines(output: string): string[] {
  const lines = output.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

const sameLines = (a: string[], b: string[]) => a.length === b.length && a.every((line, i) => line === b[i]);

export const checkShell: Checker = (test: IoTestCase, output: string) => {
  if (test.ownInput) {
    const outcome = exactLines(test, output);
    if (outcome.ok) return outcome;
    return {
      ok: false,
      message: `${outcome.message} That is what the reference shell printed for your script; a program whose output changes from run to run (a date, a pid) differs by itself.`,
    };
  }
  // The expected output is the model's: only a difference needs the model run again, to explain it.
  const actual = outputLines(output);
  if (test.expected !== undefined && sameLines(outputLines(test.expected), actual)) return { ok: true };
  const script = test.input.split("\n");
  const expected: OutputLine[] = runScript(test.input);
  const origin = (line: OutputLine) => (line.line > 0 ? `script line ${line.line} (\`${excerpt(script[line.line - 1] ?? "")}\`)` : "the driver's closing line");
  const explain = (line: OutputLine) => (WHY[line.shows] ? ` ${WHY[line.shows]}` : "");
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    const want = expected[i];
    const got = actual[i];
    if (want?.text === got) continue;
    const hidden = test.visibility === "hidden" ? ` on a hidden test (${test.name})` : "";
    if (!want) return { ok: false, message: `Your output goes on too long${hidden}: line ${i + 1} is ${quoted(got)}, expected nothing more.` };
    const before = expected[i - 1];
    if (got !== undefined && actual.length > expected.length && actual[i + 1] === want.text) {
      // A line printed where none should be: most likely by the script line that printed the one before.
      const after = before ? `it comes after what ${origin(before)} printed` : "it comes first";
      return {
        ok: false,
        message: `Wrong answer${hidden}: line ${i + 1} of your output, ${quoted(got)}, should not be there: ${after}, before ${quoted(want.text)}.${before ? explain(before) : ""}`,
      };
    }
    const what = got === undefined ? `your output ends before line ${i + 1}` : `line ${i + 1} of your output is ${quoted(got)}`;
    return { ok: false, message: `Wrong answer${hidden}: ${what}; expected ${quoted(want.text)}, printed by ${origin(want)}.${explain(want)}` };
  }
  return { ok: true };
};

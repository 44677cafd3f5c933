import { describe, expect, it } from "vitest";
import { expectedOutput, ModelError, parseLine, runScript, tokenize, type Word } from "@/graders/shell/osh";

/** The words of a one-command line, `$?` shown as {?}. */
function words(line: string): string[] {
  const parsed = parseLine(line);
  if (!parsed.ok) throw new Error(parsed.message);
  const show = (word: Word) => word.map((part) => (typeof part === "string" ? part : "{?}")).join("");
  return parsed.lists[0]!.andOr.first[0]!.words.map(show);
}

const error = (line: string) => {
  const parsed = parseLine(line);
  return parsed.ok ? null : parsed.message;
};

const run = (...lines: string[]) =>
  expectedOutput(`${lines.join("\n")}\n`)
    .trimEnd()
    .split("\n");

describe("osh's words", () => {
  it("splits on blanks and reads quotes, escapes and $? as the statement says", () => {
    expect(words("echo  a\tb")).toEqual(["echo", "a", "b"]);
    expect(words(`echo 'a $? "b"' "c 'd' \\" \\\\ \\$ \\n $?"`)).toEqual(["echo", `a $? "b"`, `c 'd' " \\ $ \\n {?}`]);
    expect(words(`echo a'b c'"d" '' ""`)).toEqual(["echo", "ab cd", "", ""]);
    expect(words("echo \\| \\  x\\")).toEqual(["echo", "|", " ", "x\\"]);
    expect(words("echo $? a$?b \\$? $x")).toEqual(["echo", "{?}", "a{?}b", "$?", "$x"]);
    expect(words("echo a#b #c")).toEqual(["echo", "a#b"]);
  });

  it("takes the longest operator, and 2> only where a word would begin", () => {
    const ops = (line: string) => (tokenize(line) as { op?: string }[]).map((token) => token.op ?? "w");
    expect(ops("a||b|c&&d&e;f")).toEqual(["w", "||", "w", "|", "w", "&&", "w", "&", "w", ";", "w"]);
    expect(ops("a>>b>c<d 2>e 2>>f a2>g")).toEqual(["w", ">>", "w", ">", "w", "<", "w", "2>", "w", "2>>", "w", "w", ">", "w"]);
    expect(ops("a;2>f")).toEqual(["w", ";", "2>", "w"]);
  });

  it("names the first operator out of place, or newline, or the unterminated quote", () => {
    expect(error("| wc")).toBe("osh: syntax error near '|'");
    expect(error("a || ;")).toBe("osh: syntax error near ';'");
    expect(error("a | | b")).toBe("osh: syntax error near '|'");
    expect(error("> ;")).toBe("osh: syntax error near ';'");
    expect(error("a &&")).toBe("osh: syntax error near 'newline'");
    expect(error("echo >")).toBe("osh: syntax error near 'newline'");
    expect(error("& a")).toBe("osh: syntax error near '&'");
    expect(error("a ;; b")).toBe("osh: syntax error near ';'");
    expect(error("a &&& b")).toBe("osh: syntax error near '&'");
    expect(error("echo 'a")).toBe("osh: syntax error: unterminated quote");
    expect(error('echo "a\\"')).toBe("osh: syntax error: unterminated quote");
    for (const fine of ["a ;", "a &", "> f", "a & b & c", "", "  # only", "2>e a"]) expect(error(fine), fine).toBeNull();
  });
});

describe("the model of a run", () => {
  it("expands $? when each pipeline runs, and chains && and || from the left", () => {
    expect(run("false || echo $?", "true || false && echo z", "false && echo x || echo y", "false; echo $? $?")).toEqual(["1", "z", "y", "1 1", "osh: exit 0"]);
  });

  it("gives statuses of exits, signals and programs that cannot run", () => {
    expect(
      run("sh -c 'kill -TERM $$'; echo $?", "nosuch; echo $?", "/tmp; echo $?", "/tmp/none; echo $?", "sh -c 'exit 7' | true; echo $?", "sh -c 'exit 300'"),
    ).toEqual(["143", "127", "126", "127", "0", "osh: exit 44"]);
  });

  it("opens redirections in order, and a failure stops the command", () => {
    expect(run("cd /tmp", "echo hi > a > b; cat a b", "cat < none > c; cat c; echo $?", "cat > d < none; cat d; echo $?", "nosuch 2> e > f; cat e f")).toEqual([
      "hi",
      "1",
      "0",
      "osh: nosuch: command not found",
      "osh: exit 0",
    ]);
    expect(run("echo x > /; echo $?", "echo x > /etc/x; echo $?", "echo x > /tmp/no/x; echo $?", "> /tmp/made; cat /tmp/made; echo $?")).toEqual([
      "1",
      "1",
      "1",
      "0",
      "osh: exit 0",
    ]);
  });

  it("feeds each stage the one before; a redirected stage leaves the next nothing; yes never ends", () => {
    expect(run("seq 100000 | wc -l", "yes | cat | head -n 2", "echo a > /tmp/x | wc -c", "yes ab | head -c 5; echo", "seq 3 | tail -n 1 | tr a-z A-Z")).toEqual(
      ["100000", "y", "y", "0", "ab", "ab", "3", "osh: exit 0"],
    );
    expect(() => runScript("yes\n")).toThrow(ModelError);
    expect(() => runScript("yes | wc -l\n")).toThrow(ModelError);
  });

  it("keeps a line's output with the line that began it, across a missing newline", () => {
    const lines = runScript("echo a\nseq 12 | head -c 3\necho b\n");
    expect(lines.map((line) => [line.text, line.line])).toEqual([
      ["a", 1],
      ["1", 2],
      ["2b", 2],
      ["osh: exit 0", 0],
    ]);
  });

  it("runs built-ins in the shell only when alone in the foreground", () => {
    expect(
      run("cd /tmp; pwd", "cd / | cat; pwd", "cd / &", "pwd", "exit 4 | cat; echo $?", "cat /dev/null | exit 4; echo $?", "cd; pwd", "cd a b; echo $?"),
    ).toEqual(["/tmp", "/tmp", "/tmp", "0", "4", "/tmp", "1", "osh: exit 0"]);
    expect(run("echo a; exit 3; echo b", "echo c")).toEqual(["a", "osh: exit 3"]);
    expect(run("false", "exit")).toEqual(["osh: exit 1"]);
  });

  it("shows a background list's effects after wait, with the $? it started with", () => {
    expect(run("cd /tmp", "false; echo $? > f &", "cat f; echo $?", "wait", "cat f", "echo $?")).toEqual(["1", "1", "0", "osh: exit 0"]);
    expect(run("cd /tmp", "cd / && pwd > /tmp/w & wait; cat /tmp/w; pwd", "exit 4 || echo x > /tmp/x & wait; cat /tmp/x; echo $?")).toEqual([
      "/",
      "/tmp",
      "1",
      "osh: exit 0",
    ]);
  });

  it("says what each line shows", () => {
    const shows = runScript(
      "ls /proc/self/fd | cat\nfind /proc -mindepth 2 -maxdepth 2 -name status -exec grep -l zombie {} + | wc -l\necho $?\necho x > /tmp/f; cat /tmp/f\necho hi\n",
    ).map((line) => line.shows);
    expect(shows).toEqual(["descriptors", "descriptors", "descriptors", "descriptors", "zombies", "status", "files", "output", "exit"]);
  });

  it("a syntax error runs nothing of its line and sets $? to 2", () => {
    expect(run("echo a && > /tmp/f ;;", "cat /tmp/f; echo $?", "echo 'x", "", "# c", "echo $?")).toEqual(["1", "2", "osh: exit 0"]);
  });
});

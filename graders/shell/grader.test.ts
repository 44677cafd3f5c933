import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { refusal } from "@/graders/core/source-rules";
import type { IoTestCase } from "@/graders/core/types";
import { checkShell } from "@/graders/shell/checker";
import grader from "@/graders/shell/grader";
import { expectedOutput, parseLine } from "@/graders/shell/osh";

const folder = path.join(import.meta.dirname, "../../exercises/shell");
const manifest = parse(readFileSync(`${folder}/exercise.yaml`, "utf8")) as { limits: { outputKiB: number } };
const hidden = grader.hiddenTests(grader.seed, "c");
const named = (name: string) => hidden.find((test) => test.name === name)!;
const examples = readdirSync(`${folder}/examples`)
  .filter((file) => file.endsWith(".in"))
  .map((file): IoTestCase => {
    const input = readFileSync(`${folder}/examples/${file}`, "utf8");
    return { name: file, visibility: "public", input, expected: readFileSync(`${folder}/examples/${file.replace(/\.in$/, ".out")}`, "utf8") };
  });

const message = (test: IoTestCase, output: string) => {
  const outcome = checkShell(test, output);
  expect(outcome.ok).toBe(false);
  return outcome.ok ? "" : outcome.message;
};

/** The test's expected output with its first line matching `find` replaced. */
function withLine(test: IoTestCase, find: (line: string) => boolean, replace: string): string {
  const lines = test.expected!.split("\n");
  const at = lines.findIndex(find);
  expect(at, "the line to replace").toBeGreaterThanOrEqual(0);
  lines[at] = replace;
  return lines.join("\n");
}

describe("the shell's tests", () => {
  it("are scripts within the statement's limits, with answers that fit the output limit", () => {
    for (const test of hidden) {
      const lines = test.input.split("\n").slice(0, -1);
      expect(lines.length, test.name).toBeLessThanOrEqual(1000);
      for (const line of lines) {
        expect(line.length, test.name).toBeLessThanOrEqual(4096);
        expect(line, test.name).toMatch(/^[\x20-\x7e\t]*$/);
        const parsed = parseLine(line);
        if (parsed.ok)
          for (const item of parsed.lists)
            for (const pipeline of [item.andOr.first, ...item.andOr.rest.map((r) => r.pipeline)]) expect(pipeline.length).toBeLessThanOrEqual(30);
      }
      expect(test.expected!.length, test.name).toBeLessThanOrEqual(manifest.limits.outputKiB * 1024);
      expect(test.expected!.endsWith("osh: exit 0\n") || /osh: exit \d+\n$/.test(test.expected!), test.name).toBe(true);
    }
  });

  it("include what the statement promises to check", () => {
    const all = hidden.map((test) => test.input).join("\n");
    for (const piece of ["2>>", "2>", ">>", "<", "&&", "||", "&", "'", '"', "\\", "$?", "#", "wait", "cd", "exit", "yes |", "ls /proc/self/fd", "zombie"]) {
      expect(all, piece).toContain(piece);
    }
    expect(named("pipelines").input).toMatch(/(cat \| ){28}cat/);
    expect(named("exit with $?").expected).toBe("a\nosh: exit 1\n");
    expect(named("exit status at the end").expected).toBe("a\nosh: exit 42\n");
    expect(named("zombies").expected).toBe("0\n0\n0\n0\n0\nosh: exit 0\n");
    expect(named("descriptors").expected).toBe(`${"0\n1\n2\n3\n".repeat(14)}0\nosh: exit 0\n`);
    expect(named("SIGPIPE in children").expected).toBe("y\n1\n2\ny\ny\n\nosh: exit 0\n");
  });

  it("are the same for every language and every call", () => {
    expect(grader.hiddenTests(grader.seed, "python")).toEqual(hidden);
  });

  it("the examples' outputs are the model's", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) expect(expectedOutput(example.input), example.name).toBe(example.expected);
  });
});

describe("the shell's checker", () => {
  it("accepts the expected output, with or without the last newline", () => {
    for (const test of [...hidden, ...examples]) {
      expect(checkShell(test, test.expected!), test.name).toEqual({ ok: true });
      expect(checkShell(test, test.expected!.slice(0, -1)), test.name).toEqual({ ok: true });
    }
  });

  it("names the script line and what a wrong line shows", () => {
    const descriptors = named("descriptors");
    const leaked = message(
      descriptors,
      withLine(descriptors, (line) => line === "3", "4"),
    );
    expect(leaked).toContain("script line 1 (`ls /proc/self/fd`)");
    expect(leaked).toContain("leaked into the child");
    const zombies = named("zombies");
    expect(message(zombies, zombies.expected!.replace("0\n", "3\n"))).toContain("nobody waited for");
    const statuses = named("statuses");
    expect(
      message(
        statuses,
        withLine(statuses, (line) => line === "143", "0"),
      ),
    ).toContain("128 + N when a signal killed it");
    expect(message(named("exit with $?"), "a\nosh: exit 0\n")).toContain("the status your shell ended with");
    const redirections = named("redirections");
    expect(
      message(
        redirections,
        withLine(redirections, (line) => line === "hi", ""),
      ),
    ).toContain("order in which they are opened");
  });

  it("compares a Run on the user's own script with the reference shell's output", () => {
    const own: IoTestCase = { name: "your input", visibility: "public", ownInput: true, input: "date\nls /\n", expected: "Fri Dec  4\nbin\nosh: exit 0\n" };
    expect(checkShell(own, "Fri Dec  4\nbin\nosh: exit 0\n")).toEqual({ ok: true });
    expect(message(own, "Fri Dec  4\nboot\nosh: exit 0\n")).toContain("what the reference shell printed for your script");
  });

  it("says when a line should not be there", () => {
    const sigpipe = named("SIGPIPE in children");
    const broken = message(sigpipe, sigpipe.expected!.replace("y\n1\n", "y\nyes: standard output: Broken pipe\n1\n"));
    expect(broken).toContain('line 2 of your output, "yes: standard output: Broken pipe", should not be there: it comes after what script line 1');
    const descriptors = named("descriptors");
    const leaked = message(descriptors, descriptors.expected!.replace("0\n1\n2\n3\n", "0\n1\n2\n3\n4\n"));
    expect(leaked).toContain('line 5 of your output, "4", should not be there: it comes after what script line 1 (`ls /proc/self/fd`) printed');
    expect(leaked).toContain("leaked into the child");
  });

  it("says when the output ends early or goes on", () => {
    const [example] = examples;
    expect(message(example!, example!.expected!.split("\n").slice(0, 3).join("\n"))).toContain("your output ends before line 4");
    expect(message(example!, `${example!.expected!}extra\n`)).toContain("goes on too long");
    expect(message(named("zombies"), "")).toContain("on a hidden test (zombies)");
  });
});

describe("the shell's source rules", () => {
  const refused = (language: "c" | "go" | "python", code: string) => refusal(code, language, grader.sourceRules![language]!)?.what ?? null;

  it("refuse what would run programs for the user", () => {
    expect(refused("c", 'int f(void) { return system("ls"); }')).toContain('"system"');
    expect(refused("c", 'void f(void) { popen("ls", "r"); }')).toContain('"popen"');
    expect(refused("go", 'package main\nimport "os/exec"\n')).toContain('"os/exec"');
    expect(refused("python", "import subprocess\n")).toContain('"subprocess"');
    expect(refused("python", "from subprocess import run\n")).toContain('"subprocess"');
    expect(refused("python", "import os\nos.system('ls')\n")).toContain('"system"');
    expect(refused("python", "import os\nos.popen('ls')\n")).toContain('"popen"');
  });

  it("leave the system calls a shell is written with", () => {
    expect(refused("c", 'int f(void) { int p[2]; pipe(p); if (fork() == 0) execv("/bin/ls", 0); return waitpid(-1, 0, 0); } /* system() */')).toBeNull();
    expect(refused("go", 'package main\nimport (\n\t"os"\n\t"syscall"\n)\n')).toBeNull();
    expect(refused("python", '"""Not os.system: fork and exec."""\nimport os\npid = os.fork()\nos.execv("/bin/ls", ["ls"])\n')).toBeNull();
  });
});

// The drivers' promises, in the real sandbox and in every language: a program the shell starts
// inherits descriptors 0, 1 and 2 only, with /dev/null as standard input, in the directory /; the
// shell's end is printed as `osh: exit N` (the exit built-in's status, or shell_status() after the
// last line, a last line without its newline included); malformed input is refused before any line
// runs, in the same words everywhere; a forked child that comes back into the driver is stopped
// there (C and Python; Go cannot fork). The stand-in shell runs each line's blank-separated words
// as one program, `exit N` ends it, and `fork-returns` returns from a forked child.
import path from "node:path";
import { describe, it } from "vitest";
import type { Language } from "@/contracts/languages";
import { type DriverCases, expectDriverOutputs } from "@/graders/core/test/driver-outputs";
import { readManifest } from "@/lib/exercises/load-exercise";
import { runLimitsFor } from "@/sandbox/limits";

const STAND_IN: Record<"c" | "go" | "python", string> = {
  c: `#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "shell.h"

static int status;

static int wait_for(pid_t pid) {
    int how;
    waitpid(pid, &how, 0);
    return WEXITSTATUS(how);
}

int shell_line(const char *line) {
    if (strncmp(line, "exit ", 5) == 0) return atoi(line + 5);
    if (strcmp(line, "fork-returns") == 0) {
        pid_t pid = fork();
        if (pid == 0) return -1;
        status = wait_for(pid);
        return -1;
    }
    char copy[4097], *argv[64];
    int argc = 0;
    strcpy(copy, line);
    for (char *word = strtok(copy, " "); word && argc < 63; word = strtok(NULL, " ")) argv[argc++] = word;
    argv[argc] = NULL;
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    status = wait_for(pid);
    return -1;
}

int shell_status(void) {
    return status;
}
`,
  go: `package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

var status int

func ShellLine(line string) int {
	if strings.HasPrefix(line, "exit ") {
		n, _ := strconv.Atoi(line[5:])
		return n
	}
	argv := strings.Fields(line)
	pid, err := syscall.ForkExec("/usr/bin/"+argv[0], argv, &syscall.ProcAttr{Env: os.Environ(), Files: []uintptr{0, 1, 2}})
	if err != nil {
		status = 127
		return -1
	}
	var ws syscall.WaitStatus
	syscall.Wait4(pid, &ws, 0, nil)
	status = ws.ExitStatus()
	return -1
}

func ShellStatus() int {
	return status
}
`,
  python: `import os

status = 0


def shell_line(line):
    global status
    if line.startswith("exit "):
        return int(line[5:])
    if line == "fork-returns":
        pid = os.fork()
        if pid == 0:
            return -1
        status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        return -1
    argv = line.split(" ")
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    return -1


def shell_status():
    return status
`,
};

const FILE = { c: "shell.c", go: "shell.go", python: "shell.py" } as const;

const CASES: DriverCases = [
  ["ls /proc/self/fd\nwc -c\npwd\n", ["0", "1", "2", "3", "0", "/", "osh: exit 0"]],
  ["echo a\nfalse\n", ["a", "osh: exit 1"]],
  ["echo a\nexit 7\necho never\n", ["a", "osh: exit 7"]],
  ["", ["osh: exit 0"]],
  ["echo no newline", ["no newline", "osh: exit 0"]],
  ["true\n".repeat(1001), ["invalid input: line 1001: a script has at most 1000 lines"]],
  [`echo ran\n${"x".repeat(4097)}\n`, ["invalid input: line 2: a line has at most 4096 bytes"]],
  [`echo ran\necho ${"x".repeat(4091)}\n`, ["ran", "x".repeat(4091), "osh: exit 0"]],
  ["echo ran\necho a\r\n", ["invalid input: line 2: a character that is not printable ASCII or a tab"]],
  ["echo ran\necho \u00e9\n", ["invalid input: line 2: a character that is not printable ASCII or a tab"]],
];

/** A child forked by the shell that returns into the driver stops there: it does not run the rest. */
const FORK_RETURNS: DriverCases = [["fork-returns\necho after\n", ["after", "osh: exit 0"]]];

describe("the shell's drivers", () => {
  it.each(["c", "go", "python"] as const satisfies Language[])(
    "in %s give programs 0, 1 and 2, /dev/null and /; print the exit status; refuse malformed input",
    { timeout: 120_000 },
    async (language) => {
      const { limits } = await readManifest(path.join("exercises", "shell"));
      const cases = language === "go" ? CASES : [...CASES, ...FORK_RETURNS];
      await expectDriverOutputs("shell", language, { name: FILE[language], content: STAND_IN[language] }, cases, runLimitsFor(limits));
    },
  );
});

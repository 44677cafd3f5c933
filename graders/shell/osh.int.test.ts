// The oracle against a real shell: the hidden tests whose lines mean the same in osh and in POSIX
// sh, run by dash in the sandbox (the image, programs and limits the submissions meet), print what
// the model says, once the messages that differ by design are read alike (dash's "not found" is
// osh's "command not found"; dash prints "Terminated" for a child killed by a signal). Tests left
// out: those about syntax errors (dash stops at one), echo's escapes (dash's echo reads them), the
// statuses of failed redirections and cd (dash gives 2, osh 1 as bash does).
import { describe, expect, it } from "vitest";
import grader from "@/graders/shell/grader";
import { runLimitsFor } from "@/sandbox/limits";
import { compileAndRun } from "@/sandbox/test/support";

/** Writes the script to /tmp, runs dash on it with /dev/null as input, then prints the driver's last line. */
const DASH_DRIVER = `#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    static char script[1 << 20];
    size_t length = fread(script, 1, sizeof script, stdin);
    FILE *file = fopen("/tmp/script", "w");
    fwrite(script, 1, length, file);
    fclose(file);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        close(null);
        execl("/bin/dash", "dash", "/tmp/script", (char *)0);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    unlink("/tmp/script");
    printf("osh: exit %d\\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return 0;
}
`;

const SAME_IN_DASH = [
  "statuses",
  "pipelines",
  "descriptors",
  "zombies",
  "background lists",
  "SIGPIPE in children",
  "exit with $?",
  "exit status at the end",
  "random, 30 lines",
  "random, 300 lines",
];

/** dash's words for what osh says its own way. */
function asOsh(output: string): string {
  return output
    .split("\n")
    .filter((line) => !/^(Terminated|Killed|Interrupt)$/.test(line))
    .map((line) =>
      line
        .replace(/^\/tmp\/script: \d+: (\/\S*): not found$/, "osh: $1: No such file or directory")
        .replace(/^\/tmp\/script: \d+: (\S+): not found$/, "osh: $1: command not found")
        .replace(/^\/tmp\/script: \d+: (\S+): Permission denied$/, "osh: $1: Permission denied"),
    )
    .join("\n");
}

describe("the shell's model", () => {
  it("prints what dash prints for the hidden tests' scripts, in the sandbox", { timeout: 240_000 }, async () => {
    const tests = grader.hiddenTests(grader.seed, "c").filter((test) => SAME_IN_DASH.includes(test.name));
    expect(tests.map((test) => test.name)).toEqual(SAME_IN_DASH);
    const { compile, runs } = await compileAndRun(
      "c",
      { "main.c": DASH_DRIVER },
      tests.map((test) => test.input),
      { ...runLimitsFor({ pids: 128, outputKiB: 1024 }) },
    );
    expect(compile.ok, compile.output).toBe(true);
    runs.forEach((run, i) => {
      const test = tests[i]!;
      expect({ test: test.name, verdict: run.verdict }).toEqual({ test: test.name, verdict: "OK" });
      expect(asOsh(run.stdout), test.name).toBe(test.expected);
    });
  });
});

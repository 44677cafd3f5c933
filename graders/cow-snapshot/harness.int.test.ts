// What the harness catches beyond the known-bad solutions, proved on stores built to be caught: a
// child that never ends, a child that crashes, SIGCHLD ignored, an absent key's *value overwritten,
// and the reference's report as the model has it. Run in the real sandbox, linked as a submission is.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { changed, NONCE, runLinkHarness } from "@/graders/core/test/link-harness";
import type { RunResult } from "@/sandbox/runner";

const reference = readFileSync("graders/cow-snapshot/reference/c/kv.c", "utf8");
const limits = { cpuSeconds: 5, memoryMiB: 512, pids: 16 };
/** The statement's second example: three rounds of two overlapping snapshots. */
const OVERLAPPING = "2000 256 3 1000 1 7";
const CHILD_END = "    write_all(fd, out, used);\n    _exit(0);";

const run = (store: string, scenario = OVERLAPPING): Promise<RunResult> => runLinkHarness("cow-snapshot", "c", { "kv.c": store }, scenario, limits);
const report = (result: RunResult) => JSON.parse(result.stdout) as Record<string, unknown>;
const failure = async (store: string, scenario = OVERLAPPING) => report(await run(store, scenario)).error;

describe("the cow-snapshot harness", () => {
  it("reports the reference's run as the model has it", async () => {
    expect(report(await run(reference, "100 64 1 50 0 1"))).toEqual({
      nonce: NONCE,
      ok: true,
      snapshots: 1,
      pairs: 100,
      bytes: 6020,
      gets: 11,
      checksum: 1564056061,
    });
  });

  it("names a child that never ends after its last pair, with its descriptor open or closed", async () => {
    const lingers = changed(reference, [CHILD_END, "    write_all(fd, out, used);\n    for (;;) pause();"]);
    expect(await failure(lingers)).toBe(
      "Round 1: the snapshot child wrote nothing for 5 s and did not end: after the last pair it must end with _exit(0), which closes its descriptor (the harness reads until end of file).",
    );
    const closesAndLingers = changed(reference, [CHILD_END, "    write_all(fd, out, used);\n    close(fd);\n    for (;;) pause();"]);
    expect(await failure(closesAndLingers)).toBe(
      "Round 1: the snapshot child closed its descriptor but had not ended 5 s later: once its last pair is written it must end with _exit(0), not go on running.",
    );
  });

  it("ends as a crashed child did, naming it", async () => {
    const crashing = changed(reference, [CHILD_END, "    write_all(fd, out, used);\n    *(volatile int *)16 = 1;\n    _exit(0);"]);
    const result = await run(crashing);
    expect(result).toMatchObject({ verdict: "RE", signal: "SIGSEGV", stdout: "" });
    expect(result.stderr).toContain("harness: the child of the first snapshot was killed by signal 11 (Segmentation fault) in your code");
  });

  it("refuses a child the harness cannot reap, and an absent key's *value overwritten", async () => {
    const ignores = changed(
      reference,
      ["#include <errno.h>", "#include <errno.h>\n#include <signal.h>"],
      ["    pid_t pid = fork();", "    signal(SIGCHLD, SIG_IGN);\n    pid_t pid = fork();"],
    );
    expect(await failure(ignores)).toMatch(
      /^Round 1: the harness could not reap the child of the first snapshot \(pid \d+\)|^Round 1: kv_snapshot returned \d+, which is not a child/,
    );
    const clears = changed(reference, ["    if (!e) return -1;", "    if (!e) {\n        *value = NULL;\n        return -1;\n    }"]);
    expect(await failure(clears)).toMatch(/kv_get changed \*value for key \d+, which is not in the store/);
  });
});

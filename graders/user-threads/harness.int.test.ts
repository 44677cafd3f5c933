// What the harness catches beyond round-robin's order, proved on libraries built to be caught: threads
// that are kernel threads, a library that exits or crashes inside a call, one that stops switching,
// and an overflow reported with the wrong id. Run in the real sandbox, linked as a submission is,
// without the source rules (which would refuse pthread_create before the harness saw it).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { changed, NONCE, runLinkHarness } from "@/graders/core/test/link-harness";
import type { RunResult } from "@/sandbox/runner";

const reference = readFileSync("graders/user-threads/reference/c/uthread.c", "utf8");
const limits = { cpuSeconds: 5, memoryMiB: 256, pids: 16 };
/** The statement's first example: main creates threads 1 to 3, each yields 4 times, main joins them. */
const TAKING_TURNS = "1 3 4 3 8 1";

const run = (library: string, scenario = TAKING_TURNS): Promise<RunResult> => runLinkHarness("user-threads", "c", { "uthread.c": library }, scenario, limits);
const report = (result: RunResult) => JSON.parse(result.stdout) as Record<string, unknown>;

describe("the user-threads harness", () => {
  it("reports the reference's run as the model has it", async () => {
    expect(report(await run(reference))).toEqual({ nonce: NONCE, ok: true, steps: 22, checksum: 1332868937, created: 3 });
  });

  it("catches threads that are kernel threads passing a baton, by the kernel thread each step runs on", async () => {
    const batons = changed(
      reference,
      ["#include <unistd.h>", "#include <unistd.h>\n#include <pthread.h>"],
      [
        "    swapcontext(&from->context, &next->context);\n}",
        "    pthread_mutex_lock(&baton);\n    pthread_cond_broadcast(&passed);\n    while (current != from) pthread_cond_wait(&passed, &baton);\n    pthread_mutex_unlock(&baton);\n}",
      ],
      [
        "static struct thread main_thread;",
        "static pthread_mutex_t baton = PTHREAD_MUTEX_INITIALIZER;\nstatic pthread_cond_t passed = PTHREAD_COND_INITIALIZER;\nstatic struct thread main_thread;",
      ],
      [
        "int uthread_create(uthread_fn fn, void *arg) {",
        "static void *kernel_start(void *t) {\n    pthread_mutex_lock(&baton);\n    while (current != t) pthread_cond_wait(&passed, &baton);\n    pthread_mutex_unlock(&baton);\n    start();\n    return NULL;\n}\n\nint uthread_create(uthread_fn fn, void *arg) {",
      ],
      ["    makecontext(&t->context, start, 0);", "    pthread_t kernel;\n    if (pthread_create(&kernel, NULL, kernel_start, t) != 0) return -1;"],
    );
    expect(report(await run(batons))).toMatchObject({ ok: false, error: expect.stringMatching(/^Thread 1 ran on another kernel thread than main/) });
  });

  it("reports a library that exits inside a call, naming the step and the call", async () => {
    const exiting = changed(reference, ["void uthread_yield(void) {", "void uthread_yield(void) {\n    static int yields;\n    if (++yields == 5) _exit(3);"]);
    expect(report(await run(exiting))).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^The process ended inside your code \(exit status 3\) at step \d+, in thread \d's uthread_yield: your library must return to its caller, not exit\. Round-robin's order to run in: [\d, ]+ \(next first\)\.$/,
      ),
    });
  });

  it("ends as a crash in the library did, saying at which step and in whose call", async () => {
    const crashing = changed(reference, [
      "int uthread_join(int id, void **result) {",
      "int uthread_join(int id, void **result) {\n    if (id == 2) *(volatile int *)16 = 1;",
    ]);
    const result = await run(crashing);
    expect(result).toMatchObject({ verdict: "RE", signal: "SIGSEGV", stdout: "" });
    expect(result.stderr).toMatch(/harness: the process was killed by signal 11 \(Segmentation fault\) at step \d+, in thread 0's uthread_join/);
  });

  it("names the last call when no thread runs for two seconds", async () => {
    const stuck = changed(reference, [
      "void uthread_yield(void) {",
      'void uthread_yield(void) {\n    static int yields;\n    if (++yields == 5)\n        for (;;) __asm__ volatile("");',
    ]);
    expect(report(await run(stuck))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^No thread ran for 2 s after thread \d's uthread_yield, at step \d+\./),
    });
  });

  it("wants the overflowing thread's own id in the overflow's line", async () => {
    const wrongId = changed(reference, [
      'say("uthread: thread ", t->id, " overflowed its stack\\n");',
      'say("uthread: thread ", t->id + 1, " overflowed its stack\\n");',
    ]);
    const result = await run(wrongId, "2 3 5 3 8 1");
    expect(result.stderr).toContain("uthread: thread 4 overflowed its stack");
    expect(report(result)).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^Thread 3 ran past the end of its stack and the process was killed by signal 11 \(Segmentation fault\), but your library did not write "uthread: thread 3 overflowed its stack"/,
      ),
    });
    expect(report(await run(reference, "2 3 5 3 8 1"))).toMatchObject({ ok: true, steps: 11, created: 3 });
  });
});

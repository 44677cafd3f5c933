// What the C harness promises about the two processes, proved on rings built to notice: each child
// maps the ring at an address of its own, holds no descriptor of the parent's, and a child that
// exits inside the user's code or crashes is reported as such. Run in the real sandbox, linked as a
// submission is (the harness and the report helpers beside the user's ring.c).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { changed as changedFrom, NONCE, runLinkHarness } from "@/graders/core/test/link-harness";
import type { RunResult } from "@/sandbox/runner";

const reference = readFileSync("graders/shm-ring/reference/c/ring.c", "utf8");
const limits = { cpuSeconds: 8, memoryMiB: 512, pids: 64 };

const runC = (ring: string, scenario: string): Promise<RunResult> => runLinkHarness("shm-ring", "c", { "ring.c": ring }, scenario, limits);

/** The reference with `changes` made (each an exact snippet of it and what replaces it). */
const changed = (...changes: [string, string][]): string => changedFrom(reference, ...changes);

const SCENARIO = "4 16 1000 0 0 0 0";

describe("the C harness's two processes", () => {
  it("maps the ring at a new address in each child: a ring that refuses the parent's address still works", async () => {
    const ring = changed(
      ["    int closed;\n};", "    int closed;\n    uintptr_t parent;\n};"],
      ["    r->closed = 0;\n    return 0;", "    r->closed = 0;\n    r->parent = (uintptr_t)memory;\n    return 0;"],
      [
        "int ring_put(void *memory, const void *message) {\n    struct ring *r = memory;",
        "int ring_put(void *memory, const void *message) {\n    struct ring *r = memory;\n    if ((uintptr_t)memory == r->parent) return -1;",
      ],
      [
        "int ring_get(void *memory, void *message) {\n    struct ring *r = memory;",
        "int ring_get(void *memory, void *message) {\n    struct ring *r = memory;\n    if ((uintptr_t)memory == r->parent) return -1;",
      ],
    );
    const run = await runC(ring, SCENARIO);
    expect(JSON.parse(run.stdout)).toMatchObject({ nonce: NONCE, ok: true, delivered: 1000, accepted: 1000 });
  });

  it("leaves the children none of the parent's descriptors: a pipe made in ring_init is closed in them", async () => {
    const ring = changed(
      ["#include <string.h>", "#include <string.h>\n#include <unistd.h>"],
      ["    int closed;\n};", "    int closed;\n    int pipe[2];\n};"],
      ["    r->closed = 0;\n    return 0;", "    r->closed = 0;\n    return pipe(r->pipe);"],
      [
        "int ring_put(void *memory, const void *message) {\n    struct ring *r = memory;",
        'int ring_put(void *memory, const void *message) {\n    struct ring *r = memory;\n    if (write(r->pipe[1], "x", 1) != 1) return -1;',
      ],
    );
    const run = await runC(ring, SCENARIO);
    expect(JSON.parse(run.stdout)).toMatchObject({ nonce: NONCE, ok: false, error: expect.stringMatching(/^ring_put returned -1 on an open ring/) });
  });

  it("reports a child that exits inside the user's code, naming the process", async () => {
    const ring = changed(
      ["#include <string.h>", "#include <string.h>\n#include <unistd.h>"],
      [
        "int ring_get(void *memory, void *message) {\n    struct ring *r = memory;",
        "int ring_get(void *memory, void *message) {\n    struct ring *r = memory;\n    if (r->head == 10) _exit(3);",
      ],
    );
    const run = await runC(ring, SCENARIO);
    expect(JSON.parse(run.stdout)).toMatchObject({
      nonce: NONCE,
      ok: false,
      error: "The consumer process ended inside your code (exit status 3) before the harness was done with it: your code must return to the harness, not exit.",
    });
  });

  it("ends as a child that crashed did, naming the process on standard error", async () => {
    const ring = changed([
      "int ring_put(void *memory, const void *message) {\n    struct ring *r = memory;",
      "int ring_put(void *memory, const void *message) {\n    struct ring *r = memory;\n    if (r->tail == 100) *(volatile int *)16 = 1;",
    ]);
    const run = await runC(ring, SCENARIO);
    expect(run).toMatchObject({ verdict: "RE", signal: "SIGSEGV", stdout: "" });
    expect(run.stderr).toContain("harness: the producer process was killed by signal 11 (Segmentation fault) in your code");
  });
});

const pythonReference = readFileSync("graders/shm-ring/reference/python/ring.py", "utf8");

const runPython = (ring: string, scenario = SCENARIO): Promise<RunResult> => runLinkHarness("shm-ring", "python", { "ring.py": ring }, scenario, limits);

// Code past the source rules (they would refuse sys and multiprocessing.synchronize), run on the
// harness directly: what it relies on is taken before the user's module loads, and checked after.
describe("the Python harness, against code past the source rules", () => {
  it("notices its spurious wakeups switched off (Condition.wait replaced) and fails the run", async () => {
    const unspurious = `import multiprocessing.synchronize
_found = multiprocessing.synchronize.Condition.wait
multiprocessing.synchronize.Condition.wait = lambda self, timeout=None: _found(self, timeout)
${pythonReference}`;
    const run = await runPython(unspurious);
    expect(JSON.parse(run.stdout)).toMatchObject({ nonce: NONCE, ok: false, error: expect.stringMatching(/replaced multiprocessing's Condition\.wait/) });
  });

  it("shows __main__ as an empty stand-in, and notices it replaced", async () => {
    const swap = `import sys, types
assert not hasattr(sys.modules["__main__"], "_harness")
sys.modules["__main__"] = types.ModuleType("__main__")
${pythonReference}`;
    const run = await runPython(swap);
    expect(JSON.parse(run.stdout)).toMatchObject({ nonce: NONCE, ok: false, error: expect.stringMatching(/replaced the __main__ module/) });
  });

  it("ends as a runtime error when the user's code raises in a child, with the traceback", async () => {
    const raising = pythonReference.replace(
      "    def get(self) -> bytes | None:\n",
      '    def get(self) -> bytes | None:\n        raise ValueError("slot 37 looks wrong")\n',
    );
    expect(raising).not.toBe(pythonReference);
    const run = await runPython(raising);
    expect(run).toMatchObject({ verdict: "RE", exitCode: 1, stdout: "" });
    expect(run.stderr).toContain("ValueError: slot 37 looks wrong");
    expect(run.stderr).toContain("harness: the consumer process raised an exception in your code (its traceback is above)");
  });

  it("reports the reference's run as it is", async () => {
    const run = await runPython(pythonReference);
    expect(JSON.parse(run.stdout)).toMatchObject({ nonce: NONCE, ok: true, delivered: 1000, accepted: 1000 });
  });
});

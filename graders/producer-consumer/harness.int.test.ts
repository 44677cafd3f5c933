// The harnesses' own defences, below the source rules: these modules would be refused before they
// are built (graders/core/link-rules.ts), so they are run here on the harness directly, as code that
// got past the rules would run. Python's harness keeps its state out of __main__'s reach and notices
// what it relies on being replaced; its report (exercises/_shared/link/python/osprep_report.py) is
// an object only the harness holds, with what it writes with taken before the user's module loads.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NONCE, runLinkHarness } from "@/graders/core/test/link-harness";

const starter = (language: string, file: string) => readFileSync(path.join("exercises/producer-consumer/starter", language, file), "utf8");
const SCENARIO = "2 2 4 500 0 0 100 0";
const limits = { cpuSeconds: 8, memoryMiB: 768, pids: 128 };

const runPython = (buffer: string) => runLinkHarness("producer-consumer", "python", { "buffer.py": buffer }, SCENARIO, limits);

const reference = readFileSync("graders/producer-consumer/reference/python/buffer.py", "utf8");

describe("the Python harness, against code past the source rules", () => {
  it("shows __main__ as an empty stand-in: the harness's report and fail cannot be replaced through it", async () => {
    // A buffer that loses every item (the starter), and a forgery meant to report success anyway.
    const forger = `import sys
harness = sys.modules["__main__"]
harness.write_report = lambda: print('{"nonce":"%s","ok":true}' % getattr(harness, "nonce", "?"))
harness.fail = lambda message: None
${starter("python", "buffer.py")}`;
    const { stdout } = await runPython(forger);
    expect(JSON.parse(stdout)).toMatchObject({ nonce: NONCE, ok: false, error: expect.stringMatching(/get returned None on an open buffer/) });
  });

  it("keeps its report out of reach: the report's class and json.dumps replaced change nothing", async () => {
    // A buffer that loses every item (the starter), and a forgery through the shared report module.
    const forger = `import json
import osprep_report
json.dumps = lambda report: '{"nonce":"forged","ok":true,"delivered":1000,"accepted":1000}'
osprep_report.Report.fail = lambda self, message: None
osprep_report.Report.end = lambda self: None
${starter("python", "buffer.py")}`;
    const { stdout } = await runPython(forger);
    expect(JSON.parse(stdout)).toMatchObject({ nonce: NONCE, ok: false, error: expect.stringMatching(/get returned None on an open buffer/) });
  });

  it("notices its spurious wakeups switched off (Condition.wait replaced) and fails the run", async () => {
    // Its own wait in the library's place (here one that only wraps the one it found).
    const unspurious = `import threading
_found = threading.Condition.wait
threading.Condition.wait = lambda self, timeout=None: _found(self, timeout)
${reference}`;
    const { stdout } = await runPython(unspurious);
    expect(JSON.parse(stdout)).toMatchObject({ nonce: NONCE, ok: false, error: expect.stringMatching(/replaced threading\.Condition\.wait/) });
  });

  it("notices __main__ replaced behind its back", async () => {
    const swap = `import sys, types
sys.modules["__main__"] = types.ModuleType("__main__")
${reference}`;
    const { stdout } = await runPython(swap);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: expect.stringMatching(/replaced the __main__ module/) });
  });

  it("reports the reference's run as it is", async () => {
    const { stdout } = await runPython(reference);
    expect(JSON.parse(stdout)).toMatchObject({ nonce: NONCE, ok: true, delivered: 1000, accepted: 1000 });
  });
});

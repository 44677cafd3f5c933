import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { linkSourceRules } from "@/graders/core/link-rules";
import { refusal } from "@/graders/core/source-rules";
import grader, { checksum, customScenario } from "@/graders/shm-ring/grader";

describe("shm-ring grader", () => {
  it("sums messages' numbers exactly as the harnesses do (uint32 arithmetic)", () => {
    // Figures the C harness reported with the reference ring.
    expect(checksum(1000)).toBe(3251110398);
    expect(checksum(2000)).toBe(112512476);
    expect(checksum(8)).toBe(2853013851);
    expect(checksum(0)).toBe(0);
  });

  it("accepts the right counts and checksum only", () => {
    const [first] = grader.tests(grader.seed, "c");
    const right = { delivered: 1000, accepted: 1000, checksum: checksum(1000) };
    expect(grader.check(first!, right)).toEqual({ ok: true });
    expect(grader.check(first!, { ...right, delivered: 999 })).toMatchObject({ ok: false, message: expect.stringMatching(/1,000 messages .* 999 delivered/) });
    expect(grader.check(first!, { ...right, accepted: 1001 })).toMatchObject({ ok: false });
    expect(grader.check(first!, { ...right, checksum: right.checksum ^ 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/checksum/) });
    expect(grader.check(first!, { ...right, checksum: String(right.checksum) })).toMatchObject({ ok: false });
  });

  it("wants exactly a full ring through when the consumer closes it on the waiting producer", () => {
    const close = grader.tests(grader.seed, "c").find((test) => test.name === "close wakes a waiting producer")!;
    expect(grader.check(close, { delivered: 8, accepted: 8, checksum: checksum(8) })).toEqual({ ok: true });
    expect(grader.check(close, { delivered: 7, accepted: 7, checksum: checksum(7) })).toMatchObject({ ok: false });
    expect(grader.check(close, { delivered: 9, accepted: 9, checksum: checksum(9) })).toMatchObject({ ok: false });
  });

  it("gives Python smaller counts where its processes are slower, the same checks elsewhere", () => {
    const names = (language: "c" | "python") => grader.tests(grader.seed, language).map((test) => test.name);
    expect(names("python")).toEqual(names("c"));
    const many = (language: "c" | "python") => grader.tests(grader.seed, language).find((test) => test.name === "many messages")!.scenario;
    expect(many("c")).toBe("256 64 200000 0 0 0 0");
    expect(many("python")).toBe("256 64 20000 0 0 0 0");
    const cpuChecks = grader.tests(grader.seed, "c").filter((test) => test.maxCpuRatio !== undefined);
    expect(cpuChecks.map((test) => test.name)).toEqual(["the consumer waits for a slow producer", "the producer waits for a late consumer"]);
  });

  it("takes the user's scenario as the statement writes it: seven numbers, after an optional word line (the examples')", () => {
    expect(customScenario("run-1\n4 16 1000 0 0 0 0\n")).toEqual({ ok: true, scenario: "4 16 1000 0 0 0 0" });
    expect(customScenario("  8 32 100 0 100 0 1  ")).toEqual({ ok: true, scenario: "8 32 100 0 100 0 1" });
    expect(customScenario("8 16\n10 20000 0 0 0")).toEqual({ ok: true, scenario: "8 16 10 20000 0 0 0" });
    for (const test of grader.tests(grader.seed, "c").filter((t) => t.visibility === "public"))
      expect(customScenario(test.scenario)).toEqual({ ok: true, scenario: test.scenario });
    for (const language of ["c", "python"] as const)
      for (const test of grader.tests(grader.seed, language)) expect(customScenario(test.scenario)).toEqual({ ok: true, scenario: test.scenario });
  });

  it("refuses, with the reason, a scenario the harness would reject", () => {
    const refused = (input: string) => {
      const outcome = customScenario(input);
      return outcome.ok ? "taken" : outcome.message;
    };
    expect(refused("")).toMatch(/seven numbers .* it has none/);
    expect(refused("run-1\n4 16 1000")).toMatch(/seven numbers .* it has 3\.$/);
    expect(refused("4 16 -5 0 0 0 0")).toMatch(/"-5" is not a whole number/);
    expect(refused("4 16 1e3 0 0 0 0")).toMatch(/"1e3" is not a whole number/);
    expect(refused("0 16 10 0 0 0 0")).toMatch(/^CAPACITY is 0; it must be 1 to 4096\.$/);
    expect(refused("4097 16 10 0 0 0 0")).toMatch(/CAPACITY is 4097/);
    expect(refused("4 7 10 0 0 0 0")).toMatch(/SIZE is 7; a message is 8 to 4096 bytes/);
    expect(refused("4 4097 10 0 0 0 0")).toMatch(/SIZE is 4097/);
    expect(refused("4 16 5000001 0 0 0 0")).toMatch(/N is 5,000,001/);
    expect(refused("4 16 10 1000001 0 0 0")).toMatch(/PRODUCER_PAUSE_US is 1000001/);
    expect(refused("4 16 10 0 1001 0 0")).toMatch(/CONSUMER_START_MS is 1001/);
    expect(refused("4 16 10 0 0 1001 0")).toMatch(/SPURIOUS_PERMILLE is 1001/);
    expect(refused("4 16 10 0 0 0 3")).toMatch(/MODE is 3/);
    expect(refused("4 16 4 0 0 0 1")).toMatch(/N \(4\) must be more than CAPACITY \(4\)/);
    expect(refused("4 16 0 0 0 0 0")).toBe("taken");
    expect(refused("4096 4096 5000000 1000000 1000 1000 2")).toBe("taken");
  });
});

describe("shm-ring's Python rules", () => {
  const rules = [...linkSourceRules("python", "ring.py"), ...(grader.sourceRules?.python ?? [])];
  const refused = (code: string) => refusal(code, "python", rules)?.what ?? null;

  it("take the reference and the starter, which import the primitives by name", () => {
    expect(refused(readFileSync("graders/shm-ring/reference/python/ring.py", "utf8"))).toBeNull();
    expect(refused(readFileSync("exercises/shm-ring/starter/python/ring.py", "utf8"))).toBeNull();
    expect(refused("from multiprocessing import Lock, Condition, Semaphore, BoundedSemaphore, RLock, Event\nimport struct\n")).toBeNull();
  });

  it("refuse what would be the ring for the user, and multiprocessing's ways to os and sys", () => {
    expect(refused("from multiprocessing import Queue\n")).toMatch(/Queue/);
    expect(refused("import multiprocessing\nq = multiprocessing.SimpleQueue()\n")).toMatch(/SimpleQueue/);
    expect(refused("from multiprocessing import Pipe\n")).toMatch(/Pipe/);
    expect(refused("from multiprocessing import Value\n")).toMatch(/Value/);
    expect(refused("import multiprocessing.shared_memory\n")).toMatch(/multiprocessing\.shared_memory/);
    expect(refused("import queue\n")).toMatch(/queue/);
    expect(refused("import multiprocessing\nmultiprocessing.util.os.write(5, b'x')\n")).toMatch(/util|os/);
    expect(refused("import multiprocessing\nmultiprocessing.context.os\n")).toMatch(/context|os/);
    expect(refused("import multiprocessing\nmultiprocessing.synchronize.sys.modules\n")).toMatch(/synchronize|sys/);
    expect(refused("import multiprocessing\nmultiprocessing.Process(target=print)\n")).toMatch(/Process/);
    expect(refused("import mmap\n")).toMatch(/mmap/);
  });
});

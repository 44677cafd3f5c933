import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { refusal } from "@/graders/core/source-rules";
import grader, { customScenario } from "@/graders/user-threads/grader";
import { roundRobin, type Scenario } from "@/graders/user-threads/model";

const scenario = (line: string): Scenario => {
  const [mode, threads, steps, total, stackKib, seed] = line.split(" ").map(Number) as number[];
  return { mode: mode as 0 | 1 | 2, threads: threads!, steps: steps!, total: total!, stackKib: stackKib!, seed: seed! };
};

describe("user-threads' model of round-robin", () => {
  it("gives the figures the C harness reported with the reference library, in every mode", () => {
    // From `printf 'n\n<scenario>\n' | ./prog`, the harness and reference built as a submission is.
    expect(roundRobin(scenario("1 3 4 3 8 1"))).toEqual({ steps: 22, checksum: 1332868937, created: 3 });
    expect(roundRobin(scenario("0 4 20 40 16 7"))).toEqual({ steps: 502, checksum: 1595750667, created: 40 });
    expect(roundRobin(scenario("0 8 100 2000 56 12345"))).toEqual({ steps: 105164, checksum: 870335691, created: 2000 });
    expect(roundRobin(scenario("1 1000 2 100000 8 1"))).toEqual({ steps: 500001, checksum: 225767071, created: 100000 });
    expect(roundRobin(scenario("1 4000 250 4000 8 1"))).toEqual({ steps: 1012001, checksum: 681190303, created: 4000 });
    expect(roundRobin(scenario("2 3 5 3 8 1"))).toEqual({ steps: 11, checksum: 769745599, created: 3 });
  });

  it("puts a finished thread's joiner at the back of the queue, behind the threads already waiting", () => {
    // Written out from the statement's rules: main (0) creates 1, 2 and 3 and joins 1; each yields 4
    // times. Thread 1 finishes on its fifth turn, and main goes behind 2 and 3, which finish too; then
    // main joins 2 and 3 (both finished) and ends.
    const order = [0, 0, 0, 0, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 0, 0, 0];
    let checksum = 2166136261;
    for (const id of order) checksum = Math.imul(checksum ^ id, 16777619) >>> 0;
    expect(roundRobin(scenario("1 3 4 3 8 1"))).toEqual({ steps: order.length, checksum, created: 3 });
  });
});

describe("user-threads grader", () => {
  const tests = grader.tests(grader.seed, "c");

  it("accepts the model's figures only", () => {
    const first = tests[0]!;
    const right = roundRobin(scenario(first.scenario));
    expect(grader.check(first, { ...right })).toEqual({ ok: true });
    expect(grader.check(first, { ...right, steps: right.steps - 1 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/should have taken 22 steps; they took 21/),
    });
    expect(grader.check(first, { ...right, checksum: right.checksum ^ 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/round-robin's order/) });
    expect(grader.check(first, { ...right, created: 2 })).toMatchObject({ ok: false, message: expect.stringMatching(/3 threads should have been created/) });
    expect(grader.check(first, { ...right, steps: String(right.steps) })).toMatchObject({ ok: false });
  });

  it("has the statement's tests: both overflows, the churn, deep stacks, and its examples public", () => {
    const lines = Object.fromEntries(tests.map((test) => [test.name, test.scenario]));
    expect(lines["three threads take turns"]).toBe("1 3 4 3 8 1");
    expect(lines["random programs"]).toBe("0 4 20 40 16 7");
    expect(lines["a stack overflow is reported"]).toBe("2 3 5 3 8 1");
    expect(lines["a later thread overflows its stack"]).toBe("2 20 10 20 8 1");
    expect(lines["a hundred thousand threads created and joined"]).toBe("1 64 2 100000 8 1");
    expect(lines["two thousand threads alive"]).toBe("1 2000 3 2000 8 1");
    expect(tests.some((test) => test.scenario.startsWith("0 ") && test.scenario.split(" ")[4] === "56")).toBe(true);
    const readme = readFileSync("exercises/user-threads/README.md", "utf8");
    for (const test of tests.filter((t) => t.visibility === "public")) expect(readme).toContain(`run-${tests.indexOf(test) + 1}\n${test.scenario}\n`);
  });

  it("takes the user's scenario as the statement writes it, and every test's", () => {
    expect(customScenario("run-1\n1 3 4 3 8 1\n")).toEqual({ ok: true, scenario: "1 3 4 3 8 1" });
    for (const test of [...tests, ...grader.performance!.workloads(grader.seed, "c")])
      expect(customScenario(test.scenario)).toEqual({ ok: true, scenario: test.scenario });
  });

  it("refuses, with the reason, a scenario the harness would reject", () => {
    const refused = (input: string) => {
      const outcome = customScenario(input);
      return outcome.ok ? "taken" : outcome.message;
    };
    expect(refused("1 3 4 3 8")).toMatch(/six numbers .* it has 5\.$/);
    expect(refused("3 3 4 3 8 1")).toMatch(/^MODE is 3/);
    expect(refused("1 3 4 200001 8 1")).toMatch(/^TOTAL is 200001/);
    expect(refused("1 0 4 3 8 1")).toMatch(/^THREADS is 0; it must be 1 to TOTAL \(3\)\.$/);
    expect(refused("1 4 4 3 8 1")).toMatch(/^THREADS is 4/);
    expect(refused("1 3 0 3 8 1")).toMatch(/^STEPS is 0/);
    expect(refused("1 3 1001 3 8 1")).toMatch(/^STEPS is 1001/);
    expect(refused("2 3 1 3 8 1")).toMatch(/STEPS must be 2 or more/);
    expect(refused("0 3 4 3 0 1")).toMatch(/^STACK_KIB is 0/);
    expect(refused("0 3 4 3 57 1")).toMatch(/^STACK_KIB is 57/);
    expect(refused("0 3 1000 5000 8 1")).toMatch(/records at most 4,000,000 steps/);
    expect(refused("0 1 997 3995 56 2147483647")).toBe("taken");
  });

  it("refuses kernel threads and processes in the user's code, not in its comments", () => {
    const rules = grader.sourceRules?.c ?? [];
    const refused = (code: string) => refusal(code, "c", rules)?.what ?? null;
    expect(refused(readFileSync("graders/user-threads/reference/c/uthread.c", "utf8"))).toBeNull();
    expect(refused(readFileSync("exercises/user-threads/starter/c/uthread.c", "utf8"))).toBeNull();
    expect(refused("#include <pthread.h>\nvoid f(void) { pthread_t t; pthread_create(&t, 0, 0, 0); }\n")).toMatch(/pthread_create/);
    expect(refused("void f(void) { fork(); }\n")).toMatch(/fork/);
    expect(refused("/* not pthread_create: a context of our own */\nint x;\n")).toBeNull();
  });
});

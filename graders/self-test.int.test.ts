// Every grader's proof, in the test run: each reference is accepted and each known-bad solution gets
// the verdict its folder names, graded as a Submit in the real sandbox.
import pino from "pino";
import { afterAll, describe, type ExpectStatic, expect, it } from "vitest";
import { runSelfTest, type SelfTestCase, selfTestCases } from "@/graders/core/self-test";
import { env } from "@/lib/env";
import { createDockerProgramBuilder } from "@/sandbox/docker/program-builder";

const cases = await selfTestCases();
const builder = createDockerProgramBuilder({ logger: pino({ level: "silent" }), uidRange: env.SANDBOX_UID_RANGE });
afterAll(async () => (await builder).close());

/** Grades the case: it gets the verdict its folder names, for the reason its expected.json states (the test, words of the message). */
async function proved(testCase: SelfTestCase, check: ExpectStatic) {
  const outcome = await runSelfTest(testCase, { builder: await builder });
  check(outcome.verdicts, outcome.message).toEqual([testCase.expected]);
  check(outcome.reasonProblem).toBeUndefined();
  return outcome;
}

describe("graders prove themselves", () => {
  it("have cases to prove", () => {
    expect(cases.filter((c) => c.solution === "reference").length).toBeGreaterThan(0);
  });

  const named = (selected: SelfTestCase[]) => selected.map((c) => [`${c.exercise} ${c.language} ${c.solution} → ${c.expected}`, c] as const);

  // Verdicts that cannot move with the machine's load, two at a time (the docker project's
  // maxConcurrency); then every verdict that rests on time, one after another.
  it.concurrent.for(named(cases.filter((c) => c.untimed)))("%s", async ([_name, testCase], { expect }) => {
    await proved(testCase, expect);
  });

  it.each(named(cases.filter((c) => !c.untimed)))("%s", async (_name, testCase) => {
    const outcome = await proved(testCase, expect);
    // Workloads are sized per language so the reference spends ~150 ms or more on them (noise is then
    // a few percent); well under that, a ratio near the limit could flip.
    if (testCase.solution === "reference")
      for (const cpu of outcome.referenceCpuMs) expect(cpu, "the reference's CPU on the performance workloads (ms)").toBeGreaterThanOrEqual(100);
  });
});

// The `link` kind in the real sandbox, on a small fixture exercise (a shared counter) in C, Go and
// Python: the reference is accepted; a missing lock is caught by the race detector (C, Go), a
// self-deadlock reads as one, a forged report and lost updates are refused.
import path from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { loadExercise } from "@/lib/exercises/load-exercise";
import { loadGrader, readKnownBadSolutions, readReferenceSolution } from "@/lib/grading/load-grader";
import { createDockerProgramBuilder } from "@/worker/docker-program-builder";
import { judgeSubmission } from "@/worker/judge-submission";

const fixture = path.join(import.meta.dirname, "test", "link-counter");
const [exercisesDir, gradersDir] = [path.join(fixture, "exercises"), path.join(fixture, "graders")];
const [exercise, grader] = await Promise.all([loadExercise("link-counter", exercisesDir), loadGrader("link-counter", gradersDir)]);
const editFiles = { c: "counter.c", go: "counter.go", python: "counter.py" } as const;
const bad = await readKnownBadSolutions("link-counter", editFiles, gradersDir);
const builder = createDockerProgramBuilder({ logger: pino({ level: "silent" }) });
afterAll(async () => (await builder).close());

const judge = async (language: keyof typeof editFiles, code: string) =>
  judgeSubmission({
    exercise,
    grader,
    language,
    code,
    mode: "submit",
    builder: await builder,
    referenceCode: await readReferenceSolution("link-counter", language, editFiles[language], gradersDir),
  });

describe("link exercises in the sandbox", () => {
  it.each(Object.keys(editFiles) as (keyof typeof editFiles)[])("accepts the %s reference", async (language) => {
    const result = await judge(language, await readReferenceSolution("link-counter", language, editFiles[language], gradersDir));
    expect(result.verdict, JSON.stringify(result.tests)).toBe("AC");
  });

  it.each(bad.map((solution) => [`${solution.language} ${solution.name}`, solution] as const))("gives %s its verdict", async (_name, solution) => {
    const result = await judge(solution.language as keyof typeof editFiles, solution.code);
    expect(result.verdict, JSON.stringify(result.tests)).toBe(solution.expected);
  });

  it("shows the race detector's report, cut to the user's file", async () => {
    const noLock = bad.find((solution) => solution.name === "WA-no-lock" && solution.language === "c")!;
    const result = await judge("c", noLock.code);
    const failed = result.tests.find((test) => test.verdict === "WA")!;
    expect(failed.message).toMatch(/^Data race/);
    expect(failed.message).toMatch(/counter_add counter\.c:3/);
    expect(failed.message).not.toMatch(/harness\.c/);
  });

  it("calls the self-deadlock a deadlock", async () => {
    const locksTwice = bad.find((solution) => solution.name === "TLE-locks-twice")!;
    const result = await judge("c", locksTwice.code);
    expect(result.tests.find((test) => test.verdict === "TLE")?.message).toMatch(/deadlock/);
  });
});

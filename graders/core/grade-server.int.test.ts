// The `server` kind in the real sandbox, on a small fixture exercise (a line echo server) in C and
// Python, probed by its trusted tool over the server's loopback only: the references are accepted;
// a thread per connection, leaked descriptors, a server that exits and wrong echoes are not.
import path from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { loadExercise, readSourceFolder } from "@/lib/exercises/load-exercise";
import type { Language } from "@/lib/exercises/manifest";
import { loadGrader, readKnownBadSolutions, readReferenceSolution } from "@/lib/grading/load-grader";
import { createDockerProgramBuilder } from "@/worker/docker-program-builder";
import { judgeSubmission } from "@/worker/judge-submission";

const fixture = path.join(import.meta.dirname, "test", "server-echo");
const [exercisesDir, gradersDir] = [path.join(fixture, "exercises"), path.join(fixture, "graders")];
const [exercise, grader] = await Promise.all([loadExercise("server-echo", exercisesDir), loadGrader("server-echo", gradersDir)]);
const toolFiles = await readSourceFolder(path.join(gradersDir, "server-echo", "tool"));
const editFiles: Partial<Record<Language, string>> = { c: "server.c", python: "server.py" };
const bad = await readKnownBadSolutions("server-echo", editFiles, gradersDir);
const builder = createDockerProgramBuilder({ logger: pino({ level: "silent" }) });
afterAll(async () => (await builder).close());

const judge = async (language: Language, code: string) =>
  judgeSubmission({
    exercise,
    grader,
    language,
    code,
    mode: "submit",
    builder: await builder,
    toolFiles,
    referenceCode: await readReferenceSolution("server-echo", language, editFiles[language]!, gradersDir),
  });

describe("server exercises in the sandbox", () => {
  it.each(["c", "python"] as const)("accepts the %s reference, with its figures against itself", async (language) => {
    const result = await judge(language, await readReferenceSolution("server-echo", language, editFiles[language]!, gradersDir));
    expect(result.verdict, JSON.stringify(result)).toBe("AC");
    expect(result.performance?.server?.throughput).toBeGreaterThan(0);
  });

  it.each(bad.map((solution) => [`${solution.language} ${solution.name}`, solution] as const))("gives %s its verdict", async (_name, solution) => {
    const result = await judge(solution.language, solution.code);
    expect(result.verdict, JSON.stringify(result.tests)).toBe(solution.expected);
  });

  it.each([
    ["WA-thread-per-connection", /threads at once; this exercise asks for one thread/],
    ["WA-leaks-descriptors", /still held \d+ open descriptors/],
  ])("says what %s does wrong", async (name, message) => {
    const solution = bad.find((candidate) => candidate.name === name)!;
    const result = await judge(solution.language, solution.code);
    expect(result.tests.find((test) => test.verdict === "WA")?.message).toMatch(message);
  });
});

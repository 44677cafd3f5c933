import { describe, expect, it } from "vitest";
import { exactLines } from "@/graders/core/checkers";
import { gradeIo } from "@/graders/core/grade-io";
import { gradingResultSchema } from "@/contracts/grading-result";
import type { ExecutableProgram, ProgramRun } from "@/contracts/programs";
import { defineIoGrader } from "@/graders/core/types";

// A program stand-in for the grading logic alone; the real sandbox is exercised in integration tests.
function program(answer: (stdin: string) => Partial<ProgramRun> & { stdout?: string }): ExecutableProgram {
  return {
    run: async ({ stdin }) => ({
      outcome: "ok",
      exitCode: 0,
      signal: null,
      stdout: "",
      stderr: "",
      cpuMs: 1,
      wallMs: 2,
      memoryKiB: 1024,
      ...answer(stdin),
    }),
  };
}

const double = (stdin: string) =>
  `${stdin
    .split("\n")
    .filter(Boolean)
    .map((n) => String(Number(n) * 2))
    .join("\n")}\n`;

const grader = defineIoGrader({
  hiddenTests: () => [
    { name: "hidden 1", visibility: "hidden", input: "5\n", expected: "10\n", description: "one number" },
    { name: "hidden 2", visibility: "hidden", input: "7\n8\n", expected: "14\n16\n", description: "two numbers" },
    { name: "hidden 3", visibility: "hidden", input: "0\n", expected: "0\n", description: "zero" },
  ],
  check: exactLines,
});
const examples = [{ name: "1", input: "1\n2\n", output: "2\n4\n" }];

describe("gradeIo", () => {
  it("accepts a correct program on examples and hidden tests", async () => {
    const result = await gradeIo({ language: "c", grader, examples, mode: "submit", program: program((stdin) => ({ stdout: double(stdin) })) });
    expect(result.verdict).toBe("AC");
    expect(result.score).toBe(1);
    expect(result.tests.map((t) => t.status)).toEqual(["pass", "pass", "pass", "pass"]);
    expect(() => gradingResultSchema.parse(result)).not.toThrow();
  });

  it("runs only the public examples for a Run", async () => {
    const result = await gradeIo({ language: "c", grader, examples, mode: "run", program: program((stdin) => ({ stdout: double(stdin) })) });
    expect(result.tests.map((t) => t.name)).toEqual(["example 1"]);
  });

  it("shows the first divergence on a public test", async () => {
    const result = await gradeIo({ language: "c", grader, examples, mode: "run", program: program(() => ({ stdout: "2\n5\n" })) });
    expect(result.verdict).toBe("WA");
    expect(result.tests[0]).toMatchObject({
      status: "fail",
      message: 'At line 2: expected "4", got "5".',
      input: "1\n2\n",
      expected: "2\n4\n",
      output: "2\n5\n",
    });
  });

  it("reveals neither input nor expected output of a hidden test, and stops at its failure", async () => {
    const wrongOnSeven = program((stdin) => ({ stdout: stdin.startsWith("7") ? "14\n15\n" : double(stdin) }));
    const result = await gradeIo({ language: "c", grader, examples, mode: "submit", program: wrongOnSeven });
    expect(result.verdict).toBe("WA");
    const hidden = result.tests.find((t) => t.name === "hidden 2")!;
    expect(hidden.message).toBe("Wrong answer on a hidden test (two numbers): line 2 of your output is not what it should be.");
    expect(hidden).not.toHaveProperty("input");
    expect(hidden).not.toHaveProperty("expected");
    expect(hidden).not.toHaveProperty("output");
    expect(hidden).not.toHaveProperty("stderr");
    expect(hidden).not.toHaveProperty("exit");
    expect(JSON.stringify(result)).not.toContain("15");
    expect(result.tests.find((t) => t.name === "hidden 3")?.status).toBe("skipped");
    expect(result.score).toBe(2 / 4);
  });

  it("shows a public test's standard error and how the program ended", async () => {
    const crashing = program(() => ({ outcome: "RE", exitCode: 3, stdout: "2\n", stderr: "debug: n = 1\nassertion failed\n" }));
    const result = await gradeIo({ language: "c", grader, examples, mode: "run", program: crashing });
    expect(result.tests[0]).toMatchObject({ verdict: "RE", output: "2\n", stderr: "debug: n = 1\nassertion failed\n", exit: { code: 3, signal: null } });
    const quiet = await gradeIo({ language: "c", grader, examples, mode: "run", program: program((stdin) => ({ stdout: double(stdin) })) });
    expect(quiet.tests[0]).not.toHaveProperty("stderr");
    expect(quiet.tests[0]).toMatchObject({ exit: { code: 0, signal: null } });
  });

  it("skips the tests after a time-out, even public ones", async () => {
    const result = await gradeIo({
      language: "c",
      grader,
      examples: [...examples, { name: "2", input: "3\n", output: "6\n" }],
      mode: "run",
      program: program(() => ({ outcome: "TLE", exitCode: null })),
    });
    expect(result.tests.map((t) => t.status)).toEqual(["error", "skipped"]);
  });

  it("reports the sandbox's limit verdicts", async () => {
    for (const outcome of ["TLE", "MLE", "OLE", "RE"] as const) {
      const result = await gradeIo({
        language: "c",
        grader,
        examples,
        mode: "submit",
        program: program(() => ({ outcome, exitCode: null, signal: "SIGKILL" })),
      });
      expect(result.verdict).toBe(outcome);
      expect(result.tests[0]?.status).toBe("error");
    }
  });

  it("compares custom input with the reference's answer on a Run", async () => {
    const reference = program((stdin) => ({ stdout: double(stdin) }));
    const result = await gradeIo({
      language: "c",
      grader,
      examples,
      mode: "run",
      customInput: "21\n",
      reference,
      program: program((stdin) => ({ stdout: stdin === "21\n" ? "41\n" : double(stdin) })),
    });
    expect(result.tests[1]).toMatchObject({ name: "your input", ownInput: true, verdict: "WA", expected: "42\n", output: "41\n" });
  });

  it("says custom input the reference refuses is not valid input, rather than failing the Run", async () => {
    const reference = program((stdin) =>
      stdin.startsWith("x") ? { outcome: "RE", exitCode: 2, stdout: "", stderr: "invalid input: not a number" } : { stdout: double(stdin) },
    );
    const result = await gradeIo({
      language: "c",
      grader,
      examples,
      mode: "run",
      customInput: "x\n",
      reference,
      program: program((stdin) => ({ stdout: double(stdin) })),
    });
    expect(result.verdict).toBe("AC");
    expect(result.tests[1]).toMatchObject({
      name: "your input",
      ownInput: true,
      status: "skipped",
      message: expect.stringMatching(/not one this exercise accepts.*invalid input: not a number/),
    });
    expect(() => gradingResultSchema.parse(result)).not.toThrow();
  });

  it("fails a correct but slow program on performance, with both figures and the ratio", async () => {
    const slowGrader = defineIoGrader({
      hiddenTests: () => [],
      check: exactLines,
      performance: {
        workloads: () => [{ name: "big", visibility: "hidden", input: "3\n" }],
        tolerance: 2,
        repeats: 3,
      },
    });
    const reference = program((stdin) => ({ stdout: double(stdin), cpuMs: 100 }));
    const slow = await gradeIo({
      language: "c",
      grader: slowGrader,
      examples,
      mode: "submit",
      reference,
      program: program((stdin) => ({ stdout: double(stdin), cpuMs: 350 })),
    });
    expect(slow.verdict).toBe("TLE");
    expect(slow.performance).toMatchObject({ passed: false, cpuMs: 350, referenceCpuMs: 100, ratio: 3.5, tolerance: 2 });
    // It says what was measured, on which workload, and does not guess why.
    expect(slow.performance?.message).toBe(
      "Too slow. On big: your CPU time 350 ms, the reference's 100 ms in the same job, 3.5× the reference's (allowed up to 2×).",
    );

    const fine = await gradeIo({
      language: "c",
      grader: slowGrader,
      examples,
      mode: "submit",
      reference,
      program: program((stdin) => ({ stdout: double(stdin), cpuMs: 150 })),
    });
    expect(fine.verdict).toBe("AC");
    expect(fine.performance?.ratio).toBe(1.5);
  });

  it("fails growth that is worse than allowed even when the total is within tolerance", async () => {
    const growthGrader = defineIoGrader({
      hiddenTests: () => [],
      check: exactLines,
      performance: {
        workloads: () => [],
        tolerance: 10,
        repeats: 1,
        growth: {
          small: () => ({ name: "n", visibility: "hidden", input: "1\n" }),
          large: () => ({ name: "4n", visibility: "hidden", input: "4\n" }),
          maxRatio: 6,
        },
      },
    });
    const linear = program((stdin) => ({ stdout: double(stdin), cpuMs: Number(stdin) * 10 }));
    const quadratic = program((stdin) => ({ stdout: double(stdin), cpuMs: Number(stdin) ** 2 * 10 }));
    expect((await gradeIo({ language: "c", grader: growthGrader, examples, mode: "submit", reference: linear, program: linear })).verdict).toBe("AC");
    const result = await gradeIo({ language: "c", grader: growthGrader, examples, mode: "submit", reference: linear, program: quadratic });
    expect(result.verdict).toBe("TLE");
    expect(result.performance?.growth).toMatchObject({ ratio: 16, referenceRatio: 4, passed: false });
  });

  it("judges a wrong answer on a performance workload as WA, not TLE", async () => {
    const perfGrader = defineIoGrader({
      hiddenTests: () => [],
      check: exactLines,
      performance: { workloads: () => [{ name: "big", visibility: "hidden", input: "9\n" }], tolerance: 2, repeats: 2 },
    });
    const reference = program((stdin) => ({ stdout: double(stdin) }));
    const result = await gradeIo({
      language: "c",
      grader: perfGrader,
      examples,
      mode: "submit",
      reference,
      program: program((stdin) => ({ stdout: stdin === "9\n" ? "17\n" : double(stdin) })),
    });
    expect(result.verdict).toBe("WA");
  });
});

import { cp, mkdtemp, rm, unlink, writeFile, mkdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkExercisePackages } from "@/graders/core/check-packages";

const repo = path.resolve(import.meta.dirname, "..", "..");
let root: string;

/** A copy of the real syscall-echo package and its grader, to break one thing at a time. */
async function copyOfRepo(): Promise<{ exercisesDir: string; gradersDir: string; root: string }> {
  root = await mkdtemp(path.join(tmpdir(), "osprep-packages-"));
  await cp(path.join(repo, "exercises", "syscall-echo"), path.join(root, "exercises", "syscall-echo"), { recursive: true });
  await cp(path.join(repo, "graders", "syscall-echo"), path.join(root, "graders", "syscall-echo"), { recursive: true });
  return { exercisesDir: path.join(root, "exercises"), gradersDir: path.join(root, "graders"), root };
}

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("checkExercisePackages", () => {
  it("finds nothing wrong with the shipped exercises", async () => {
    const { problems, checked } = await checkExercisePackages();
    expect(problems).toEqual([]);
    expect(checked).toContain("syscall-echo");
  });

  it("accepts the framework's link and server fixtures, and wants a server exercise's tool", async () => {
    for (const slug of ["link-counter", "server-echo"]) {
      const fixture = path.join(repo, "graders", "core", "test", slug);
      const { problems, checked } = await checkExercisePackages({
        exercisesDir: path.join(fixture, "exercises"),
        gradersDir: path.join(fixture, "graders"),
        root: fixture,
      });
      expect(problems).toEqual([]);
      expect(checked).toEqual([slug]);
    }
    root = await mkdtemp(path.join(tmpdir(), "osprep-packages-"));
    await cp(path.join(repo, "graders", "core", "test", "server-echo"), root, { recursive: true });
    await rm(path.join(root, "graders", "server-echo", "tool"), { recursive: true });
    const { problems } = await checkExercisePackages({ exercisesDir: path.join(root, "exercises"), gradersDir: path.join(root, "graders"), root });
    expect(problems).toEqual([{ where: "graders/server-echo/tool", problem: expect.stringContaining("trusted tool") }]);
  });

  it("names the file and the field of a bad manifest", async () => {
    const dirs = await copyOfRepo();
    const manifest = path.join(dirs.exercisesDir, "syscall-echo", "exercise.yaml");
    await writeFile(
      manifest,
      (await readFile(manifest, "utf8")).replace("difficulty: easy", "difficulty: trivial").replace("user-and-kernel-mode", "astrology"),
    );
    const { problems } = await checkExercisePackages(dirs);
    expect(problems).toEqual([{ where: "exercises/syscall-echo/exercise.yaml", problem: expect.stringContaining("difficulty") }]);

    await writeFile(manifest, (await readFile(manifest, "utf8")).replace("difficulty: trivial", "difficulty: easy"));
    const again = await checkExercisePackages(dirs);
    expect(again.problems).toEqual([
      { where: "exercises/syscall-echo/exercise.yaml", problem: 'topics[0]: "astrology" is not a topic of roadmap/roadmap.yaml.' },
    ]);
  });

  it("reports missing starters, references, examples and misnamed known-bad folders", async () => {
    const dirs = await copyOfRepo();
    await unlink(path.join(dirs.exercisesDir, "syscall-echo", "starter", "go", "echo.go"));
    await unlink(path.join(dirs.gradersDir, "syscall-echo", "reference", "python", "echo.py"));
    await unlink(path.join(dirs.exercisesDir, "syscall-echo", "examples", "2.out"));
    await mkdir(path.join(dirs.gradersDir, "syscall-echo", "bad", "wrong-name", "c"), { recursive: true });
    const { problems } = await checkExercisePackages(dirs);
    const where = problems.map((p) => p.where);
    expect(where).toContain("exercises/syscall-echo/starter/go/echo.go");
    expect(where).toContain("graders/syscall-echo/reference/python/echo.py");
    expect(where).toContain("exercises/syscall-echo/examples/2.in");
    expect(problems.find((p) => p.where === "graders/syscall-echo/bad")?.problem).toContain("<verdict>-<what-is-wrong>");
  });

  it("wants each known-bad folder to state why it fails, for each of its languages, under the verdict its name says", async () => {
    const dirs = await copyOfRepo();
    const bad = path.join(dirs.gradersDir, "syscall-echo", "bad");
    await unlink(path.join(bad, "WA-counts-newline", "expected.json"));
    const golden = JSON.parse(await readFile(path.join(bad, "WA-loses-last-line", "expected.json"), "utf8"));
    await writeFile(path.join(bad, "WA-loses-last-line", "expected.json"), JSON.stringify({ ...golden, verdict: "RE" }));
    await writeFile(path.join(bad, "WA-ignores-short-writes", "expected.json"), JSON.stringify({ ...golden, reasons: { c: golden.reasons.c } }));
    await writeFile(path.join(bad, "WA-line-per-read", "expected.json"), "{ not json");
    const { problems } = await checkExercisePackages(dirs);
    const about = (name: string) => problems.find((p) => p.where === `graders/syscall-echo/bad/${name}/expected.json`)?.problem;
    expect(about("WA-counts-newline")).toMatch(/missing: why this solution must fail.*graders:check -- --why --solution WA-counts-newline/);
    expect(about("WA-loses-last-line")).toBe("says RE, but the folder's name says WA.");
    expect(about("WA-ignores-short-writes")).toMatch(/has no reason for go, python; write it with/);
    expect(about("WA-line-per-read")).toMatch(/not JSON/);
  });

  it("reports a grader folder without an exercise and an exercise without a grader", async () => {
    const dirs = await copyOfRepo();
    await cp(path.join(dirs.gradersDir, "syscall-echo"), path.join(dirs.gradersDir, "orphan"), { recursive: true });
    await rm(path.join(dirs.gradersDir, "syscall-echo", "grader.ts"));
    const { problems } = await checkExercisePackages(dirs);
    expect(problems.map((p) => p.where)).toEqual(expect.arrayContaining(["graders/orphan", "graders/syscall-echo/grader.ts"]));
  });
});

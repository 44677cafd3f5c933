import { describe, expect, it } from "vitest";
import { memoized, memoizedBySpeed, onGenerated, prime } from "@/graders/core/memo";
import { defineIoGrader, defineLinkGrader } from "@/graders/core/types";

describe("memoized generators", () => {
  it("build once per seed (and per language when they take it), and say what they built", () => {
    const made: string[] = [];
    onGenerated(({ key }) => made.push(key));
    let calls = 0;
    const perSeed = memoized((seed: number) => [++calls, seed]);
    const perLanguage = memoized((seed: number, language) => `${++calls} ${seed} ${language}`);
    expect(perSeed(1, "c")).toBe(perSeed(1, "python"));
    expect(perLanguage(1, "c")).not.toBe(perLanguage(1, "python"));
    expect(perLanguage(1, "c")).toBe(perLanguage(1, "c"));
    expect(calls).toBe(3);
    expect(made.slice(-3)).toEqual(["1", "1:c", "1:python"]);
  });

  it("built by speed, share one build among the compiled languages and build Python's apart", () => {
    let calls = 0;
    const sized = memoizedBySpeed((seed: number, language) => `${++calls} ${seed} ${language === "python" ? "small" : "large"}`);
    expect(sized(1, "c")).toBe(sized(1, "go"));
    expect(sized(1, "cpp")).toBe(sized(1, "c"));
    expect(sized(1, "python")).toBe("2 1 small");
    expect(sized(2, "go")).toBe("3 2 large");
    expect(calls).toBe(3);
  });

  it("use what another thread built for them, without building it again", () => {
    let calls = 0;
    const tests = memoized((seed: number) => `built ${++calls} for ${seed}`);
    // The identity the warm-up thread uses: where the generator is declared.
    let generator = "";
    onGenerated((made) => (generator ||= made.generator));
    tests(1, "c");
    prime({ generator, key: "2", value: "from the thread" });
    expect(tests(2, "c")).toBe("from the thread");
    expect(calls).toBe(1);
  });
});

describe("define*Grader", () => {
  it("builds each of a grader's generators once, leaving those it memoized itself as they are", () => {
    let calls = 0;
    const own = memoized((seed: number) => [{ name: `own ${seed}`, visibility: "hidden" as const, input: "" }]);
    const grader = defineIoGrader({
      check: () => ({ ok: true }),
      hiddenTests: (seed, language) => [{ name: `${++calls} ${seed} ${language}`, visibility: "hidden", input: "" }],
      performance: { workloads: own, tolerance: 2, repeats: 1 },
    });
    expect(grader.hiddenTests(1, "c")).toBe(grader.hiddenTests(1, "c"));
    expect(grader.hiddenTests(1, "go")).not.toBe(grader.hiddenTests(1, "c"));
    expect(calls).toBe(2);
    expect(grader.performance!.workloads).toBe(own);
    const link = defineLinkGrader({
      tests: (seed) => [{ name: `${++calls} ${seed}`, visibility: "public", scenario: "" }],
      check: () => ({ ok: true }),
      customScenario: (input) => ({ ok: true, scenario: input }),
    });
    expect(link.tests(3, "c")).toBe(link.tests(3, "python"));
    expect(calls).toBe(3);
  });

  it("names a grader's generators by where the grader is defined, so another thread's can stand in for them", () => {
    const generators: string[] = [];
    onGenerated(({ generator }) => generators.push(generator));
    const define = () => defineIoGrader({ check: () => ({ ok: true }), hiddenTests: (seed) => [{ name: String(seed), visibility: "hidden", input: "" }] });
    const grader = define();
    grader.hiddenTests(7, "c");
    expect(generators.at(-1)).toMatch(/memo\.test\.ts:\d+:\d+\)?#hiddenTests$/);
    prime({ generator: generators.at(-1)!, key: "8", value: [{ name: "from the thread", visibility: "hidden", input: "" }] });
    expect(define().hiddenTests(8, "c")[0]!.name).toBe("from the thread");
  });
});

import { describe, expect, it } from "vitest";
import { memoized, onGenerated, prime } from "@/graders/core/memo";

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

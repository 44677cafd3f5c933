import { describe, expect, it, vi } from "vitest";
import { type Bank, cloneBank, parseWorkload, replay, type Workload } from "@/graders/bankers-algorithm/bank";
import { expectedOutput } from "@/graders/bankers-algorithm/generate";
import grader from "@/graders/bankers-algorithm/grader";

const hidden = grader.hiddenTests(grader.seed, "c");
const workloads = (["c", "go", "python"] as const).flatMap((language) => grader.performance!.workloads(grader.seed, language));

/** Real candidates' mistakes, each a switch on the candidate below. */
interface Mistakes {
  noNeedCheck?: boolean;
  noSafetyCheck?: boolean;
  noRollback?: boolean;
  availableFirst?: boolean;
  singlePass?: boolean;
  lastProcessAssumedLast?: boolean;
  sortedSequence?: boolean;
  strictComparison?: boolean;
  lastResourceIgnored?: boolean;
  releaseKeepsNeed?: boolean;
  singlePrecision?: boolean;
}

/** A candidate's solution written apart from the oracle (finish flags, repeated passes), with optional mistakes. */
function candidate(workload: Workload, mistakes: Mistakes = {}): string {
  const bank: Bank = cloneBank(workload.bank);
  const { n, m } = bank;
  const amount = (x: number) => (mistakes.singlePrecision ? Math.fround(x) : x);
  const fits = (a: number[], b: number[]) =>
    a.every((x, j) => (mistakes.lastResourceIgnored && j === m - 1) || (mistakes.strictComparison ? x < b[j]! || x === 0 : amount(x) <= amount(b[j]!)));
  const move = (p: number, r: number[], sign: number) =>
    r.forEach((x, j) => {
      bank.available[j]! -= sign * x;
      bank.allocation[p]![j]! += sign * x;
      if (sign > 0 || !mistakes.releaseKeepsNeed) bank.need[p]![j]! -= sign * x;
    });
  const safeSequence = (): number[] | null => {
    const work = bank.available.slice();
    const finished = new Array<boolean>(n).fill(false);
    const order: number[] = [];
    const scanned = mistakes.lastProcessAssumedLast ? n - 1 : n;
    let progress = true;
    while (progress) {
      progress = false;
      for (let p = 0; p < scanned; p++) {
        if (finished[p] || !fits(bank.need[p]!, work)) continue;
        finished[p] = true;
        order.push(p);
        bank.allocation[p]!.forEach((x, j) => {
          work[j]! += x;
        });
        progress = true;
      }
      if (mistakes.singlePass) break;
    }
    if (mistakes.lastProcessAssumedLast && order.length === n - 1) order.push(n - 1);
    if (order.length < n) return null;
    return mistakes.sortedSequence ? order.sort((a, b) => a - b) : order;
  };
  const lines = workload.operations.map((op) => {
    if (op.kind === "SAFE?") {
      const order = safeSequence();
      return order ? `SAFE ${order.join(" ")}` : "UNSAFE";
    }
    const { process: p, amounts: r } = op;
    if (op.kind === "RELEASE") {
      if (!fits(r, bank.allocation[p]!)) return "INVALID";
      move(p, r, -1);
      return "OK";
    }
    const overNeed = !mistakes.noNeedCheck && !fits(r, bank.need[p]!);
    const overAvailable = !fits(r, bank.available);
    if (overNeed && !(mistakes.availableFirst && overAvailable)) return "DENY NEED";
    if (overAvailable) return "DENY AVAILABLE";
    move(p, r, 1);
    if (mistakes.noSafetyCheck || safeSequence()) return "GRANT";
    if (!mistakes.noRollback) move(p, r, -1);
    return "DENY UNSAFE";
  });
  return lines.map((line) => `${line}\n`).join("");
}

/** The first hidden test that rejects the candidate with these mistakes, or undefined. */
function firstRejection(mistakes: Mistakes): string | undefined {
  for (const test of hidden) {
    const outcome = grader.check(test, candidate(parseWorkload(test.input), mistakes));
    if (!outcome.ok) return test.name;
  }
  return undefined;
}

describe("bankers-algorithm grader", () => {
  it("builds the same tests from the same seed, and others from another", () => {
    const again = grader.hiddenTests(grader.seed, "c");
    expect(again.map((test) => test.input)).toEqual(hidden.map((test) => test.input));
    expect(grader.hiddenTests(grader.seed + 1, "c").map((test) => test.input)).not.toEqual(hidden.map((test) => test.input));
  });

  it("gives each language its own tests when they were built in another thread (the worker's warm-up sends structured clones)", async () => {
    vi.resetModules();
    const memo = await import("@/graders/core/memo");
    const made: Parameters<typeof memo.prime>[0][] = [];
    memo.onGenerated((piece) => made.push(piece));
    const warm = (await import("@/graders/bankers-algorithm/grader")).default;
    const built = warm.hiddenTests(warm.seed, "python");
    vi.resetModules();
    const fresh = await import("@/graders/core/memo");
    for (const piece of made) fresh.prime(structuredClone(piece));
    const primed = (await import("@/graders/bankers-algorithm/grader")).default;
    expect(primed.hiddenTests(primed.seed, "python").map((test) => test.input)).toEqual(built.map((test) => test.input));
  });

  it("keeps every test within the statement's constraints", () => {
    const everyHidden = (["c", "go", "python"] as const).flatMap((language) => grader.hiddenTests(grader.seed, language));
    for (const test of [...everyHidden, ...workloads]) {
      const { bank, operations } = parseWorkload(test.input);
      expect(bank.n, test.name).toBeLessThanOrEqual(2000);
      expect(bank.m, test.name).toBeLessThanOrEqual(50);
      expect(bank.n * bank.m, test.name).toBeLessThanOrEqual(100_000);
      expect(operations.length, test.name).toBeLessThanOrEqual(5000);
      for (let j = 0; j < bank.m; j++) {
        const total = bank.allocation.reduce((sum, row) => sum + row[j]!, bank.available[j]!);
        expect(
          bank.max.every((row) => row[j]! <= total),
          `${test.name}: a maximum above the total of type ${j}`,
        ).toBe(true);
      }
      expect(test.visibility).toBe("hidden");
      expect(test.description).toMatch(/process(es)?, \d+ resource types?, [\d,]+ operations$/);
    }
  }, 60_000);

  it("reaches the edges of the constraints: no operations, n × m = 100,000, and amounts of 10^9", () => {
    const named = (name: string) => parseWorkload(hidden.find((test) => test.name === name)!.input);
    expect(named("no operations").operations).toEqual([]);
    expect(hidden.find((test) => test.name === "no operations")!.expected).toBe("");
    expect(hidden.some((test) => parseWorkload(test.input).bank.n * parseWorkload(test.input).bank.m === 100_000)).toBe(true);
    const { bank, operations } = named("values at the limit");
    for (let j = 0; j < bank.m; j++) {
      // Each type's total is 10^9 and a process declares all of it: the work reaches 10^9 exactly.
      expect(bank.allocation.reduce((sum, row) => sum + row[j]!, bank.available[j]!)).toBe(1_000_000_000);
      expect(bank.max.some((row) => row[j] === 1_000_000_000)).toBe(true);
    }
    expect(operations.some((op) => op.kind === "REQUEST" && op.amounts.includes(1_000_000_000))).toBe(true);
    expect(operations.some((op) => op.kind === "RELEASE" && op.amounts.includes(1_000_000_000))).toBe(true);
    const answers = hidden.find((test) => test.name === "values at the limit")!.expected!.split("\n");
    for (const answer of ["DENY NEED", "DENY AVAILABLE", "DENY UNSAFE", "GRANT", "OK", "INVALID"]) expect(answers).toContain(answer);
  });

  it("accepts its own expected answers and an independently written solution on every hidden test", () => {
    for (const test of hidden) {
      expect(grader.check(test, test.expected!), test.name).toEqual({ ok: true });
      expect(grader.check(test, candidate(parseWorkload(test.input))), test.name).toEqual({ ok: true });
    }
  });

  it("judges a performance workload against the reference's output: another valid safe sequence passes, a wrong answer fails", () => {
    const check = grader.performance!.check!;
    for (const test of workloads) {
      expect(test.expected, test.name).toBeUndefined();
      const reference = expectedOutput(parseWorkload(test.input));
      const judged = { ...test, expected: reference };
      expect(check(judged, candidate(parseWorkload(test.input))), test.name).toEqual({ ok: true });
      // The first line answers SAFE? on the initial state: the same processes in another valid order pass.
      const [first, ...rest] = reference.split("\n");
      const order = first!.split(" ").slice(1);
      const reversedValid = (() => {
        const bank = parseWorkload(test.input).bank;
        const reversed = [...order].reverse().map(Number);
        return replay(bank, reversed).finished === bank.n ? `SAFE ${reversed.join(" ")}` : first!;
      })();
      expect(check(judged, [reversedValid, ...rest].join("\n")), test.name).toEqual({ ok: true });
      const wrong = rest.map((line) => (line === "GRANT" ? "DENY UNSAFE" : line));
      expect(check(judged, [first, ...wrong].join("\n")), test.name).toMatchObject({ ok: false });
    }
  }, 120_000);

  it("asks every kind of question with every kind of answer", () => {
    const answers = new Set(hidden.flatMap((test) => test.expected!.split("\n").map((line) => line.split(" ").slice(0, 2).join(" "))));
    for (const answer of ["GRANT", "DENY NEED", "DENY AVAILABLE", "DENY UNSAFE", "OK", "INVALID", "UNSAFE"]) expect(answers).toContain(answer);
    expect([...answers].some((answer) => answer.startsWith("SAFE "))).toBe(true);
    const named = (name: string) => parseWorkload(hidden.find((test) => test.name === name)!.input);
    expect(named("one process").bank.n).toBe(1);
    expect(named("one resource type").bank.m).toBe(1);
    expect(hidden.find((test) => test.name === "unsafe initial state")!.expected).toMatch(/^UNSAFE\nDENY UNSAFE\n/);
    // Only the last process fits at first, and the chain admits one order.
    const reverse = named("last process first").bank;
    expect(reverse.need.map((need) => need.every((x, j) => x <= reverse.available[j]!))).toEqual([...Array(reverse.n).keys()].map((p) => p === reverse.n - 1));
    expect(hidden.find((test) => test.name === "last process first")!.expected!.split("\n")[0]).toBe(`SAFE ${[...Array(40).keys()].reverse().join(" ")}`);
    // The long chain finishes in one order only: at every step exactly one waiting process fits.
    const chain = named("long chain").bank;
    const work = chain.available.slice();
    const waiting = new Set(chain.need.keys());
    while (waiting.size > 0) {
      const fitting = [...waiting].filter((p) => chain.need[p]!.every((x, j) => x <= work[j]!));
      expect(fitting, `${chain.n - waiting.size} processes finished`).toHaveLength(1);
      waiting.delete(fitting[0]!);
      chain.allocation[fitting[0]!]!.forEach((x, j) => {
        work[j]! += x;
      });
    }
  });

  it.each<[string, Mistakes]>([
    ["grants above the declared need", { noNeedCheck: true }],
    ["checks availability but not safety", { noSafetyCheck: true }],
    ["keeps a denied request", { noRollback: true }],
    ["checks availability before need", { availableFirst: true }],
    ["makes a single pass", { singlePass: true }],
    ["assumes the last process can go last", { lastProcessAssumedLast: true }],
    ["sorts its safe sequence", { sortedSequence: true }],
    ["compares with < where <= is right", { strictComparison: true }],
    ["never looks at the last resource type", { lastResourceIgnored: true }],
    ["forgets that a release raises the need again", { releaseKeepsNeed: true }],
    ["compares amounts in single precision", { singlePrecision: true }],
  ])("rejects a solution that %s", (_, mistakes) => {
    expect(firstRejection(mistakes)).toBeDefined();
  });

  it("catches amounts compared in single precision on the test at the limit, before any random test", () => {
    expect(firstRejection({ singlePrecision: true })).toBe("values at the limit");
  });
});

// Tests and workloads depend only on the seed and the language and can take seconds to build (an
// oracle replays each one): each is built once per process. A generator that takes only the seed
// (`(seed) => …`) is the same for every language and is built once per seed.
//
// A worker builds them ahead of time in a thread of its own (worker/warm-graders.ts), which sends
// what it made back to be used here: each generator is known across threads by where it is
// declared (its source location, the same in every thread that loads the grader).
import type { Language } from "@/contracts/languages";

/**
 * Graders generate tests from a seed and, where the cost differs by language, for the language of
 * the submission: a workload on which the C reference spends 150 ms takes Python's ten seconds, so
 * each language gets the size on which its reference spends at least ~150 ms of CPU (measured with
 * `npm run graders:sizes`, checked by the self-tests).
 */
export type Generate<T> = (seed: number, language: Language) => T;

type Listener = (made: { generator: string; key: string; value: unknown }) => void;

const primed = new Map<string, unknown>();
const listeners: Listener[] = [];

/**
 * Where the call `depth` frames up stands (1: the caller of the function asking), as "file:line:column"
 * without the function's name, which runtimes print differently: an identity the same in every thread.
 */
export function callSite(depth: number): string {
  const frame = (new Error().stack?.split("\n")[depth + 2] ?? "").trim().replace(/^at\s+/, "");
  return /\((.*)\)$/.exec(frame)?.[1] ?? frame;
}

const MEMOIZED = Symbol("memoized");

/** Whether `generate` already builds once per seed (and language): define*Grader leaves it as it is. */
export const isMemoized = (generate: unknown) => typeof generate === "function" && MEMOIZED in generate;

/**
 * `generate`, built once per seed (and per language when it takes the language). Known across
 * threads by where `memoized` is called, or by `identity` (define*Grader names each generator of a
 * grader by where the grader is defined and the generator's part).
 */
export function memoized<T>(generate: Generate<T>, identity?: string): Generate<T> {
  const byLanguage = generate.length >= 2;
  return memo(generate, identity ?? callSite(1), (seed, language) => (byLanguage ? `${seed}:${language}` : String(seed)));
}

/**
 * `generate` for a generator whose sizes tell only Python from the compiled languages (a reference
 * ten times slower gets smaller inputs; C, C++ and Go the same ones): built once for the compiled
 * languages together, which then share the tests and the memory a worker keeps of them. `generate`
 * must depend on the language only through whether it is Python.
 */
export function memoizedBySpeed<T>(generate: Generate<T>): Generate<T> {
  return memo(generate, callSite(1), (seed, language) => `${seed}:${language === "python" ? "python" : "compiled"}`);
}

function memo<T>(generate: Generate<T>, generator: string, keyOf: (seed: number, language: Language) => string): Generate<T> {
  const made = new Map<string, T>();
  const once = (seed: number, language: Language) => {
    const key = keyOf(seed, language);
    if (!made.has(key)) {
      const ready = primed.get(`${generator}|${key}`) as T | undefined;
      primed.delete(`${generator}|${key}`);
      const value = ready ?? generate(seed, language);
      made.set(key, value);
      if (ready === undefined) for (const listener of listeners) listener({ generator, key, value });
    }
    return made.get(key)!;
  };
  return Object.assign(once, { [MEMOIZED]: true });
}

/** Calls `listener` with everything a generator makes in this thread (the warm-up thread sends it on). */
export function onGenerated(listener: Listener): void {
  listeners.push(listener);
}

/** What another thread made, used by the generator declared at `generator` when it is first asked for `key`. */
export function prime(made: { generator: string; key: string; value: unknown }): void {
  primed.set(`${made.generator}|${made.key}`, made.value);
}

// Tests and workloads depend only on the seed and the language and can take seconds to build (an
// oracle replays each one): each is built once per process. A generator that takes only the seed
// (`(seed) => …`) is the same for every language and is built once per seed.
//
// A worker builds them ahead of time in a thread of its own (worker/warm-graders.ts), which sends
// what it made back to be used here: each generator is known across threads by where it is
// declared (its source location, the same in every thread that loads the grader).
import type { Generate } from "@/graders/core/types";
import type { Language } from "@/contracts/languages";

type Listener = (made: { generator: string; key: string; value: unknown }) => void;

const primed = new Map<string, unknown>();
const listeners: Listener[] = [];

/** Where the call to `memoized` stands: the identity of a generator in every thread. */
function declaredAt(): string {
  return (new Error().stack?.split("\n")[3] ?? "").trim().replace(/^at\s+/, "");
}

export function memoized<T>(generate: Generate<T>): Generate<T> {
  const generator = declaredAt();
  const made = new Map<string, T>();
  const byLanguage = generate.length >= 2;
  return (seed: number, language: Language) => {
    const key = byLanguage ? `${seed}:${language}` : String(seed);
    if (!made.has(key)) {
      const ready = primed.get(`${generator}|${key}`) as T | undefined;
      primed.delete(`${generator}|${key}`);
      const value = ready ?? generate(seed, language);
      made.set(key, value);
      if (ready === undefined) for (const listener of listeners) listener({ generator, key, value });
    }
    return made.get(key)!;
  };
}

/** Calls `listener` with everything a generator makes in this thread (the warm-up thread sends it on). */
export function onGenerated(listener: Listener): void {
  listeners.push(listener);
}

/** What another thread made, used by the generator declared at `generator` when it is first asked for `key`. */
export function prime(made: { generator: string; key: string; value: unknown }): void {
  primed.set(`${made.generator}|${made.key}`, made.value);
}

// Tests and workloads depend only on the seed and the language and can take a second or two to
// build (an oracle replays each one): each is built once per process. A generator that takes only
// the seed (`(seed) => …`) is the same for every language and is built once per seed.
import type { Generate } from "@/graders/core/types";
import type { Language } from "@/lib/exercises/manifest";

export function memoized<T>(generate: Generate<T>): Generate<T> {
  const made = new Map<string, T>();
  const byLanguage = generate.length >= 2;
  return (seed: number, language: Language) => {
    const key = byLanguage ? `${seed}:${language}` : String(seed);
    if (!made.has(key)) made.set(key, generate(seed, language));
    return made.get(key)!;
  };
}

// Golden reasons: each known-bad solution states why it must fail (graders/<slug>/bad/<name>/expected.json):
// the verdict its folder names, and per language the test it fails and words of the message its user
// reads. A known-bad solution that starts failing for another reason (a grader change that now
// rejects it earlier, for something else) is caught by the self-test instead of passing unnoticed.
import { z } from "zod";
import { LANGUAGES } from "@/contracts/languages";
import type { GradingResult } from "@/contracts/grading-result";
import { VERDICTS } from "@/contracts/verdicts";

/** The file, in each bad/<name>/ folder. */
export const GOLDEN_FILE = "expected.json";

/** Where a grading failed: a test by name, the performance check, or the build ("compile"). */
export interface Failure {
  test: string;
  message: string;
}

/** One way a known-bad solution fails: the test (or "performance", "compile") and phrases of its message. */
const failureReason = z
  .object({
    test: z.string().min(1),
    /** Phrases its message contains (figures left out: they vary from run to run). */
    messageContains: z.array(z.string().min(1)),
  })
  .strict();

/** The ways it fails in one language: one, or several where a race decides which test catches it first. */
const languageReason = z.array(failureReason).min(1);

export const goldenReasonSchema = z
  .object({
    verdict: z.enum(VERDICTS),
    /**
     * A race decides how it fails (which test catches it first, which symptom it shows): the ways
     * listed are those seen, and only the verdict is held.
     */
    varies: z.literal(true).optional(),
    /** Per language, the ways it fails; absent for an `AC-` solution, which must pass. */
    reasons: z.partialRecord(z.enum(LANGUAGES), languageReason).optional(),
  })
  .strict();

export type GoldenReason = z.infer<typeof goldenReasonSchema>;
export type LanguageReason = z.infer<typeof languageReason>;

/** Where a grading that did not pass failed first; undefined when it passed. */
export function failureOf(result: GradingResult): Failure | undefined {
  const failed = result.tests.find((test) => test.verdict && test.verdict !== "AC");
  if (failed) return { test: failed.name, message: failed.message ?? "" };
  if (result.verdict === "AC") return undefined;
  if (result.verdict === "CE") return { test: "compile", message: result.message ?? "" };
  if (result.performance && !result.performance.passed) return { test: "performance", message: result.performance.message };
  return { test: "grading", message: result.message ?? "" };
}

const PHRASE_CHARACTERS = 80;

const normalized = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Up to two phrases of `message` that do not change from run to run: the stretches between figures
 * (any word holding a digit: times, ratios, line numbers, sizes), of at least two words, from its
 * first sentence (what follows may be a tool's report, such as which access a race detector saw
 * first), each cut to about 80 characters.
 */
export function stablePhrases(message: string): string[] {
  return firstSentence(normalized(message))
    .slice(0, 300)
    .split(/\S*\d\S*/)
    .map((piece) => piece.replace(/^[\s,.;:×…-]+|[\s,;:(×…-]+$/g, ""))
    .map((piece) => shortened(piece))
    .filter((piece) => piece.split(" ").length >= 2 && piece.length >= 8)
    .slice(0, 2);
}

/** Up to the first full stop that ends a sentence (a full stop after a figure, "status 2.", too). */
function firstSentence(text: string): string {
  const end = text.search(/\.\s/);
  return end === -1 ? text : text.slice(0, end + 1);
}

/** At most ~80 characters of `phrase`, cut after a word: enough to tell one reason from another. */
function shortened(phrase: string): string {
  if (phrase.length <= PHRASE_CHARACTERS) return phrase;
  const cut = phrase.slice(0, PHRASE_CHARACTERS + 1);
  return cut.slice(0, cut.lastIndexOf(" ")).replace(/[\s,;:(×…-]+$/, "");
}

/**
 * What a golden file says of the failures seen in repeated gradings: each test seen failing, with
 * the phrases all of that test's messages share.
 */
export function reasonFrom(failures: Failure[]): LanguageReason {
  const tests = [...new Set(failures.map((failure) => failure.test))];
  return tests.map((test) => {
    const messages = failures.filter((failure) => failure.test === test).map((failure) => failure.message);
    const phrases = stablePhrases(messages[0]!).filter((phrase) => messages.every((message) => normalized(message).includes(phrase)));
    return { test, messageContains: phrases };
  });
}

/**
 * `before` (a golden file's) with what a new grading saw added: ways it had not listed, and for a
 * test both list, only the phrases both keep. What one run of a race shows is a sample; the file
 * gathers the samples.
 */
export function mergeReasons(before: LanguageReason | undefined, seen: LanguageReason): LanguageReason {
  const merged = [...(before ?? [])];
  for (const way of seen) {
    const known = merged.findIndex((other) => other.test === way.test);
    if (known === -1) merged.push(way);
    else merged[known] = { test: way.test, messageContains: merged[known]!.messageContains.filter((phrase) => way.messageContains.includes(phrase)) };
  }
  return merged;
}

/**
 * Why `failure` is none of the ways `reason` states, or null when it is one of them: the test and
 * the phrases of one way, or, caught by another test, the phrases of a way that has some (a symptom
 * that is the bug's own, whichever test saw it first).
 */
export function reasonMismatch(failure: Failure | undefined, reason: LanguageReason): string | null {
  const tests = reason.map((way) => way.test).join(" or ");
  if (!failure) return `expected to fail ${tests}, but no test failed`;
  const message = normalized(failure.message);
  const shows = (way: LanguageReason[number]) => way.messageContains.every((phrase) => message.includes(phrase));
  if (reason.some((way) => way.test === failure.test && shows(way))) return null;
  if (reason.some((way) => way.messageContains.length > 0 && shows(way))) return null;
  const ways = reason.filter((way) => way.test === failure.test);
  if (ways.length === 0) return `expected to fail ${tests}, failed ${failure.test}: ${failure.message.slice(0, 200)}`;
  const missing = ways[0]!.messageContains.filter((phrase) => !message.includes(phrase));
  return `${failure.test}'s message lacks "${missing.join('", "')}": ${failure.message.slice(0, 200)}`;
}

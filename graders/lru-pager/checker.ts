// The LRU pager's checker: finds the first line that leaves LRU and explains it in paging terms
// (which page LRU evicts and why, what was resident, why a write-back is or is not due), replaying
// the oracle up to that access. Hidden tests get the explanation without their input.
import { describeDivergence, type Divergence, excerpt, explainedDivergence, firstDivergence, normalisedLines } from "@/graders/core/checkers";
import type { Checker, CheckOutcome, IoTestCase } from "@/graders/core/types";
import { type AccessEvent, formatEvent, LruPager, pageLimitOf, parseInput, type Totals, type Workload } from "@/graders/lru-pager/lru";

const count = (value: number) => value.toLocaleString("en-US");
/** An access index (0-based inside, 1-based for people). */
const access = (index: number) => `access ${count(index + 1)}`;

const RESULT_FORMS = "H for a hit, F for a fault that took a free frame, F <page> when it evicted a clean page, F <page> W when it evicted a dirty one";

/** A result line as the format allows it (no leading zeros, single spaces), or null. */
export function parseResult(line: string): AccessEvent | null {
  if (line === "H") return { hit: true };
  const match = /^F(?: (0|[1-9]\d{0,6})( W)?)?$/.exec(line);
  if (!match) return null;
  return { hit: false, evicted: match[1] === undefined ? null : Number(match[1]), writeBack: match[2] !== undefined };
}

function parseTotals(line: string): Totals | null {
  const match = /^TOTAL accesses=(\d+) hits=(\d+) faults=(\d+) writebacks=(\d+)$/.exec(line);
  if (!match) return null;
  return { accesses: Number(match[1]), hits: Number(match[2]), faults: Number(match[3]), writebacks: Number(match[4]) };
}

/** Why the result of access `index` is wrong: LRU replayed up to it. */
function explainAccess(workload: Workload, index: number, got: AccessEvent): string | null {
  const pager = new LruPager(workload.frames, pageLimitOf(workload));
  for (let i = 0; i < index; i++) pager.access(workload.pages[i]!, workload.writes[i]!);
  const page = workload.pages[index]!;
  const at = access(index);
  const what = `${at} (${workload.writes[index] ? "a write to" : "a read of"} page ${page})`;
  const accessed = pager.history(page);
  const lru = pager.leastRecentlyUsed();
  const full = pager.residentCount === workload.frames;

  if (pager.isResident(page)) {
    if (got.hit) return null;
    const used = accessed.lastUse === accessed.loaded ? "" : ` and last used at ${access(accessed.lastUse!)}`;
    return `at ${what} you reported a page fault, but page ${page} was resident: it was loaded at ${access(accessed.loaded!)}${used}, and LRU has not evicted it since.`;
  }
  if (got.hit) {
    if (accessed.evicted !== null) return `at ${what} you reported a hit, but page ${page} was not resident: LRU evicted it at ${access(accessed.evicted)}.`;
    const zeroHint = page === 0 ? " (A table of pages initialised to zeros makes page 0 look resident.)" : "";
    return `at ${what} you reported a hit, but page ${page} was never accessed before, so it cannot be resident: this is a page fault.${zeroHint}`;
  }
  if (!full) {
    if (got.evicted === null) return null;
    return `at ${what} only ${count(pager.residentCount)} of the ${count(workload.frames)} frames ${pager.residentCount === 1 ? "was" : "were"} in use, so the fault takes a free frame, but you evicted page ${got.evicted}: nothing is evicted while a frame is free.`;
  }
  const victim = lru!;
  const lruHistory = pager.history(victim);
  if (got.evicted === null) {
    const allFrames = workload.frames === 1 ? "the only frame was" : workload.frames === 2 ? "both frames were" : `all ${count(workload.frames)} frames were`;
    return `at ${what} ${allFrames} in use, so the fault must evict a page: LRU evicts page ${victim} (last used at ${access(lruHistory.lastUse!)}), but you reported a free frame.`;
  }
  if (got.evicted !== victim) {
    const chosen = got.evicted;
    const base = `at ${what} your pager evicted page ${chosen}, but LRU evicts page ${victim}, the least recently used resident page (last used at ${access(lruHistory.lastUse!)})`;
    if (!pager.isResident(chosen)) return `${base}; page ${chosen} was not even resident.`;
    const chosenHistory = pager.history(chosen);
    const latest = chosenHistory.lastUse === index - 1 ? " (the latest access)" : "";
    const loadedEarlier =
      chosenHistory.loaded! < lruHistory.loaded! ? `, though it was loaded before page ${victim}: LRU goes by last use, hits included, not by load order` : "";
    return `${base}; page ${chosen} was used more recently, at ${access(chosenHistory.lastUse!)}${latest}${loadedEarlier}.`;
  }
  if (lruHistory.firstWrite !== null && !got.writeBack) {
    const written =
      lruHistory.firstWrite === lruHistory.loaded
        ? `was loaded by a write (at ${access(lruHistory.loaded)})`
        : `was written at ${access(lruHistory.firstWrite)}, after it was loaded at ${access(lruHistory.loaded!)}`;
    return `at ${at} page ${victim} was evicted, and it ${written}: it is dirty, so its eviction needs a write-back: ${formatEvent({ hit: false, evicted: victim, writeBack: true })}.`;
  }
  if (lruHistory.firstWrite === null && got.writeBack) {
    const reloaded = lruHistory.writtenBack !== null ? ` It was written back at ${access(lruHistory.writtenBack)}; a page loaded again starts clean.` : "";
    return `at ${at} page ${victim} was evicted clean: it was not written since it was loaded (at ${access(lruHistory.loaded!)}), so it needs no write-back: ${formatEvent({ hit: false, evicted: victim, writeBack: false })}.${reloaded}`;
  }
  return null;
}

/** Why the totals line is wrong, given the right one. */
function explainTotals(expected: Totals, line: string | undefined): string {
  const form = "TOTAL accesses=<accesses> hits=<hits> faults=<faults> writebacks=<write-backs>";
  if (line === undefined) return `your output has no totals line: after the ${count(expected.accesses)} access lines comes ${form}.`;
  const got = parseTotals(line);
  if (!got) return `your totals line is "${excerpt(line)}", but it must read ${form}.`;
  const truth: Record<keyof Totals, (n: number) => string> = {
    accesses: (n) => `there ${n === 1 ? "was 1 access" : `were ${count(n)} accesses`}`,
    hits: (n) => `${count(n)} of them ${n === 1 ? "was a hit" : "were hits"}`,
    faults: (n) => `${count(n)} of them ${n === 1 ? "was a fault" : "were faults"}`,
    writebacks: (n) => `${count(n)} ${n === 1 ? "eviction" : "evictions"} wrote a dirty page back`,
  };
  const wrong = (Object.keys(truth) as (keyof Totals)[]).find((key) => got[key] !== expected[key])!;
  return `your totals line is wrong: it says ${wrong}=${got[wrong]}, but ${truth[wrong](expected[wrong])}.`;
}

/** The explanation of a divergence, or null when the input cannot be replayed (custom input) or nothing better than the line can be said. */
function explain(workload: Workload, divergence: Divergence, expected: string[]): string | null {
  const index = divergence.line - 1;
  const accesses = workload.pages.length;
  const got = divergence.actual;
  if (index < accesses) {
    if (got === undefined || got.startsWith("TOTAL")) {
      return `your output has ${count(index)} access ${index === 1 ? "line" : "lines"}, but there are ${count(accesses)} accesses: print one line per access, then the totals line.`;
    }
    const event = parseResult(got);
    if (!event) return `line ${count(index + 1)} is "${excerpt(got)}", which is not an access result: print ${RESULT_FORMS}.`;
    return explainAccess(workload, index, event);
  }
  if (index === accesses) {
    const totals = parseTotals(expected[accesses] ?? "");
    return totals && explainTotals(totals, got);
  }
  return `your output goes on after the totals line (line ${count(index + 1)} is "${excerpt(got ?? "")}"): print nothing after it.`;
}

export const checkPager: Checker = (test: IoTestCase, output: string): CheckOutcome => {
  if (test.expected === undefined) throw new Error(`Test ${test.name} has no expected output.`);
  if (output === test.expected) return { ok: true };
  const expected = normalisedLines(test.expected);
  const divergence = firstDivergence(expected, normalisedLines(output));
  if (!divergence) return { ok: true };
  const workload = parseInput(test.input);
  const explanation = workload && explain(workload, divergence, expected);
  if (!explanation) return { ok: false, message: describeDivergence(test, divergence) };
  return explainedDivergence(test, divergence, explanation);
};

// `npm run graders:check [-- --repeat K] [--exercise slug] [--language c] [--solution TLE] [--why [--fresh]]`: proves every grader on
// its reference (AC) and known-bad solutions (the verdict their folder names), against the real
// sandbox. With --repeat, each is graded K times and any flip is reported (the flakiness mode); with
// --why, each bad solution's line is followed by the test it failed and the message the user would
// read, and what was seen (every test it failed, the phrases all of that test's messages share) is
// added to its golden reason (bad/<name>/expected.json, which the self-test holds it to): a race
// shows one way of failing per run, so runs gather into the file; --fresh writes it anew instead.
// --exercise, --language and --solution (a name's start: reference, TLE, WA-fifo) may each be repeated.
import { parseArgs } from "node:util";
import pino from "pino";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { GOLDEN_FILE, type GoldenReason, type LanguageReason, mergeReasons, reasonFrom } from "@/graders/core/golden-reasons";
import { GRADERS_DIR, readGoldenReason } from "@/graders/core/load-grader";
import { runSelfTest, selfTestCases } from "@/graders/core/self-test";
import type { Language } from "@/contracts/languages";
import { env } from "@/lib/env";
import { createDockerProgramBuilder } from "@/sandbox/docker/program-builder";

const { values } = parseArgs({
  options: {
    repeat: { type: "string", default: "1" },
    exercise: { type: "string", multiple: true },
    language: { type: "string", multiple: true },
    solution: { type: "string", multiple: true },
    why: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
  },
});
const repeat = Number(values.repeat);
const cases = await selfTestCases({ exercises: values.exercise, languages: values.language as Language[] | undefined, solutions: values.solution });
if (cases.length === 0) {
  console.error("graders:check: no reference or known-bad solution matches --exercise, --language and --solution.");
  process.exit(1);
}
const builder = await createDockerProgramBuilder({ logger: pino({ level: "warn" }), uidRange: env.SANDBOX_UID_RANGE });
const started = performance.now();
let failed = 0;
let worstReferenceRatio = -Infinity;
let tightestBadMargin = Infinity;
let tightestGrowth = Infinity;
let leastReferenceCpu = Infinity;
/** --why: the golden reasons seen, by known-bad folder and language. */
const seen = new Map<string, { verdict: GoldenReason["verdict"]; reasons: Partial<Record<Language, LanguageReason>> }>();
try {
  for (const testCase of cases) {
    const outcome = await runSelfTest(testCase, { builder, repeat });
    if (!outcome.passed) failed++;
    const ratios = outcome.ratios.length ? ` ratios ${Math.min(...outcome.ratios).toFixed(2)}–${Math.max(...outcome.ratios).toFixed(2)}` : "";
    if ((outcome.solution === "reference" || outcome.solution.startsWith("AC-")) && outcome.ratios.length)
      worstReferenceRatio = Math.max(worstReferenceRatio, ...outcome.ratios);
    if (outcome.referenceCpuMs.length) leastReferenceCpu = Math.min(leastReferenceCpu, ...outcome.referenceCpuMs);
    // A too-slow case counts where its verdict came: the ratio, or the growth (its ratio may be within the limit).
    if (outcome.expected === "TLE") {
      for (const { on, value } of outcome.slow) {
        if (on === "ratio") tightestBadMargin = Math.min(tightestBadMargin, value);
        else tightestGrowth = Math.min(tightestGrowth, value);
      }
    }
    const tally = [...new Set(outcome.verdicts)].map((v) => `${v}×${outcome.verdicts.filter((x) => x === v).length}`).join(" ");
    console.log(
      `${outcome.passed ? "ok  " : "FAIL"} ${outcome.exercise} ${outcome.language} ${outcome.solution}: expected ${outcome.expected}, got ${tally}${ratios}${outcome.passed ? "" : ` — ${outcome.message ?? ""}`}`,
    );
    const [first] = outcome.failures;
    if (outcome.passed && first && values.why) console.log(`       why: ${`${first.test}: ${first.message}`.slice(0, 300)}`);
    if (values.why && outcome.solution !== "reference" && outcome.verdicts.every((verdict) => verdict === outcome.expected)) {
      const folder = path.join(GRADERS_DIR, outcome.exercise, "bad", outcome.solution);
      const entry = seen.get(folder) ?? { verdict: outcome.expected, reasons: {} };
      if (outcome.expected !== "AC") entry.reasons[outcome.language] = reasonFrom(outcome.failures);
      seen.set(folder, entry);
      if (outcome.reasonProblem) console.log(`       the golden reason changes: it was ${outcome.reasonProblem}`);
    }
  }
  // Languages not graded this time keep what their file said.
  for (const [folder, { verdict, reasons }] of seen) {
    const before = values.fresh ? null : await readGoldenReason(folder).catch(() => null);
    const kept = before?.verdict === verdict ? (before.reasons ?? {}) : {};
    const gathered = Object.fromEntries(Object.entries(reasons).map(([language, reason]) => [language, mergeReasons(kept[language as Language], reason)]));
    const varies = before?.verdict === verdict && before.varies ? { varies: true as const } : {};
    const golden: GoldenReason = verdict === "AC" ? { verdict } : { verdict, ...varies, reasons: { ...kept, ...gathered } };
    await writeFile(path.join(folder, GOLDEN_FILE), `${JSON.stringify(golden, null, 2)}\n`);
  }
  if (seen.size > 0) console.log(`\nwrote ${seen.size} golden reasons (${GOLDEN_FILE})`);
} finally {
  await builder.close();
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const figure = (ratio: number) => (Number.isFinite(ratio) ? ratio.toFixed(2) : "n/a");
console.log(
  `\nworst reference (or AC-) performance ratio: ${figure(worstReferenceRatio)}; tightest too-slow ratio: ${figure(tightestBadMargin)}; tightest too-fast growth: ${figure(tightestGrowth)}; least reference CPU on the performance workloads: ${Number.isFinite(leastReferenceCpu) ? `${leastReferenceCpu.toFixed(0)} ms` : "n/a"}; ${seconds} s`,
);
console.log(`graders: ${cases.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

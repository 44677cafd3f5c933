// The link fixture's grader: the total must be every thread's adds; one test under the race detector.
import { defineLinkGrader } from "@/graders/core/types";

const scenario = (threads: number, adds: number) => `${threads} ${adds}`;

export default defineLinkGrader({
  tests: () => [
    { name: "one thread", visibility: "public", scenario: scenario(1, 1000) },
    { name: "eight threads", visibility: "hidden", scenario: scenario(8, 20000), description: "8 threads" },
    { name: "race detector", visibility: "hidden", scenario: scenario(4, 2000), description: "4 threads, race detector", raceDetector: true },
  ],
  customScenario: (input) =>
    /^\d+ \d+$/.test(input.trim()) ? { ok: true, scenario: input.trim() } : { ok: false, message: "it is two numbers: threads and adds." },
  check: (test, report) => {
    const [threads, adds] = test.scenario.split(" ").map(Number);
    const expected = threads! * adds!;
    return report.total === expected
      ? { ok: true }
      : { ok: false, message: `The counter ended at ${String(report.total)}, after ${expected} adds: some were lost.` };
  },
});

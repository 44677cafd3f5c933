// The worker's warm-up thread: builds an exercise's tests at the lowest priority and hands them to
// this thread's generators, which then use them instead of building them again.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadGrader } from "@/graders/core/load-grader";
import { onGenerated } from "@/graders/core/memo";
import { logger } from "@/lib/logger";
import { warmGraders } from "@/worker/warm-graders";

/** A thread's nice value from its stat file: after the command's closing parenthesis, the 17th field. */
const niceOf = (stat: string) => Number(readFileSync(stat, "utf8").split(") ")[1]!.split(" ")[16]);

/** The nice value of each thread of this process. */
function threadNiceValues(): number[] {
  return readdirSync("/proc/self/task").flatMap((tid) => {
    try {
      return [niceOf(`/proc/self/task/${tid}/stat`)];
    } catch {
      return []; // the thread ended meanwhile
    }
  });
}

describe("the warm-up thread", () => {
  it("runs at the lowest priority, and its tests are the ones a Submit then uses", async () => {
    const builtHere: string[] = [];
    onGenerated((made) => builtHere.push(`${made.generator} ${made.key}`));
    const warmUp = warmGraders({ logger, slugs: ["cron"] });
    let niced = false;
    let settled = false;
    void warmUp.ready.then(() => (settled = true));
    while (!settled) {
      niced ||= threadNiceValues().includes(19);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(niced, "a thread at nice 19 while warming up").toBe(true);
    expect(niceOf(`/proc/self/task/${process.pid}/stat`), "the main thread keeps its priority").toBe(0);

    const grader = await loadGrader("cron");
    if (grader.kind !== "io") throw new Error("cron is an io exercise");
    const tests = grader.hiddenTests(grader.seed, "python");
    expect(tests.length).toBeGreaterThan(0);
    expect(builtHere, "nothing built again in this thread").toEqual([]);
    await warmUp.stop();
  }, 60_000);
});

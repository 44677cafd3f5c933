// The warm-up thread of worker/warm-graders.ts: generates everything each grader generates, for
// every language, and sends each piece to the worker's main thread as it is made.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { onGenerated } from "@/graders/core/memo";
import type { Grader } from "@/graders/core/types";
import { listExercises } from "@/lib/exercises/load-exercise";
import type { Language } from "@/contracts/languages";
import { loadGrader } from "@/graders/core/load-grader";

function generateAll(grader: Grader, language: Language): void {
  const { seed } = grader;
  if (grader.kind === "io") {
    grader.hiddenTests(seed, language);
    grader.performance?.workloads(seed, language);
    grader.performance?.growth?.small(seed, language);
    grader.performance?.growth?.large(seed, language);
  } else if (grader.kind === "link") {
    grader.tests(seed, language);
    grader.performance?.workloads(seed, language);
  }
}

// At the lowest priority (on Linux a thread has a nice value of its own): the warm-up takes a core for
// tens of seconds, and a grading that starts meanwhile, with its timed runs, must not wait for it.
setPriority(19);
onGenerated((made) => parentPort!.postMessage({ made }));
const only = (workerData as { slugs?: string[] } | null)?.slugs;
for (const manifest of await listExercises()) {
  if (only && !only.includes(manifest.slug)) continue;
  const grader = await loadGrader(manifest.slug);
  for (const language of Object.keys(manifest.languages) as Language[]) generateAll(grader, language);
}
parentPort!.postMessage({ done: true });

// The warm-up thread of worker/warm-graders.ts: generates everything each grader generates, for
// every language, and sends each piece to the worker's main thread as it is made.
import { parentPort } from "node:worker_threads";
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

onGenerated((made) => parentPort!.postMessage({ made }));
for (const manifest of await listExercises()) {
  const grader = await loadGrader(manifest.slug);
  for (const language of Object.keys(manifest.languages) as Language[]) generateAll(grader, language);
}
parentPort!.postMessage({ done: true });

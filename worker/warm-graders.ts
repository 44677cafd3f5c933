// Builds every exercise's tests and workloads for every language in the background once the worker
// is up, one exercise and language at a time with a turn of the event loop between them, so the
// first Submit of each does not wait seconds for its oracle (Banker's C workloads take ~2 s to make).
import type { Logger } from "pino";
import type { Grader } from "@/graders/core/types";
import { listExercises } from "@/lib/exercises/load-exercise";
import type { Language } from "@/lib/exercises/manifest";
import { loadGrader } from "@/lib/grading/load-grader";

/** Everything `grader` generates for `language` (each generator remembers what it made). */
function generateAll(grader: Grader, language: Language): void {
  const { seed } = grader;
  if (grader.kind === "io") {
    grader.hiddenTests(seed, language);
    const { performance } = grader;
    if (performance) {
      performance.workloads(seed, language);
      performance.growth?.small(seed, language);
      performance.growth?.large(seed, language);
    }
  } else if (grader.kind === "link") {
    grader.tests(seed, language);
    grader.performance?.workloads(seed, language);
  }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

export async function warmGraders(options: { logger: Logger; isStopping: () => boolean }): Promise<void> {
  const started = performance.now();
  for (const manifest of await listExercises()) {
    const grader = await loadGrader(manifest.slug);
    for (const language of Object.keys(manifest.languages) as Language[]) {
      if (options.isStopping()) return;
      await nextTurn();
      generateAll(grader, language);
    }
  }
  options.logger.info({ ms: Math.round(performance.now() - started) }, "every exercise's tests and workloads are ready");
}

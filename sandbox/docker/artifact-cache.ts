// Compiled artifacts kept in memory by the content they were built from, so the same code (above
// all an exercise's reference, built for every Submit) compiles once per worker process, and two
// identical compiles asked for at once share one.
import { LRUCache } from "lru-cache";
import type { Artifact, CompileResult } from "@/sandbox/runner";

const DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024;

/** Carries a failed compile's output out of the cache's fetch; a failure is never kept. */
class CompileFailed extends Error {
  constructor(readonly output: string) {
    super("compile failed");
  }
}

/** Least recently used artifacts go first once their total size passes the budget; one larger than it is never kept. */
export class ArtifactCache {
  private readonly cache: LRUCache<string, Artifact, () => Promise<CompileResult>>;

  constructor(budgetBytes = DEFAULT_BUDGET_BYTES) {
    this.cache = new LRUCache({
      maxSize: budgetBytes,
      sizeCalculation: (artifact) => Math.max(1, artifact.tar.length),
      fetchMethod: async (_key, _stale, { context: compile }) => {
        const compiled = await compile();
        if (!compiled.ok) throw new CompileFailed(compiled.output);
        return compiled.artifact;
      },
    });
  }

  /** The artifact kept under `key`, or the one `compile` builds (shared by every caller asking meanwhile). */
  async compile(key: string, compile: () => Promise<CompileResult>): Promise<CompileResult> {
    try {
      const artifact = await this.cache.fetch(key, { context: compile });
      return { ok: true, artifact: artifact!, output: "" };
    } catch (error) {
      if (error instanceof CompileFailed) return { ok: false, output: error.output };
      throw error;
    }
  }

  has(key: string): boolean {
    return this.cache.has(key);
  }
}

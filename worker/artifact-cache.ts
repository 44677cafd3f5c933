// Compiled artifacts kept in memory by the content they were built from, so the same code (above
// all an exercise's reference, built for every Submit) compiles once per worker process.
import type { Artifact } from "@/sandbox/runner";

const DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024;

/** Least recently used artifacts go first once their total size passes the budget. */
export class ArtifactCache {
  private readonly entries = new Map<string, Artifact>();
  private bytes = 0;

  constructor(private readonly budgetBytes = DEFAULT_BUDGET_BYTES) {}

  get(key: string): Artifact | undefined {
    const artifact = this.entries.get(key);
    if (artifact) {
      this.entries.delete(key);
      this.entries.set(key, artifact);
    }
    return artifact;
  }

  set(key: string, artifact: Artifact): void {
    if (artifact.tar.length > this.budgetBytes || this.entries.has(key)) return;
    this.entries.set(key, artifact);
    this.bytes += artifact.tar.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.tar.length;
    }
  }
}
